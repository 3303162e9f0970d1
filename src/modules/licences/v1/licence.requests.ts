import { BadRequestError } from '../../../common/errors/domain-error.js';
import {
  SUBDESCRIPTOR_METHODS,
  SUBDESCRIPTOR_TYPES,
  type CreateLicenceCommand,
  type SubdescriptorModSpec,
  type UpdateLicenceCommand,
} from '../licence.commands.js';
import type { CreateLicenceDto, PatchLicenceDto } from '../licence.dto.js';

const MAX_NAME_LENGTH = 100;
/** Far beyond any real licence; keeps one request from turning into thousands of statements. */
const MAX_NAMES = 1000;
/** Sub-descriptor pks are PostgreSQL integers; a larger number names none (and fails the cast). */
const MAX_PK = 2_147_483_647;

function fail(reason: string): never {
  throw new BadRequestError(`Unable to parse JSON: ${reason}`);
}

function oneOf<T extends string>(
  body: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
): T {
  const value = body[key];
  if (value === undefined) {
    fail(`'${key}' is required`);
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`'${key}' must be one of ${allowed.map((option) => `"${option}"`).join(', ')}`);
  }
  return value as T;
}

function parseNames(value: unknown): (string | number)[] {
  if (value === undefined) {
    fail(`'names' is required`);
  }
  if (!Array.isArray(value)) {
    fail(`'names' must be an array`);
  }
  if (value.length < 1 || value.length > MAX_NAMES) {
    fail(`'names' must hold 1 to ${MAX_NAMES} elements`);
  }
  const seen = new Set<string | number>();
  return value.map((item: unknown, index) => {
    const valid =
      (typeof item === 'string' &&
        item.length >= 1 &&
        item.length <= MAX_NAME_LENGTH &&
        !item.includes('\0')) ||
      (typeof item === 'number' && Number.isInteger(item) && item >= 1 && item <= MAX_PK);
    if (!valid) {
      fail(
        `'names[${index}]' must be a string of 1 to ${MAX_NAME_LENGTH} characters ` +
          `or an integer of 1 to ${MAX_PK}`,
      );
    }
    if (seen.has(item)) {
      fail(`'names' must not repeat an element (${JSON.stringify(item)})`);
    }
    seen.add(item);
    return item;
  });
}

/** A validated PUT or PATCH body as the service's command (absent fields stay undefined). */
export function updateLicenceCommand(dto: PatchLicenceDto): UpdateLicenceCommand {
  return { name: dto.name, url: dto.url };
}

/** A validated `POST /v1/licences/create` body as the service's command. */
export function createLicenceCommand(dto: CreateLicenceDto): CreateLicenceCommand {
  // The validation pipe guarantees both fields, so the mapping above is complete.
  return updateLicenceCommand(dto) as CreateLicenceCommand;
}

/**
 * The body of `PATCH /v1/licences/{pk}/subdescriptors`, validated as the reference's strict JSON
 * schema does (every key required, no other keys); failures are its 400 "Unable to parse JSON:
 * ..." rather than a field map.
 */
export function parseSubdescriptorModSpec(input: unknown): SubdescriptorModSpec {
  // No body at all reads as `{}` (DRF's empty request.data), so the message names what is missing.
  const body = input === undefined ? {} : input;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail('the body must be a JSON object');
  }
  const record = body as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter(
    (key) => !['method', 'type', 'names'].includes(key),
  );
  if (unknownKeys.length > 0) {
    fail(`unexpected key(s) ${unknownKeys.map((key) => `'${key}'`).join(', ')}`);
  }
  return {
    method: oneOf(record, 'method', SUBDESCRIPTOR_METHODS),
    type: oneOf(record, 'type', SUBDESCRIPTOR_TYPES),
    names: parseNames(record.names),
  };
}
