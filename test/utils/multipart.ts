/** One part of a multipart/form-data body. */
export interface FormPart {
  /** The part's name (`file` unless told). */
  readonly field?: string;
  /** Sent as given, raw UTF-8, without `filename*` (as Python's requests does). */
  readonly filename?: string;
  readonly type?: string;
  readonly content: Buffer | string;
}

export const FORM_BOUNDARY = 'strata-test-boundary-7d1c';

/** `Content-Type` for a body made by {@link multipartBody}. */
export const FORM_CONTENT_TYPE = `multipart/form-data; boundary=${FORM_BOUNDARY}`;

/** A multipart/form-data body as data.world's client (`requests`) builds it. */
export function multipartBody(parts: readonly FormPart[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      `form-data; name="${part.field ?? 'file'}"` +
      (part.filename === undefined ? '' : `; filename="${part.filename}"`);
    chunks.push(
      Buffer.from(
        `--${FORM_BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n` +
          (part.type ? `Content-Type: ${part.type}\r\n` : '') +
          '\r\n',
        'utf8',
      ),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${FORM_BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
