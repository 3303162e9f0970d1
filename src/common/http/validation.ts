import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { RequestValidationError } from '../errors/domain-error.js';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string[]>): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) {
      (into[field] ??= []).push(...messages);
    }
    collect(error.children ?? [], field, into);
  }
}

/** The one ValidationPipe, shared by main.ts and tests through configureApp. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields: Record<string, string[]> = {};
      collect(errors, '', fields);
      return new RequestValidationError(fields);
    },
  });
}
