import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  type HeadersObject,
} from '@nestjs/swagger';
import { ARCHIVE_FORMATS, type ArchiveFormat } from '../archive.service.js';

/**
 * The OpenAPI pieces of the /v1 file routes (uploads, reads, downloads), described once and
 * shared by their controllers.
 */

/** The handle of the bytes `hello` (the SHA-256 of the file's content). */
const V1_HANDLE_EXAMPLE = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

/** UFDL's NamedFile: what add_file, add_files and delete_file answer. */
export class V1NamedFileDto {
  @ApiProperty({
    description: 'The name the file has in the dataset (directories separated by `/`)',
    example: 'hello.txt',
  })
  filename!: string;

  @ApiProperty({
    description: "The SHA-256 of the file's bytes, in hex: its handle for `file-handles/{handle}`",
    pattern: '^[0-9a-f]{64}$',
    example: V1_HANDLE_EXAMPLE,
  })
  handle!: string;
}

/**
 * The `*filename` / `*handle` wildcard of a route: greedy, so it may hold `/`. Swagger UI
 * percent-encodes path values (`/` as `%2F`), which the server decodes back.
 */
export const V1WildcardParam = (name: 'filename' | 'handle'): MethodDecorator =>
  ApiParam({
    name,
    description:
      name === 'filename'
        ? "The file's name in the dataset; a `/` in it (a directory) may be sent as is or as " +
          '`%2F`, and other reserved characters percent-encoded (`%20` for a space)'
        : "The file's handle: the SHA-256 of its bytes in hex, as a NamedFile's `handle`",
    // In the schema: Nest drops a parameter's own `example` when it has a schema.
    schema: {
      type: 'string',
      minLength: 1,
      example: name === 'filename' ? 'hello.txt' : V1_HANDLE_EXAMPLE,
    },
  });

/** Uploads read the raw body whatever its Content-Type: the labels clients send are listed. */
const UPLOAD_MEDIA_TYPES = ['application/octet-stream', 'application/data'];

/**
 * A raw upload: the body is the bytes (Swagger UI shows a file picker for a binary body) and
 * Content-Disposition must carry a `filename` parameter (its value is not used).
 */
export const V1RawUploadBody = (options: {
  description: string;
  exampleFilename: string;
  mediaTypes?: string[];
}): MethodDecorator =>
  applyDecorators(
    ApiConsumes(...UPLOAD_MEDIA_TYPES, ...(options.mediaTypes ?? [])),
    ApiBody({
      required: true,
      description: options.description,
      schema: { type: 'string', format: 'binary' },
    }),
    ApiHeader({
      name: 'Content-Disposition',
      required: true,
      description:
        'Must have a `filename` parameter (any value: the name comes from the path), else 400',
      example: `attachment; filename="${options.exampleFilename}"`,
    }),
  );

/** 200 with one NamedFile. */
export const V1NamedFileResponse = (description: string): MethodDecorator =>
  ApiResponse({ status: 200, description, type: V1NamedFileDto });

/** 200 with an array of NamedFiles. */
export const V1NamedFilesResponse = (description: string): MethodDecorator =>
  ApiResponse({ status: 200, description, type: V1NamedFileDto, isArray: true });

const BINARY = { 'application/data': { schema: { type: 'string', format: 'binary' } } };

const BYTE_HEADERS: HeadersObject = {
  'Accept-Ranges': { description: '`bytes`', schema: { type: 'string' } },
  'Content-Length': { schema: { type: 'integer' } },
};

const CONTENT_RANGE: HeadersObject = {
  'Content-Range': { description: '`bytes <first>-<last>/<length>`', schema: { type: 'string' } },
};

/**
 * A stored file's bytes, labelled `application/data` as UFDL does (so that is the one media
 * type listed: Swagger UI sends it as `Accept`, and any other refuses the request with 406).
 */
export const V1FileBytesResponses = (): MethodDecorator => {
  const etag: HeadersObject = {
    ETag: { description: "The file's handle, quoted (a strong ETag)", schema: { type: 'string' } },
  };
  return applyDecorators(
    ApiHeader({
      name: 'Range',
      required: false,
      description: 'One byte range (`bytes=0-99`) for a 206; several get the whole file',
    }),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of a copy held: 304 while the file is unchanged',
    }),
    ApiResponse({
      status: 200,
      description: "The file's bytes",
      headers: { ...etag, ...BYTE_HEADERS },
      content: BINARY,
    }),
    ApiResponse({
      status: 206,
      description: 'The byte range asked for',
      headers: { ...etag, ...BYTE_HEADERS, ...CONTENT_RANGE },
      content: BINARY,
    }),
    ApiResponse({
      status: 304,
      description: 'Not modified: `If-None-Match` named its ETag (no body)',
      headers: etag,
    }),
  );
};

/**
 * A dataset's archive: streamed as it is built (chunked), or, for a zip whose CRC-32s are all
 * known, with a length and an ETag, so a single `Range` may be asked for.
 */
export const V1ArchiveResponses = (): MethodDecorator => {
  const headers: HeadersObject = {
    'Content-Disposition': {
      description: "`attachment` with the archive's name: `<dataset>.v<version>.<zip|tar.gz>`",
      schema: { type: 'string' },
    },
    ETag: {
      description: 'Only for a zip of known length: its strong ETag',
      schema: { type: 'string' },
    },
    ...BYTE_HEADERS,
  };
  return applyDecorators(
    ApiHeader({
      name: 'Range',
      required: false,
      description: 'For a zip with an ETag: one byte range (`bytes=0-99`) for a 206',
    }),
    ApiHeader({
      name: 'If-Range',
      required: false,
      description: 'The ETag the `Range` is for: another one gets the whole archive',
    }),
    ApiResponse({
      status: 200,
      description:
        'The archive: a zip (entries stored, not compressed) or a gzipped tar, as `filetype` ' +
        'asks, labelled `application/data`',
      headers,
      content: BINARY,
    }),
    ApiResponse({
      status: 206,
      description: 'The byte range of the zip asked for',
      headers: { ...headers, ...CONTENT_RANGE },
      content: BINARY,
    }),
  );
};

/** The body of `POST .../download` (download-body.requests.ts); no body is `{}`. */
export class V1DownloadRequestDto {
  @ApiPropertyOptional({
    enum: ARCHIVE_FORMATS,
    default: 'zip',
    description: 'The archive format; another value is refused (415)',
  })
  filetype?: ArchiveFormat;

  @ApiPropertyOptional({
    type: 'object',
    description: 'Only `annotations_args` is accepted (and ignored); another key is 422',
    additionalProperties: {
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
  })
  params?: Record<string, string | string[]>;
}

export const V1DownloadBody = (): MethodDecorator =>
  ApiBody({
    required: false,
    type: V1DownloadRequestDto,
    description: 'Other top-level keys are ignored',
    examples: {
      zip: { summary: 'A zip', value: { filetype: 'zip' } },
      tar: { summary: 'A gzipped tar', value: { filetype: 'tar.gz' } },
    },
  });
