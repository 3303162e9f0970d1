import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { RequestValidationError } from '../errors/domain-error.js';

/** DRF's wording for the two commonest field errors, which clients may show to people. */
function messagesOf(error: ValidationError): string[] {
  if (error.constraints && (error.value === undefined || error.value === null)) {
    return [error.value === null ? 'This field may not be null.' : 'This field is required.'];
  }
  return Object.values(error.constraints ?? {});
}

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = messagesOf(error);
    if (messages.length > 0) {
      (into[field] ??= []).push(...messages);
    }
    collect(error.children ?? [], field, into);
  }
}

/**
 * The one ValidationPipe, shared by main.ts and tests through configureApp. Unknown keys are
 * dropped, as DRF serializers ignore them (clients send whole objects back on PUT); a body that
 * is not a JSON object where a DTO is expected is a 400 in DRF's words; an absent body counts
 * as `{}` (how the official clients call actions without options).
 */
class StrataValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path parameters reach their own pipes (ParsePkPipe) as sent: converting a `pk: number`
    // here first would turn '+1', ' 1', '1e3' or '0x10' into pks.
    if (metadata.type === 'param') {
      return value;
    }
    const isDtoBody =
      metadata.type === 'body' &&
      typeof metadata.metatype === 'function' &&
      ![Object, String, Number, Boolean, Array].includes(
        metadata.metatype as unknown as ObjectConstructor,
      );
    if (isDtoBody) {
      if (value === undefined || value === '') {
        value = {};
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        const kind = value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value;
        throw new RequestValidationError({
          non_field_errors: [`Invalid data. Expected a dictionary, but got ${kind}.`],
        });
      }
      const dto: unknown = await super.transform(value, metadata);
      assertStorableFields(dto);
      return dto;
    }
    return super.transform(value, metadata);
  }
}

/**
 * What the DTO decorators let through but no column takes: an explicit `null` (`@IsOptional()`
 * skips it, so it would reach an INSERT or UPDATE as NULL) and NUL characters (PostgreSQL text
 * refuses them). DRF's words for both; unknown keys are already gone (whitelist).
 */
function assertStorableFields(dto: unknown): void {
  const fields: Record<string, string[]> = {};
  for (const [key, field] of Object.entries(dto as object)) {
    if (field === null) {
      fields[key] = ['This field may not be null.'];
    } else if (typeof field === 'string' && field.includes('\0')) {
      fields[key] = ['Null characters are not allowed.'];
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new RequestValidationError(fields);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrataValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      return new RequestValidationError(fields);
    },
  });
}
