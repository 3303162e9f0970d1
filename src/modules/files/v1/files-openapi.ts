import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiParam,
  ApiProperty,
  ApiResponse,
  type HeadersObject,
} from '@nestjs/swagger';

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

/** The headers of a file's bytes (also of a 304 or 206). */
export const V1_FILE_HEADERS: HeadersObject = {
  ETag: { description: "The file's handle, quoted", schema: { type: 'string' } },
  'Accept-Ranges': { description: '`bytes`', schema: { type: 'string' } },
};
