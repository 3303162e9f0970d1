import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Child processes of `pid`, from /proc (field 4 of /proc/<pid>/stat is the parent). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces: read after its closing parenthesis.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) {
        children.push(Number(entry));
      }
    } catch {
      // Exited while we looked.
    }
  }
  return children.sort((a, b) => a - b);
}

/** The command line of `pid` (arguments joined by spaces), or undefined once it has exited. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The files under `dir` that process `pid` holds open (sockets, pipes and everything elsewhere
 * left out: a database pool opening a connection is not a leaked file).
 */
export async function openFilesUnder(pid: number, dir: string): Promise<string[]> {
  const fdDir = `/proc/${pid}/fd`;
  const targets = await Promise.all(
    (await readdir(fdDir)).map((fd) => readlink(path.join(fdDir, fd)).catch(() => '')),
  );
  return targets.filter((target) => target.startsWith(`${dir}/`));
}
