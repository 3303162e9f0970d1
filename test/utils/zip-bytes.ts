import { crc32, deflateRawSync } from 'node:zlib';

/**
 * One entry of a hand-made zip. Everything a zip writer would compute can be overridden, so an
 * archive can lie: sizes, CRC, flags, method, or a local-header offset shared with another entry.
 */
export interface RawZipEntry {
  readonly name: string | Buffer;
  /** The entry's bytes as they sit in the archive (already deflated when `method` is 8). */
  readonly data: Buffer;
  readonly method?: number;
  readonly flags?: number;
  readonly crc32?: number;
  readonly compressedSize?: number;
  readonly uncompressedSize?: number;
  /** Point the central directory at this entry's local header instead (overlapping entries). */
  readonly sharesDataWith?: number;
}

export interface RawZipOptions {
  /** Claim this many entries in the end-of-central-directory record. */
  readonly declaredEntries?: number;
  /** Claim the central directory starts here. */
  readonly centralDirectoryOffset?: number;
}

/** An entry stored as is, with honest headers. */
export function storedEntry(name: string | Buffer, content: Buffer | string): RawZipEntry {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { name, data, method: 0, crc32: crc32(data), uncompressedSize: data.length };
}

/** An entry deflated, with honest headers (override any of them to make it lie). */
export function deflatedEntry(
  name: string | Buffer,
  content: Buffer | string,
  overrides: Partial<RawZipEntry> = {},
): RawZipEntry {
  const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    name,
    data: deflateRawSync(raw),
    method: 8,
    crc32: crc32(raw),
    uncompressedSize: raw.length,
    ...overrides,
  };
}

/** The bytes of a zip archive: local headers and data, central directory, end record. */
export function buildZip(entries: readonly RawZipEntry[], options: RawZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
    const flags = entry.flags ?? (Buffer.isBuffer(entry.name) ? 0 : 0x800);
    const method = entry.method ?? 0;
    const crc = entry.crc32 ?? crc32(entry.data);
    const compressed = entry.compressedSize ?? entry.data.length;
    const uncompressed = entry.uncompressedSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed >>> 0, 18);
    local.writeUInt32LE(uncompressed >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    offsets.push(offset);
    if (entry.sharesDataWith === undefined) {
      locals.push(local, name, entry.data);
      offset += local.length + name.length + entry.data.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed >>> 0, 20);
    central.writeUInt32LE(uncompressed >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38);
    const target = entry.sharesDataWith === undefined ? offsets.length - 1 : entry.sharesDataWith;
    central.writeUInt32LE(offsets[target], 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(options.declaredEntries ?? entries.length, 8);
  end.writeUInt16LE(options.declaredEntries ?? entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(options.centralDirectoryOffset ?? offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directory, end]);
}
