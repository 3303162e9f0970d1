import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';

/** Each check by name (`database`), with its state and, when down, why. */
const INDICATORS: { type: 'object'; additionalProperties: SchemaObject } = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['up', 'degraded', 'down'] },
      responseTime: { type: 'number', description: 'Milliseconds the check took' },
    },
    additionalProperties: true,
  },
};

/** Terminus' health report, as `/health` and `/health/ready` answer it (200 and 503 alike). */
export class HealthReportDto {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error', 'shutting_down'],
    description: '`ok` answers 200; `error` and `shutting_down` answer 503',
    example: 'ok',
  })
  status!: string;

  @ApiPropertyOptional({
    ...INDICATORS,
    description: 'The checks that passed',
    example: { database: { status: 'up' } },
  })
  info?: Record<string, { status: string }>;

  @ApiPropertyOptional({
    ...INDICATORS,
    description: 'The checks that failed, with why',
    example: {},
  })
  error?: Record<string, { status: string }>;

  @ApiProperty({
    ...INDICATORS,
    description: 'Every check',
    example: { database: { status: 'up' } },
  })
  details!: Record<string, { status: string }>;
}

/** `GET /health/live`: the process answers. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}
