import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  isURL,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

// DRF's CharField/URLField report one message per failed rule, in this order; class-validator's
// stock decorators would stack "not a string" with "too long" for the same value.

/** The first CharField rule `value` breaks, in DRF's words; undefined when it passes. */
function charFieldProblem(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') {
    return 'Not a valid string.';
  }
  if (value === '') {
    return 'This field may not be blank.';
  }
  if (value.length > maxLength) {
    return `Ensure this field has no more than ${maxLength} characters.`;
  }
  return undefined;
}

@ValidatorConstraint({ name: 'drfCharField' })
class DrfCharField implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return charFieldProblem(value, args.constraints[0] as number) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return charFieldProblem(args.value, args.constraints[0] as number) ?? 'Invalid value.';
  }
}

/** Django's URLValidator schemes; a host with a TLD is required, as Django requires one. */
const URL_OPTIONS = {
  protocols: ['http', 'https', 'ftp', 'ftps'],
  require_protocol: true,
  require_valid_protocol: true,
};

@ValidatorConstraint({ name: 'drfUrl' })
class DrfUrl implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    // Not-a-string and blank are DrfCharField's to report; DRF adds this message beside theirs.
    return typeof value !== 'string' || value === '' || isURL(value, URL_OPTIONS);
  }

  defaultMessage(): string {
    return 'Enter a valid URL.';
  }
}

/** DRF trims CharField input before validating and saving it. */
const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** `POST /v1/licences/create` and `PUT /v1/licences/{pk}`: UFDL's LicenceSerialiser fields. */
export class CreateLicenceDto {
  @ApiProperty({ maxLength: 100, example: 'In-house licence' })
  @Transform(trim)
  @Validate(DrfCharField, [100])
  name: string;

  @ApiProperty({ maxLength: 200, format: 'uri', example: 'https://example.com/licence' })
  @Transform(trim)
  @Validate(DrfCharField, [200])
  @Validate(DrfUrl)
  url: string;
}

/** `PATCH /v1/licences/{pk}`: every field optional, but `null` is still refused. */
export class PatchLicenceDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Transform(trim)
  @ValidateIf((_object, value) => value !== undefined)
  @Validate(DrfCharField, [100])
  name?: string;

  @ApiPropertyOptional({ maxLength: 200, format: 'uri' })
  @Transform(trim)
  @ValidateIf((_object, value) => value !== undefined)
  @Validate(DrfCharField, [200])
  @Validate(DrfUrl)
  url?: string;
}
