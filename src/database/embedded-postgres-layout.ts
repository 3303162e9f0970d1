import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  copyFile,
  lchown,
  link,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Written into a cluster once Strata has initialised or adopted it. */
const INITIALISED_MARKER = 'strata-initialised';
/** Written last into a copy of the PostgreSQL binaries, so a copy cut short is redone. */
const COPY_COMPLETE_MARKER = '.strata-copy-complete';

/**
 * Where clusters go when Strata runs as root and the postgres user cannot reach DATA_DIR (a
 * clone inside root's 0700 home): one directory per DATA_DIR, linked from `DATA_DIR/postgres`.
 */
export const DEFAULT_RELOCATION_BASE = '/var/lib/strata-postgres';

export interface Binaries {
  initdb: string;
  postgres: string;
}

/** The unprivileged user PostgreSQL runs as when Strata runs as root. */
export interface Owner {
  uid: number;
  gid: number;
}

export interface ClusterLocation {
  /** The cluster directory, as the postgres user reaches it. */
  clusterDir: string;
  /** A directory the postgres user can reach, for files initdb reads and copied binaries. */
  home: string;
  /** Set when the cluster lives outside DATA_DIR: the link to create in DATA_DIR. */
  link?: string;
}

/** Whether `owner` can enter (directory) or execute (file) `target`, every ancestor included. */
export async function canReach(owner: Owner, target: string): Promise<boolean> {
  try {
    await run('test', ['-x', target], { uid: owner.uid, gid: owner.gid });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides where the cluster lives. Normally `DATA_DIR/postgres`. As root, PostgreSQL runs as
 * the postgres user, who must reach that directory; if a directory above DATA_DIR shuts that
 * user out, the cluster goes to a directory of its own under `relocationBase` instead of
 * loosening a directory that is not Strata's.
 */
export async function locateCluster(
  dataDir: string,
  owner: Owner | undefined,
  relocationBase: string,
): Promise<ClusterLocation> {
  const inDataDir = path.join(dataDir, 'postgres');
  const entry = await lstat(inDataDir).catch(() => undefined);
  if (entry?.isSymbolicLink()) {
    const target = await realpath(inDataDir).catch(() => undefined);
    if (target === undefined) {
      throw new Error(
        `${inDataDir} links to ${await readlink(inDataDir)}, which does not exist: restore the ` +
          'database there, or remove the link to start with an empty one',
      );
    }
    return { clusterDir: target, home: path.dirname(target) };
  }
  if (owner === undefined) {
    return { clusterDir: inDataDir, home: dataDir };
  }
  if (await canReach(owner, path.dirname(dataDir))) {
    // The postgres user passes through DATA_DIR to its cluster; our own files in it stay 0600.
    const mode = (await stat(dataDir)).mode & 0o7777;
    await chmod(dataDir, mode | 0o711);
    return { clusterDir: inDataDir, home: dataDir };
  }
  if (entry !== undefined) {
    throw new Error(
      `The postgres user (PostgreSQL refuses to run as root) cannot reach the database in ` +
        `${inDataDir}: move DATA_DIR to a directory it can reach, or run Strata as another user`,
    );
  }
  const realDataDir = await realpath(dataDir);
  const id = createHash('sha256').update(realDataDir).digest('hex').slice(0, 12);
  const home = path.join(relocationBase, `${path.basename(realDataDir)}-${id}`);
  await mkdir(home, { recursive: true, mode: 0o711 });
  if (!(await canReach(owner, home))) {
    throw new Error(
      `The postgres user (PostgreSQL refuses to run as root) can reach neither DATA_DIR ` +
        `(${dataDir}) nor ${home}: set DATA_DIR to a directory it can reach, or run Strata as ` +
        'another user',
    );
  }
  return { clusterDir: path.join(home, 'postgres'), home, link: inDataDir };
}

/**
 * The packaged binaries, or, when `owner` cannot reach them (node_modules inside a 0700
 * home), a copy of the package's binaries, libraries and share files in `home`: hard links
 * where the file system allows, so the copy usually costs no space.
 */
export async function reachableBinaries(
  packaged: Binaries,
  owner: Owner | undefined,
  home: string,
): Promise<Binaries> {
  if (owner === undefined || (await canReach(owner, packaged.postgres))) {
    return packaged;
  }
  const source = path.resolve(path.dirname(packaged.postgres), '..');
  const { version } = JSON.parse(
    await readFile(path.join(source, '..', 'package.json'), 'utf8'),
  ) as { version: string };
  const copies = path.join(home, 'postgres-bin');
  const target = path.join(copies, version);
  if (!existsSync(path.join(target, COPY_COMPLETE_MARKER))) {
    await mkdir(copies, { recursive: true, mode: 0o755 });
    const partial = `${target}.${process.pid}.partial`;
    await rm(partial, { recursive: true, force: true });
    await mirror(source, partial);
    await writeFile(path.join(partial, COPY_COMPLETE_MARKER), '');
    await rm(target, { recursive: true, force: true });
    await rename(partial, target);
    // Copies of other versions (before an upgrade of the package) serve nothing any more.
    for (const name of await readdir(copies)) {
      if (name !== version) {
        await rm(path.join(copies, name), { recursive: true, force: true });
      }
    }
  }
  return {
    initdb: path.join(target, path.relative(source, packaged.initdb)),
    postgres: path.join(target, path.relative(source, packaged.postgres)),
  };
}

/** Recreates the tree `from` at `to`: hard links, or copies across file systems. */
async function mirror(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await mirror(source, target);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else {
      await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM') {
          throw error;
        }
        await copyFile(source, target);
      });
    }
  }
}

