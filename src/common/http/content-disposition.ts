import { encodeExtended } from 'content-disposition';

/**
 * `attachment; filename="<name>"` as the reference sends it, made safe: the quoted name is an
 * ASCII fallback (quotes, backslashes, control and non-ASCII characters become `_`) and the
 * exact name follows as RFC 8187 `filename*` whenever the two differ (or the name holds
 * `%XX`, which browsers would decode in the plain parameter).
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const header = `attachment; filename="${fallback}"`;
  return fallback === filename && !/%[0-9A-Fa-f]{2}/.test(filename)
    ? header
    : `${header}; filename*=${encodeExtended(filename)}`;
}
