import { ApiProperty } from '@nestjs/swagger';
import { V1_SOFT_DELETE_PROPERTIES } from '../../../common/http/v1-openapi.js';
import type { ProjectJson } from './project.presenter.js';

/** The /v1 project answer, field for field what `projectJson` writes. */
export class V1ProjectDto implements ProjectJson {
  @ApiProperty({ type: 'integer', example: 1 })
  pk!: number;

  @ApiProperty({ example: 'images' })
  name!: string;

  @ApiProperty({ type: 'integer', description: "The owning team's pk", example: 1 })
  team!: number;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creator)
  creator!: number | null;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.creation_time)
  creation_time!: string;

  @ApiProperty(V1_SOFT_DELETE_PROPERTIES.deletion_time)
  deletion_time!: string | null;
}
