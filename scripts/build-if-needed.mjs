// `npm start` compiles only when a source file is newer than the last build, so a warm start
// costs milliseconds instead of a full tsc run.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const stamp = path.join('dist', '.build-stamp');
const inputs = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newest(entry) {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) {
    return stats.mtimeMs;
  }
  return readdirSync(entry).reduce((max, name) => Math.max(max, newest(path.join(entry, name))), 0);
}

let built;
try {
  built = statSync(stamp).mtimeMs;
} catch {
  built = 0;
}
if (Math.max(...inputs.map(newest)) >= built) {
  console.log('Building Strata (sources changed since the last build)...');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  writeFileSync(stamp, new Date().toISOString());
}
