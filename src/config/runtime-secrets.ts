import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a secret kept in `dataDir`, creating it on first use. The value is written to a
 * private temporary file and then hard-linked into place: `link` fails if the name exists, so
 * two processes starting together on one data dir agree on one value and neither ever reads a
 * half-written file.
 */
export async function readOrCreateSecret(
  dataDir: string,
  fileName: string,
  bytes = 48,
): Promise<{ value: string; created: boolean }> {
  const file = path.join(dataDir, fileName);
  await mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, randomBytes(bytes).toString('base64url'), { mode: 0o600 });
  let created = true;
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
    created = false;
  } finally {
    await unlink(temporary);
  }
  return { value: (await readFile(file, 'utf8')).trim(), created };
}
