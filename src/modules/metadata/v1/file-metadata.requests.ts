import { BadRequestError } from '../../../common/errors/domain-error.js';

/** UFDL's FileMetadata schema, strict: exactly `{"metadata": <string>}`. */
export function parseFileMetadata(body: unknown): string {
  const fail = (reason: string): never => {
    throw new BadRequestError(`Unable to parse JSON: ${reason}`);
  };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('expected an object {"metadata": "<string>"}');
  }
  const keys = Object.keys(body);
  const extra = keys.find((key) => key !== 'metadata');
  if (extra !== undefined) {
    fail(`unexpected key '${extra}'`);
  }
  const { metadata } = body as { metadata?: unknown };
  if (typeof metadata !== 'string') {
    return fail('metadata must be a string');
  }
  if (metadata.includes('\0')) {
    fail('metadata may not contain NUL bytes');
  }
  return metadata;
}
