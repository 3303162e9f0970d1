import { ApiProperty } from '@nestjs/swagger';
import type { DataDomainJson } from './data-domain.presenter.js';

/** The /v1 data domain answer, field for field what `dataDomainJson` writes. */
export class V1DataDomainDto implements DataDomainJson {
  @ApiProperty({ type: 'integer', example: 1 })
  pk!: number;

  @ApiProperty({ example: 'ic' })
  name!: string;

  @ApiProperty({ example: 'Image Classification' })
  description!: string;
}
