import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { parseAfterRefusals } from '../../common/http/parse-after.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { V0DatasetWritesService } from './v0-dataset-writes.service.js';
import { parseDatasetKey, parseOwner, type DatasetKey } from './v0/dataset-key.js';
import {
  V0CreatedResponse,
  V0DatasetParams,
  V0Errors,
  V0JsonBody,
  V0MessageOrCreatedResponse,
  V0MessageResponse,
  V0OwnerParam,
} from './v0/v0-openapi.js';
import {
  parseDatasetDefinition,
  parseDatasetPatch,
  parseFileBatch,
} from './v0/dataset.requests.js';

interface Message {
  message: string;
}

interface Created extends Message {
  uri: string;
}

const CREATED = 'Dataset has been successfully created.';

/** The refusals of every dataset write. */
const REFUSALS = {
  400: 'Malformed JSON, a body that is not an object, or an owner or id that is not a slug',
  401: 'No token, or a bad one',
  403: 'The caller sees the team or dataset but lacks the access needed (or the token scope)',
  404: 'No such team or dataset, or one the caller may not see',
} as const;
const BODY_REFUSALS = {
  ...REFUSALS,
  413: 'The JSON body is over the size limit',
  422: 'A field breaks a rule (named, with the offending value, in `message`)',
} as const;

@ApiTags('data.world v0')
@ApiBearerAuth()
@Controller('v0/datasets/:owner')
export class V0DatasetWritesController {
  constructor(
    private readonly writes: V0DatasetWritesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a dataset (write members of the team)',
    description:
      "The id derives from the title (lower case; spaces and hyphens become one '-', other " +
      "characters are dropped). Goes into the body's `project`, else the team's project " +
      '`default`, made on demand. Files may only come from URL sources (fetched in the ' +
      'background). Answers the dataset URL as `uri` and `Location`.',
  })
  @V0OwnerParam()
  @V0JsonBody('V0DatasetDefinitionRequest')
  @V0CreatedResponse()
  @V0Errors({ ...BODY_REFUSALS, 409: 'The team already has a dataset with the derived id' })
  async create(
    @CurrentUser() caller: AuthUser,
    @Param('owner') owner: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Created> {
    parseOwner(owner);
    const definition = await parseAfterRefusals(
      () => parseDatasetDefinition(body),
      () => this.writes.assertCanCreate(caller, owner),
    );
    const key = await this.writes.create(caller, owner, definition);
    return this.created(key, request, response);
  }

  @Put(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace a dataset with a new version, or create it with this id (write members)',
    description:
      'The new version (highest of the dataset + 1) holds exactly the body: a license left ' +
      'out is Other, description, summary and tags left out are empty, and its files are the ' +
      "body's sourced files only. Earlier versions stay on /v1. An id no dataset of the team " +
      'has creates the dataset, answered like a create.',
  })
  @V0DatasetParams()
  @V0JsonBody('V0DatasetDefinitionRequest')
  @V0MessageOrCreatedResponse()
  @V0Errors({
    ...BODY_REFUSALS,
    409: 'Another dataset of the project has the title, or the dataset changed meanwhile',
  })
  async replace(
    @CurrentUser() caller: AuthUser,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Message | Created> {
    const key = parseDatasetKey(owner, id);
    const definition = await parseAfterRefusals(
      () => parseDatasetDefinition(body),
      () => this.writes.assertCanReplace(caller, key),
    );
    const { created } = await this.writes.replace(caller, key, definition);
    if (created) {
      return this.created(key, request, response);
    }
    return { message: 'Dataset has been successfully replaced.' };
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Update a dataset (write members)',
    description:
      'Fields left out stay; lists (tags, labels) are replaced whole; null clears description ' +
      'and summary, empties tags and sets the license to Other. Files merge by name: with a ' +
      'source a file is added or repointed (and synced), without one it must exist and only ' +
      'its description and labels change. A new title renames every version; the id stays.',
  })
  @V0DatasetParams()
  @V0JsonBody('V0DatasetPatchRequest', {
    description: 'Only the fields to change; an empty body changes nothing',
    required: false,
  })
  @V0MessageResponse('Updated')
  @V0Errors({ ...BODY_REFUSALS, 409: 'Another dataset of the project has the new title' })
  async patch(
    @CurrentUser() caller: AuthUser,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Message> {
    const { key, value } = await this.writeBody(caller, owner, id, () => parseDatasetPatch(body));
    await this.writes.patch(caller, key, value);
    return { message: 'Dataset successfully updated.' };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Delete a dataset, every version of it (team admins)',
    description:
      'Soft-deletes every version; a site admin can reinstate them through /v1. The id is ' +
      'free for new datasets afterwards.',
  })
  @V0DatasetParams()
  @V0MessageResponse('Deleted')
  @V0Errors(REFUSALS)
  async delete(
    @CurrentUser() caller: AuthUser,
    @Param('owner') owner: string,
    @Param('id') id: string,
  ): Promise<Message> {
    await this.writes.delete(caller, parseDatasetKey(owner, id));
    return { message: 'Dataset has been successfully deleted.' };
  }

  @Post(':id/files')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add or update files by URL source (write members)',
    description:
      'Each file is added, or repointed when the name exists, and fetched in the background. ' +
      'A bare array of files is accepted as well as `{files: [...]}`.',
  })
  @V0DatasetParams()
  @V0JsonBody('V0FileBatchRequest')
  @V0MessageResponse('Added; the fetches run in the background')
  @V0Errors(BODY_REFUSALS)
  async addFiles(
    @CurrentUser() caller: AuthUser,
    @Param('owner') owner: string,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Message> {
    const { key, value } = await this.writeBody(caller, owner, id, () => parseFileBatch(body));
    await this.writes.addFilesBySource(caller, key, value);
    return { message: 'Dataset has been successfully updated with new sources. Sync in progress.' };
  }

  /** The key and the parsed body of a write needing write access; its refusals win over the body's. */
  private async writeBody<T>(
    caller: AuthUser,
    owner: string,
    id: string,
    parse: () => T,
  ): Promise<{ key: DatasetKey; value: T }> {
    const key = parseDatasetKey(owner, id);
    const value = await parseAfterRefusals(parse, () =>
      this.writes.assertCan(caller, key, 'write'),
    );
    return { key, value };
  }

  /** Create's answer: the dataset's absolute /v0 URL as `uri` and `Location` (decision 1). */
  private created(key: DatasetKey, request: Request, response: Response): Created {
    const base =
      this.config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    const uri = `${base}/v0/datasets/${key.owner}/${key.id}`;
    response.setHeader('Location', uri);
    return { message: CREATED, uri };
  }
}
