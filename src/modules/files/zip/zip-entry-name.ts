import { ZipEntryNameError } from './zip-errors.js';

export const MAX_ZIP_ENTRY_NAME_BYTES = 1024;

/**
 * Refuses entry names that could write outside the extraction root or that are not names at
 * all. Everything else is passed through untouched: the caller applies the UFDL filename rules.
 *
 * Any `..` segment is refused, not only one that climbs above the root (`a/../b`): the name is
 * handed on verbatim, zip writers never produce such names, and yauzl draws the same line.
 */
export function assertSafeZipEntryName(name: string): void {
  if (name === '') {
    throw new ZipEntryNameError(name, 'empty name');
  }
  if (Buffer.byteLength(name, 'utf8') > MAX_ZIP_ENTRY_NAME_BYTES) {
    throw new ZipEntryNameError(name, `longer than ${MAX_ZIP_ENTRY_NAME_BYTES} UTF-8 bytes`);
  }
  if (name.includes('\0')) {
    throw new ZipEntryNameError(name, 'contains a NUL byte');
  }
  if (name.includes('\\')) {
    throw new ZipEntryNameError(name, 'contains a backslash');
  }
  // `/x`, `//server/share`, and drive letters (`C:/x`, `C:x`) alike.
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    throw new ZipEntryNameError(name, 'absolute path');
  }
  if (name.split('/').includes('..')) {
    throw new ZipEntryNameError(name, 'contains a ".." segment');
  }
}

/**
 * The entry name a stored filename takes in a download archive. Stored names never start with
 * `/` but may start like a drive (`C:x`, `C:/x`), which an extractor on Windows resolves outside
 * its target directory; archiver (tar.gz) goes further and strips any leading `word:` as if it
 * were a drive (`label:cat.jpg` would become `cat.jpg`). A leading `./` keeps such a name whole
 * and relative for every extractor.
 */
export function archiveEntryName(filename: string, format: 'zip' | 'tar.gz'): string {
  const relative = filename.replace(/^\/+/, '');
  const driveLike = format === 'zip' ? /^[A-Za-z]:/ : /^\w+:/;
  return driveLike.test(relative) || relative !== filename ? `./${relative}` : filename;
}
