import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { AllowAnonymous } from '../../common/auth/public.decorator.js';
import { ParsePkPipe } from '../../common/http/parse-pk.pipe.js';
import { V1Errors, V1PkParam } from '../../common/http/v1-openapi.js';
import { DatasetDiffDto, DatasetHistoryDto, DiffQueryDto } from './history.dto.js';
import { toDatasetDiffJson, toDatasetHistoryJson } from './history.mapper.js';
import { diffRequest } from './history.requests.js';
import { HistoryService } from './history.service.js';

/** Who may read, in the words of `GET /v1/datasets/{pk}`. */
const READERS =
  "anyone (no token needed) for a public dataset; members of the dataset's team at any " +
  'level and site admins otherwise; an API token needs the `read` scope.';

/** Strata's own routes (under /api): the versions of a dataset and what changed between two. */
@ApiTags('history')
@ApiBearerAuth()
@Controller('api/datasets/:pk')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('history')
  @AllowAnonymous()
  @ApiOperation({
    summary: "A dataset's versions, oldest first, with their file counts and sizes",
    description:
      'Every version of the dataset `pk` belongs to (same project and name): pk, version, ' +
      'creation time, creator, file count and total bytes. Soft-deleted versions are listed ' +
      'too, with their `deletion_time`. A caller who is not a member of the team sees the ' +
      `public versions only. Who: ${READERS}`,
  })
  @V1PkParam('pk', 'Any version of the dataset')
  @ApiOkResponse({ type: DatasetHistoryDto, description: 'The lineage' })
  @V1Errors({
    401: 'Not public, and no valid token (or a token was sent and is not valid)',
    403: "Not public, and not a member of the dataset's team",
    404: 'No such dataset',
  })
  async lineage(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
  ): Promise<DatasetHistoryDto> {
    return toDatasetHistoryJson(await this.history.history(caller, pk));
  }

  @Get('diff')
  @AllowAnonymous()
  @ApiOperation({
    summary: 'What changed in the files from version `from` to version `pk`',
    description:
      'Files added, removed, changed (same name, other bytes), renamed (the same bytes under ' +
      'a new name, a gone name paired with a new one) and with changed metadata, in byte ' +
      'order of their name, a page of `limit` (at most 10,000) at a time: while `next` is ' +
      'set, ask again with `after=<next>`. Each page is computed from the whole of both ' +
      'versions, so pages taken while a version changes may disagree. Both versions must be ' +
      `readable by the caller and versions of one dataset. Who: ${READERS}`,
  })
  @V1PkParam('pk', 'The version compared to', 2)
  @ApiOkResponse({ type: DatasetDiffDto, description: 'A page of changes' })
  @V1Errors({
    400:
      '`from` missing or not a pk, a bad `limit` or `after`, or the two are not versions ' +
      'of one dataset',
    401: 'A version is not public, and no valid token (or a token was sent and is not valid)',
    403: "A version is not public, and not a member of the dataset's team",
    404: 'No such dataset (either of the two)',
  })
  async diff(
    @CurrentUser() caller: Caller,
    @Param('pk', ParsePkPipe) pk: number,
    @Query() query: DiffQueryDto,
  ): Promise<DatasetDiffDto> {
    const { fromPk, page } = diffRequest(query);
    return toDatasetDiffJson(await this.history.diff(caller, pk, fromPk, page));
  }
}
