import { lookup } from 'mime-types';

/** What a file's bytes are labelled when its extension says nothing known. */
export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/**
 * The media type a file name's extension suggests (mime-db's table), else octet-stream. Only
 * a real extension counts: a file named `csv` is not text/csv.
 */
export function mediaTypeOf(filename: string): string {
  const format = formatOf(filename);
  return (format !== undefined && lookup(format)) || UNKNOWN_MEDIA_TYPE;
}

/** The file name's extension, lower-case and without its dot (`csv`), if it has one. */
export function formatOf(filename: string): string | undefined {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : undefined;
}
