import { DomainError } from '../../../common/errors/domain-error.js';

/**
 * The body is not a zip we can read: not a zip at all, truncated, corrupt (bad CRC, bad deflate
 * data, sizes that do not match), or using a feature we do not support (encryption, compression
 * methods other than stored/deflate, multi-disk).
 */
export class InvalidZipError extends DomainError {
  readonly status = 400;

  constructor(readonly reason: string) {
    super(`Invalid zip archive: ${reason}`);
  }
}

/**
 * An entry name that could escape the extraction root or that no file system takes
 * (NUL, backslash, absolute path, `..` segment, over-long). A kind of InvalidZipError, so a
 * caller that only cares about "bad archive" catches both.
 */
export class ZipEntryNameError extends InvalidZipError {
  constructor(
    readonly entryName: string,
    problem: string,
  ) {
    super(`unsafe entry name ${quoteName(entryName)}: ${problem}`);
  }
}

/** An entry that inflates far beyond its compressed size, or beyond the size it declared. */
export class ZipBombError extends DomainError {
  readonly status = 400;

  constructor(
    readonly entryName: string,
    problem: string,
  ) {
    super(`Zip bomb suspected: entry ${quoteName(entryName)} ${problem}`);
  }
}

export type ZipLimit = 'entries' | 'totalSize' | 'entrySize';

/** The archive is well-formed but bigger than we accept (entry count, total or entry size). */
export class ZipLimitError extends DomainError {
  readonly status = 413;

  constructor(
    readonly limit: ZipLimit,
    message: string,
  ) {
    super(message);
  }
}

/** Names come from the client and may hold control bytes or be huge: quote and cut them. */
export function quoteName(name: string): string {
  const shown = name.length > 200 ? `${name.slice(0, 200)}...` : name;
  return JSON.stringify(shown);
}
