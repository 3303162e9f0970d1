import { ApiBody, ApiProperty, ApiResponse } from '@nestjs/swagger';

/** UFDL's FileMetadata: one file's metadata, an opaque string (the body of a set, too). */
export class V1FileMetadataDto {
  @ApiProperty({
    description: 'Any text (often JSON); the empty string when none was set',
    example: '{"label": "cat"}',
  })
  metadata!: string;
}

export const V1FileMetadataBody = (): MethodDecorator =>
  ApiBody({
    required: true,
    type: V1FileMetadataDto,
    description: 'Exactly `{"metadata": "<string>"}`',
    examples: { label: { summary: 'A label', value: { metadata: '{"label": "cat"}' } } },
  });

export const V1FileMetadataResponse = (description: string): MethodDecorator =>
  ApiResponse({ status: 200, description, type: V1FileMetadataDto });

/** Every file's metadata by file name (streamed: any number of files). */
export const V1MetadataMapResponse = (): MethodDecorator =>
  ApiResponse({
    status: 200,
    description: "Each file's name and metadata",
    schema: {
      type: 'object',
      additionalProperties: { type: 'string' },
      example: { 'hello.txt': '{"label": "cat"}' },
    },
  });
