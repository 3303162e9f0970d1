import { applyDecorators, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { DatasetPageDto, DatasetSummaryDto, V0ErrorDto } from './v0/dataset.dto.js';
import {
  datasetPageJson,
  datasetSummaryJson,
  type DatasetPageJson,
  type DatasetSummaryJson,
} from './v0/dataset.presenter.js';
import {
  DatasetSummariesService,
  type SummaryListSelection,
} from './v0/dataset-summaries.service.js';
import { parseDatasetKey, parseOwner } from './v0/dataset-key.js';
import { encodeCursor, parseListPage } from './v0/list-page.js';

/** `?limit=&next=` of every /v0 list, for Swagger. */
const ListQueries = () =>
  applyDecorators(
    ApiQuery({ name: 'limit', required: false, description: '1-100, default 10' }),
    ApiQuery({ name: 'next', required: false, description: 'A nextPageToken of the page before' }),
  );

/** data.world's dataset reads: one dataset's summary, and the dataset lists. */
@ApiTags('v0')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: V0ErrorDto, description: 'A path or query value is malformed' })
@ApiUnauthorizedResponse({ type: V0ErrorDto, description: 'A bad token, or none where needed' })
@Controller('v0')
export class V0DatasetsController {
  constructor(private readonly summaries: DatasetSummariesService) {}

  @Get('datasets/:owner/:id')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'Retrieve a dataset: its metadata and files (members; anyone when it is OPEN)',
    description:
      "The lineage's newest active version. `accessLevel` is the caller's: READ for R and X " +
      'members (and anyone on an OPEN dataset), WRITE for W, ADMIN for A and site admins, ' +
      'capped by the API token scope.',
  })
  @ApiOkResponse({ type: DatasetSummaryDto })
  @ApiNotFoundResponse({ type: V0ErrorDto, description: 'Unknown, or not readable by the caller' })
  async get(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
  ): Promise<DatasetSummaryJson> {
    return datasetSummaryJson(await this.summaries.summary(caller, parseDatasetKey(owner, id)));
  }

  @Get('datasets/:owner')
  @AllowAnonymous()
  @ListQueries()
  @ApiOperation({
    summary: "List a team's datasets the caller may read (OPEN ones for anyone)",
    description: 'In dataset id order; each dataset as its newest active version.',
  })
  @ApiOkResponse({ type: DatasetPageDto })
  @ApiNotFoundResponse({ type: V0ErrorDto, description: 'No team has this slug' })
  async listByOwner(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { owner: parseOwner(owner) }, query);
  }

  @Get('user/datasets/own')
  @ListQueries()
  @ApiOperation({
    summary: 'List the datasets of the teams where the caller is an admin (A)',
    description:
      'Membership decides, not powers: a site admin sees here only the teams they are A in.',
  })
  @ApiOkResponse({ type: DatasetPageDto })
  async listOwn(
    @CurrentUser() caller: AuthUser,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { role: 'own' }, query);
  }

  @Get('user/datasets/contributing')
  @ListQueries()
  @ApiOperation({ summary: 'List the datasets of the teams where the caller is a writer (W)' })
  @ApiOkResponse({ type: DatasetPageDto })
  async listContributing(
    @CurrentUser() caller: AuthUser,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { role: 'contributing' }, query);
  }

  @Get('user/datasets/liked')
  @ListQueries()
  @ApiOperation({ summary: 'List liked datasets: always empty (Strata has no likes)' })
  @ApiOkResponse({ type: DatasetPageDto })
  listLiked(@Query() query: Record<string, unknown>): DatasetPageJson {
    // The page values are still checked: a client's mistake should not pass here and fail elsewhere.
    parseListPage(query);
    return datasetPageJson([], undefined);
  }

  private async page(
    caller: Caller,
    selection: SummaryListSelection,
    query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    const page = await this.summaries.list(caller, selection, parseListPage(query));
    return datasetPageJson(page.records, page.next && encodeCursor(page.next));
  }
}
