import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser, Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { DatasetPageDto, DatasetSummaryDto } from './v0/dataset.dto.js';
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
import { V0DatasetParams, V0Errors, V0ListQueries, V0OwnerParam } from './v0/v0-openapi.js';

const BAD_TOKEN = 'A bad token (anonymous callers see OPEN datasets only)';
const BAD_PAGE = 'limit is not 1-100, or next is not a page token this server gave';
const NO_TOKEN = 'No token, or a bad one';

/** data.world's dataset reads: one dataset's summary, and the dataset lists. */
@ApiTags('data.world v0')
@ApiBearerAuth()
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
      'capped by the API token scope. Anonymous callers may read OPEN datasets.',
  })
  @V0DatasetParams()
  @ApiOkResponse({ type: DatasetSummaryDto, description: 'The dataset with its files' })
  @V0Errors({
    400: 'owner or id is not a slug',
    401: BAD_TOKEN,
    404: 'No such dataset, or one the caller may not read',
  })
  async get(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Param('id') id: string,
  ): Promise<DatasetSummaryJson> {
    return datasetSummaryJson(await this.summaries.summary(caller, parseDatasetKey(owner, id)));
  }

  @Get('datasets/:owner')
  @AllowAnonymous()
  @V0OwnerParam()
  @V0ListQueries()
  @ApiOperation({
    summary: "List a team's datasets the caller may read (OPEN ones for anyone)",
    description:
      'In dataset id order; each dataset as its newest active version. Anonymous callers ' +
      'may list the OPEN datasets.',
  })
  @ApiOkResponse({ type: DatasetPageDto, description: 'A page of datasets' })
  @V0Errors({
    400: `owner is not a slug, or ${BAD_PAGE}`,
    401: BAD_TOKEN,
    404: 'No team has this slug',
  })
  async listByOwner(
    @CurrentUser() caller: Caller,
    @Param('owner') owner: string,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { owner: parseOwner(owner) }, query);
  }

  @Get('user/datasets/own')
  @V0ListQueries()
  @ApiOperation({
    summary: 'List the datasets of the teams where the caller is an admin (A)',
    description:
      'Any signed-in caller. Membership decides, not powers: a site admin sees here only ' +
      'the teams they are A in.',
  })
  @ApiOkResponse({ type: DatasetPageDto, description: 'A page of datasets' })
  @V0Errors({ 400: BAD_PAGE, 401: NO_TOKEN })
  async listOwn(
    @CurrentUser() caller: AuthUser,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { role: 'own' }, query);
  }

  @Get('user/datasets/contributing')
  @V0ListQueries()
  @ApiOperation({
    summary: 'List the datasets of the teams where the caller is a writer (W)',
    description: 'Any signed-in caller; membership decides, as for `own`.',
  })
  @ApiOkResponse({ type: DatasetPageDto, description: 'A page of datasets' })
  @V0Errors({ 400: BAD_PAGE, 401: NO_TOKEN })
  async listContributing(
    @CurrentUser() caller: AuthUser,
    @Query() query: Record<string, unknown>,
  ): Promise<DatasetPageJson> {
    return this.page(caller, { role: 'contributing' }, query);
  }

  @Get('user/datasets/liked')
  @V0ListQueries()
  @ApiOperation({
    summary: 'List liked datasets: always empty (Strata has no likes)',
    description: 'Any signed-in caller; the page values are still checked.',
  })
  @ApiOkResponse({ type: DatasetPageDto, description: 'An empty page' })
  @V0Errors({ 400: BAD_PAGE, 401: NO_TOKEN })
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