type ClusterState = 'missing' | 'ready' | 'unmarked' | 'unfinished' | 'damaged' | 'foreign';

/**
 * What is in `clusterDir`. A cluster whose initdb finished has `global/pg_control`; without
 * Strata's marker it was restored or copied (`unmarked`) and is adopted, never replaced. An
 * initdb cut short leaves no pg_control (`unfinished`). Anything else is not ours to touch.
 */
async function clusterState(clusterDir: string): Promise<ClusterState> {
  let entries: string[];
  try {
    entries = await readdir(clusterDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 'missing';
    }
    throw error;
  }
  const controlFile = existsSync(path.join(clusterDir, 'global', 'pg_control'));
  if (entries.includes(INITIALISED_MARKER)) {
    return controlFile ? 'ready' : 'damaged';
  }
  if (entries.includes('PG_VERSION') && controlFile) {
    return 'unmarked';
  }
  if (!controlFile && (entries.length === 0 || entries.some((e) => INITDB_FIRST.includes(e)))) {
    return 'unfinished';
  }
  return 'foreign';
}

/** What initdb creates before anything else, so an initdb cut short has one of them. */
const INITDB_FIRST = ['PG_VERSION', 'pg_wal', 'global', 'base'];

export interface ClusterSetup {
  binaries: Binaries;
  location: ClusterLocation;
  /** The superuser's password, set by initdb. */
  password: string;
  owner: Owner | undefined;
  log: { info(message: string): void; warn(message: string): void };
}

/**
 * Makes `location.clusterDir` a cluster ready to start: initialises it on first use, adopts
 * one that lost its marker, redoes an initdb that never finished. initdb works in a scratch
 * directory renamed into place when done, so a crash never leaves a half cluster under the
 * cluster's name.
 */
export async function prepareCluster(setup: ClusterSetup): Promise<void> {
  const { location, owner, log } = setup;
  const { clusterDir } = location;
  switch (await clusterState(clusterDir)) {
    case 'ready':
      break;
    case 'unmarked':
      log.warn(`Adopting the PostgreSQL cluster in ${clusterDir} (restored or copied)`);
      await adopt(clusterDir, owner);
      break;
    case 'unfinished':
      log.warn(`Redoing the initialisation cut short in ${clusterDir}`);
      await rm(clusterDir, { recursive: true, force: true });
      await initialise(setup);
      break;
    case 'missing':
      await initialise(setup);
      break;
    case 'damaged':
      throw new Error(
        `The database in ${clusterDir} has lost global/pg_control: restore it from a backup ` +
          '(Strata does not replace a database that once worked)',
      );
    case 'foreign':
      throw new Error(
        `${clusterDir} exists but is not a PostgreSQL cluster: move it away, or choose another ` +
          'DATA_DIR',
      );
  }
  if (location.link !== undefined && !existsSync(location.link)) {
    await symlink(clusterDir, location.link);
    log.info(`The database lives in ${clusterDir}, linked from ${location.link}`);
  }
}

async function adopt(clusterDir: string, owner: Owner | undefined): Promise<void> {
  if (owner !== undefined && (await stat(clusterDir)).uid !== owner.uid) {
    await chownTree(clusterDir, owner);
  }
  // PostgreSQL refuses a data directory others can read.
  await chmod(clusterDir, 0o700);
  await writeMarker(clusterDir, owner);
}

async function chownTree(target: string, owner: Owner): Promise<void> {
  await lchown(target, owner.uid, owner.gid);
  if ((await lstat(target)).isDirectory()) {
    for (const name of await readdir(target)) {
      await chownTree(path.join(target, name), owner);
    }
  }
}

async function writeMarker(clusterDir: string, owner: Owner | undefined): Promise<void> {
  const marker = path.join(clusterDir, INITIALISED_MARKER);
  await writeFile(marker, new Date().toISOString());
  if (owner) {
    await chown(marker, owner.uid, owner.gid);
  }
}

async function initialise({
  binaries,
  location,
  password,
  owner,
  log,
}: ClusterSetup): Promise<void> {
  const { clusterDir, home } = location;
  log.info(`Initialising embedded PostgreSQL in ${clusterDir}`);
  const scratch = `${clusterDir}.initdb`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  // In `home`, which the postgres user can reach (a temporary directory might not be).
  const passwordFile = path.join(home, `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    await chown(scratch, owner.uid, owner.gid);
    await chown(passwordFile, owner.uid, owner.gid);
  }
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${scratch}`,
        `--username=postgres`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...owner, cwd: home, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`initdb failed in ${scratch}: ${stderr.trim() || String(error)}`, {
      cause: error,
    });
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
  await writeMarker(scratch, owner);
  await rename(scratch, clusterDir);
}
