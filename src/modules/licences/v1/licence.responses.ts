import { ApiProperty } from '@nestjs/swagger';
import type { LicenceJson } from './licence.presenter.js';

/** The /v1 licence answer, field for field what `licenceJson` writes. */
export class V1LicenceDto implements LicenceJson {
  @ApiProperty({ type: 'integer', example: 11 })
  pk!: number;

  @ApiProperty({ example: 'MIT' })
  name!: string;

  @ApiProperty({ format: 'uri', example: 'https://opensource.org/licenses/MIT' })
  url!: string;

  @ApiProperty({ type: [String], example: ['Commercial use', 'Modification'] })
  permissions!: string[];

  @ApiProperty({ type: [String], example: ['License and copyright notice'] })
  conditions!: string[];

  @ApiProperty({ type: [String], example: ['Liability', 'Warranty'] })
  limitations!: string[];

  @ApiProperty({
    type: [String],
    description: 'The kinds of work it suits',
    example: ['Software', 'Models'],
  })
  domains!: string[];
}
