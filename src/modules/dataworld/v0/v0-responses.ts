import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** data.world's SuccessMessage: what every `/v0` mutation answers (200). */
export class V0MessageDto {
  @ApiProperty({ example: 'File uploaded.' })
  message: string;
}

/** What a create answers (200), with the same URL as `Location`. */
export class V0CreatedDto {
  @ApiProperty({ example: 'Dataset has been successfully created.' })
  message: string;

  @ApiProperty({
    format: 'uri',
    description: "The new dataset's /v0 URL",
    example: 'https://strata.example/v0/datasets/my-team/my-dataset',
  })
  uri: string;
}

/** data.world's ErrorMessage: every `/v0` refusal. */
export class V0ErrorDto {
  @ApiProperty({ example: 404, description: 'The HTTP status' })
  code: number;

  @ApiProperty({ example: 'Not found.' })
  message: string;

  @ApiPropertyOptional({ description: 'The underlying cause, when there is one worth telling' })
  details?: string;
}

export function v0Message(message: string): V0MessageDto {
  return { message };
}
