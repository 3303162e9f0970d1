#!/usr/bin/env node
// Strata benchmarks: `npm run bench` runs them all, `npm run bench -- upload get` some of them.
// See bench/README.md for what each one measures and how to read the results.
//
// Every run starts its own Strata (the built dist/src/main.js) on a fresh PostgreSQL database
// and a fresh DATA_DIR, measures, writes bench/results/latest.md plus a dated copy, and tears
// everything down again, also when a step fails or the run is interrupted.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { profileMarkdown, summariseProfile } from './cpu-profile.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const PROFILES_DIR = path.join(BENCH_DIR, 'profiles');
const MAIN_JS = path.join(ROOT, 'dist', 'src', 'main.js');

const ALL = ['upload', 'download', 'get', 'list'];
const ALIASES = {
  get_file: 'download',
  'get-file': 'download',
  dataset: 'get',
  retrieve: 'get',
  'list-datasets': 'list',
};

const TARGETS = {
  uploadRatio: 0.8,
  uploadMemMiB: 64,
  downloadRatio: 0.8,
  downloadMemMiB: 64,
  getP99Ms: 50,
  getRatio: 0.2,
  listP50Ms: 100,
};

/** Defaults are the benchmark as specified; the BENCH_* overrides are for quick trial runs. */
const DEFAULTS = {
  fileMiB: 1024,
  connections: 64,
  durationS: 10,
  warmupS: 2,
  datasets: 2000,
  filesPerListed: 2,
  listRuns: 30,
  listWarmup: 3,
  smallFiles: 10,
  smallFileBytes: 4096,
  quietWaitS: 30,
  repeats: 3,
};
const ENV_NAMES = {
  fileMiB: 'BENCH_FILE_MIB',
  connections: 'BENCH_CONNECTIONS',
  durationS: 'BENCH_DURATION',
  warmupS: 'BENCH_WARMUP',
  datasets: 'BENCH_DATASETS',
  filesPerListed: 'BENCH_FILES_PER_DATASET',
  listRuns: 'BENCH_LIST_RUNS',
  listWarmup: 'BENCH_LIST_WARMUP',
  quietWaitS: 'BENCH_QUIET_WAIT',
  repeats: 'BENCH_REPEATS',
};

const ADMIN = { username: 'bench', password: 'bench-password' };
const PG_ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Small helpers

function log(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

function readParams() {
  const params = { ...DEFAULTS };
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const raw = process.env[name];
    if (raw !== undefined && raw !== '') {
      const min = key === 'quietWaitS' ? 0 : 1;
      if (!/^\d+$/.test(raw) || Number(raw) < min) {
        throw new Error(`${name} must be an integer >= ${min}`);
      }
      params[key] = Number(raw);
    }
  }
  return params;
}

function parseArgs(argv) {
  const options = { benches: [], profile: false, build: true, strict: false, help: false };
  for (const arg of argv) {
    if (arg === '--profile') {
      options.profile = true;
    } else if (arg === '--no-build') {
      options.build = false;
    } else if (arg === '--strict') {
      options.strict = true;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === 'all') {
      options.benches.push(...ALL);
    } else {
      const name = ALIASES[arg] ?? arg;
      if (!ALL.includes(name)) {
        throw new Error(`Unknown benchmark or option "${arg}" (benchmarks: ${ALL.join(', ')})`);
      }
      options.benches.push(name);
    }
  }
  // Always in the canonical order: download reuses upload's file, list reuses get's blobs.
  options.benches = ALL.filter(
    (name) => options.benches.length === 0 || options.benches.includes(name),
  );
  return options;
}

const USAGE = `Usage: npm run bench [-- [upload] [download] [get] [list] [--profile] [--no-build] [--strict]]

  upload     1 GiB upload vs dd's fsync'd write speed; server memory growth
  download   get_file of that 1 GiB file vs dd's cold read; server memory growth
  get        GET /v1/datasets/{pk} under 64 keep-alive clients vs a bare node:http server
  list       POST /v1/datasets/list over a project of 2,000 datasets, 30 sequential runs

  --profile  run Strata under --cpu-prof; the results file gets the top frames
  --no-build do not run scripts/build-if-needed.mjs first
  --strict   exit 1 when a target is missed (errors always exit 1)`;

function percentile(sorted, p) {
  if (sorted.length === 0) {
    return NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function sh(command, args, options = {}) {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    }).trimEnd();
  } catch (error) {
    return `(${command} failed: ${error.message.split('\n')[0]})`;
  }
}

function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function passFail(ok) {
  return ok ? 'PASS' : 'FAIL';
}

/**
 * A process and its descendants (Strata with WORKERS > 1 is a primary and its workers): read
 * from the parent field of /proc/<pid>/stat.
 */
function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    tree.push(...(children.get(tree[i]) ?? []));
  }
  return tree;
}

/**
 * VmRSS and VmHWM (peak RSS) in KiB, summed over the process and its descendants (the sum of
 * the peaks bounds the peak of the sum).
 */
function procMemory(pid) {
  let rssKiB = 0;
  let hwmKiB = 0;
  for (const member of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${member}/status`, 'utf8');
      const field = (name) =>
        Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      rssKiB += field('VmRSS');
      hwmKiB += field('VmHWM');
    } catch (error) {
      if (member === pid) {
        throw error;
      }
    }
  }
  return { rssKiB, hwmKiB };
}

/** Resets VmHWM to the current RSS (Linux >= 4.0, needs ptrace rights over the processes). */
function resetPeak(pid) {
  try {
    for (const member of processTree(pid)) {
      fs.writeFileSync(`/proc/${member}/clear_refs`, '5');
    }
    return true;
  } catch {
    return false;
  }
}

/** Samples VmRSS every 50 ms, as a fallback and cross-check for VmHWM. */
function startRssSampler(pid) {
  let maxKiB = 0;
  const sample = () => {
    try {
      maxKiB = Math.max(maxKiB, procMemory(pid).rssKiB);
    } catch {
      // The process went away; the caller will notice.
    }
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return maxKiB;
    },
  };
}

/**
 * Measures a server's memory around `action`: growth is the peak RSS during the action
 * (VmHWM, reset just before) minus the RSS before it.
 */
async function withMemory(pid, action) {
  const peakReset = resetPeak(pid);
  const before = procMemory(pid);
  const sampler = startRssSampler(pid);
  let result;
  let sampledMaxKiB;
  try {
    result = await action();
  } finally {
    sampledMaxKiB = sampler.stop();
  }
  const after = procMemory(pid);
  const peakKiB = peakReset ? after.hwmKiB : Math.max(sampledMaxKiB, after.rssKiB);
  return {
    result,
    memory: {
      beforeMiB: before.rssKiB / 1024,
      peakMiB: peakKiB / 1024,
      afterMiB: after.rssKiB / 1024,
      growthMiB: Math.max(0, peakKiB - before.rssKiB) / 1024,
      sampledMaxMiB: sampledMaxKiB / 1024,
      method: peakReset ? 'VmHWM (reset via clear_refs)' : 'sampled VmRSS every 50 ms',
    },
  };
}

/** The monotonic clock in microseconds: the clock V8 stamps CPU profile samples with. */
function monotonicUs() {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Runs `action` and remembers its time window, to cut the server's CPU profile by. */
async function profiled(ctx, label, action) {
  const startUs = monotonicUs();
  try {
    return await action();
  } finally {
    ctx.windows.push({ label, startUs, endUs: monotonicUs() });
  }
}

function syncDisks() {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** Drops the page cache (needs root); returns whether it was allowed. */
function dropCaches() {
  syncDisks();
  try {
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** Runs dd and returns its wall time in seconds (includes the fsync with conv=fsync). */
function timeDd(args) {
  const start = performance.now();
  const run = spawnSync('dd', [...args, 'bs=1M', 'status=none'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) {
    throw new Error(`dd ${args.join(' ')} failed: ${run.stderr?.toString() ?? run.error}`);
  }
  return seconds;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// CPU accounting: the machine is shared, so every benchmark records how much CPU other
// processes used while it ran.

/**
 * Machine-wide ticks (USER_HZ) from /proc/stat: busy is user + nice + system (interrupts and
 * steal are left out), total is every field.
 */
function machineTicks() {
  const fields = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: fields[0] + fields[1] + fields[2], total };
}

const PF_KTHREAD = 0x00200000;

/** CPU ticks of all kernel threads (writeback, journalling, ...: the I/O the benchmarks cause). */
function kernelThreadTicks() {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
      if (f[6] & PF_KTHREAD) {
        ticks += f[11] + f[12];
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks;
}

/** utime+stime (and, with children, cutime+cstime) of a process in ticks, or 0 if gone. */
function processTicks(pid, withChildren = false) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return f[11] + f[12] + (withChildren ? f[13] + f[14] : 0);
  } catch {
    return 0;
  }
}

/** utime+stime of a process and its descendants (Strata's workers), in ticks. */
function treeTicks(pid) {
  return processTree(pid).reduce((sum, member) => sum + processTicks(member), 0);
}

/** Kernel-mode ticks of a process and its descendants. */
function treeSysTicks(pid) {
  return processTree(pid).reduce((sum, member) => sum + processSysTicks(member), 0);
}

/** Kernel-mode ticks (stime) of a process, or 0 if gone. */
function processSysTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]);
  } catch {
    return 0;
  }
}

async function databaseBackends(ctx) {
  try {
    return await withAdminClient(async (client) =>
      (
        await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [ctx.dbName])
      ).rows.map((row) => row.pid),
    );
  } catch {
    return [];
  }
}

/**
 * Measures CPU use over an interval, in cores: the whole machine's, ours (this process and its
 * children such as dd and the bare server, Strata, and the PostgreSQL backends serving its
 * database), the kernel threads' and everyone else's (the difference).
 */
async function startCpuMeter(ctx, extraPids = []) {
  const cores = os.availableParallelism();
  const backends = await databaseBackends(ctx);
  const start = {
    at: performance.now(),
    machine: machineTicks(),
    kthreads: kernelThreadTicks(),
    self: processTicks(process.pid, true),
    strata: treeTicks(ctx.server.pid),
    strataSys: treeSysTicks(ctx.server.pid),
    backends: new Map(backends.map((pid) => [pid, processTicks(pid)])),
    extra: extraPids.map((pid) => processTicks(pid)),
  };
  return {
    async stop() {
      const end = await databaseBackends(ctx);
      let backendTicks = 0;
      for (const pid of new Set([...start.backends.keys(), ...end])) {
        const now = processTicks(pid);
        // A backend that exited meanwhile is lost (now = 0): ours is then underestimated.
        backendTicks += Math.max(0, now - (start.backends.get(pid) ?? 0));
      }
      const machine = machineTicks();
      const totalTicks = machine.total - start.machine.total;
      const toCores = (ticks) => (totalTicks > 0 ? (ticks / totalTicks) * cores : 0);
      const strata = treeTicks(ctx.server.pid) - start.strata;
      const self = processTicks(process.pid, true) - start.self;
      const machineBusy = machine.busy - start.machine.busy;
      const kthreads = kernelThreadTicks() - start.kthreads;
      const extra = extraPids.reduce((sum, pid, i) => sum + processTicks(pid) - start.extra[i], 0);
      return {
        seconds: (performance.now() - start.at) / 1000,
        machineCores: toCores(machineBusy),
        strataCores: toCores(strata),
        strataSysCores: toCores(treeSysTicks(ctx.server.pid) - start.strataSys),
        postgresCores: toCores(backendTicks),
        benchCores: toCores(self),
        extraCores: toCores(extra),
        kernelCores: toCores(kthreads),
        otherCores: Math.max(
          0,
          toCores(machineBusy - strata - self - backendTicks - extra - kthreads),
        ),
        cores,
      };
    },
  };
}

/**
 * Waits (up to BENCH_QUIET_WAIT s before a benchmark, a quarter of that before each repetition)
 * until other processes use less than half a core.
 */
async function waitForQuiet(ctx, name, maxWaitS = ctx.params.quietWaitS) {
  const deadline = performance.now() + maxWaitS * 1000;
  let waited = false;
  for (;;) {
    const meter = await startCpuMeter(ctx);
    await sleep(1000);
    const { otherCores } = await meter.stop();
    const quiet = otherCores < 0.5;
    if (quiet || performance.now() > deadline) {
      if (waited || !quiet) {
        log(
          `${name}: other processes use ${otherCores.toFixed(2)} cores; ` +
            (quiet ? 'starting' : 'starting anyway'),
        );
      }
      return otherCores;
    }
    if (!waited) {
      log(
        `${name}: other processes use ${otherCores.toFixed(2)} cores; waiting for a quieter moment...`,
      );
      waited = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** One request; resolves with status, headers and the whole body. */
function send(
  ctx,
  method,
  urlPath,
  // A fresh connection by default: an idle keep-alive socket may be closed by the server (its
  // keepAliveTimeout is 5 s) just as it is reused. The list benchmark passes its own agent.
  { body, headers = {}, agent = false, port = ctx.port } = {},
) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers, agent },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function authHeaders(ctx) {
  return { Authorization: `Bearer ${ctx.token}` };
}

async function api(ctx, method, urlPath, json) {
  const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  const headers = { ...authHeaders(ctx), Accept: 'application/json' };
  if (body) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = body.length;
  }
  const response = await send(ctx, method, urlPath, { body, headers });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      `${method} ${urlPath} -> ${response.status}: ${response.body.toString().slice(0, 500)}`,
    );
  }
  return JSON.parse(response.body.toString());
}

/** Streams a file from disk as the raw body of an upload (add_file). */
/** POSTs a file from disk as the raw body (1 MiB read chunks); resolves with the JSON answer. */
function postFromDisk(port, urlPath, headers, filePath) {
  const size = fs.statSync(filePath).size;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: urlPath,
      headers: { ...headers, 'Content-Length': size },
      agent: false,
    });
    request.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (response.statusCode !== 200) {
          reject(new Error(`POST ${urlPath} -> ${response.statusCode}: ${text.slice(0, 500)}`));
        } else {
          resolve(JSON.parse(text));
        }
      });
    });
    request.on('error', reject);
    const file = fs.createReadStream(filePath, { highWaterMark: MiB });
    file.on('error', (error) => request.destroy(error));
    file.pipe(request);
  });
}

/** add_file: streams a file from disk into a dataset. */
function uploadFromDisk(ctx, datasetPk, filename, filePath) {
  return postFromDisk(
    ctx.port,
    `/v1/datasets/${datasetPk}/files/${encodeURIComponent(filename)}`,
    {
      ...authHeaders(ctx),
      'Content-Type': 'application/data',
      'Content-Disposition': `attachment; filename=${filename}`,
    },
    filePath,
  );
}

/** GETs a body, discarding the bytes (or hashing them); resolves with its size and hash. */
function getToSink(port, urlPath, headers, { hash = false } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, headers, agent: false },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${urlPath} -> ${response.statusCode}`));
          return;
        }
        const hasher = hash ? createHash('sha256') : undefined;
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          hasher?.update(chunk);
        });
        response.on('end', () => resolve({ bytes, sha256: hasher?.digest('hex') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

/** get_file of a dataset's file into a sink. */
function download(ctx, datasetPk, filename, options = {}) {
  return getToSink(
    ctx.port,
    `/v1/datasets/${datasetPk}/files/${encodeURIComponent(filename)}`,
    { ...authHeaders(ctx), Accept: 'application/data' },
    options,
  );
}

function loadTest(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// ---------------------------------------------------------------------------------------------
// Environment: temp dir, database, Strata, and their teardown

function ensureBuilt() {
  log('Building if sources changed (scripts/build-if-needed.mjs)...');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    throw new Error(
      'The build failed (someone may be mid-edit in src/): retry in a minute, or run with ' +
        '--no-build to benchmark the dist/ that is already there.',
    );
  }
}

/** A temp dir on the work tree's filesystem, so dd and the uploads hit the same disk. */
function makeTempDir() {
  const repoDev = fs.statSync(ROOT).dev;
  let base = os.tmpdir();
  if (fs.statSync(base).dev !== repoDev) {
    base = path.join(BENCH_DIR, '.tmp');
    fs.mkdirSync(base, { recursive: true });
  }
  const stats = fs.statfsSync(base);
  const freeGiB = (stats.bavail * stats.bsize) / 1024 ** 3;
  // The file, its blob, a staged duplicate and a dd copy, plus room to spare.
  const neededGiB = (4 * readParams().fileMiB) / 1024 + 1;
  if (freeGiB < neededGiB) {
    throw new Error(
      `${base} has ${freeGiB.toFixed(1)} GiB free; the run needs ${neededGiB.toFixed(1)} GiB`,
    );
  }
  return fs.mkdtempSync(path.join(base, 'strata-bench-'));
}

function databaseUrl(name) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient(action) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

const STRATA_ENV_KEYS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'DATABASE_URL',
  'JWT_SECRET',
  'ADMIN_USERNAME',
  'ADMIN_PASSWORD',
  'LOG_LEVEL',
  'ACCESS_TOKEN_LIFETIME',
  'REFRESH_TOKEN_LIFETIME',
  'MAX_UPLOAD_BYTES',
  'ZIP_MAX_ENTRIES',
  'ZIP_MAX_TOTAL_BYTES',
  'ZIP_MAX_COMPRESSION_RATIO',
  'NODE_OPTIONS',
  'WORKERS',
];

async function startStrata(ctx) {
  ctx.port = await freePort();
  const env = { ...process.env };
  for (const key of STRATA_ENV_KEYS) {
    delete env[key];
  }
  Object.assign(env, {
    // As in the Docker image.
    NODE_ENV: 'production',
    PORT: String(ctx.port),
    HOST: '127.0.0.1',
    DATA_DIR: ctx.dataDir,
    DATABASE_URL: ctx.databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    // As in the Docker image: one HTTP worker per CPU (BENCH_WORKERS=1 to compare; a profile
    // run uses one process, so that the profile is the whole server).
    WORKERS: ctx.profileDir ? '1' : (process.env.BENCH_WORKERS ?? 'auto'),
    ACCESS_TOKEN_LIFETIME: '3600',
    MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
    // 64 clients from one address: the limits would measure themselves.
    RATE_LIMIT: '0',
    RATE_LIMIT_AUTH: '0',
  });
  const args = [];
  if (ctx.profileDir) {
    args.push('--cpu-prof', `--cpu-prof-dir=${ctx.profileDir}`);
  }
  args.push(MAIN_JS);
  const logFd = fs.openSync(ctx.serverLog, 'a');
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  ctx.server = child;
  ctx.serverExited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  ctx.base = `http://127.0.0.1:${ctx.port}`;

  const started = performance.now();
  let exited;
  void ctx.serverExited.then((status) => {
    exited = status;
  });
  for (;;) {
    if (exited) {
      throw new Error(
        `Strata exited during start-up (${JSON.stringify(exited)}):\n${tail(ctx.serverLog)}`,
      );
    }
    if (performance.now() - started > 90_000) {
      throw new Error(`Strata did not answer /health within 90 s:\n${tail(ctx.serverLog)}`);
    }
    try {
      const response = await send(ctx, 'GET', '/health', { agent: false });
      if (response.status === 200) {
        break;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  ctx.startupMs = performance.now() - started;
  log(
    `Strata (pid ${child.pid}) is up on ${ctx.base} after ${(ctx.startupMs / 1000).toFixed(1)} s`,
  );
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function stopChild(child, exited, timeoutMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return exited ? await exited : undefined;
  }
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(killer);
  }
}

async function stopStrata(ctx) {
  if (ctx.server && !ctx.serverStopped) {
    ctx.serverStopped = true;
    await stopChild(ctx.server, ctx.serverExited);
  }
}

let cleaning;
function cleanup(ctx) {
  cleaning ??= (async () => {
    const problems = [];
    const step = async (what, action) => {
      try {
        await action();
      } catch (error) {
        problems.push(`${what}: ${error.message}`);
      }
    };
    await step(
      'stop the bare server',
      () => ctx.bare && stopChild(ctx.bare.child, ctx.bare.exited, 5000),
    );
    await step('stop Strata', () => stopStrata(ctx));
    if (ctx.dbName) {
      await step('drop the database', () =>
        withAdminClient((client) =>
          client.query(`DROP DATABASE IF EXISTS "${ctx.dbName}" WITH (FORCE)`),
        ),
      );
    }
    if (ctx.tmp) {
      await step('remove the temp dir', () =>
        fs.promises.rm(ctx.tmp, { recursive: true, force: true }),
      );
    }
    if (problems.length > 0) {
      log(`Cleanup problems:\n  ${problems.join('\n  ')}`);
    } else {
      log('Cleaned up: server stopped, database dropped, temp files removed.');
    }
  })();
  return cleaning;
}

async function setup(ctx) {
  ctx.tmp = makeTempDir();
  ctx.dataDir = path.join(ctx.tmp, 'data');
  ctx.serverLog = path.join(ctx.tmp, 'strata.log');
  fs.mkdirSync(ctx.dataDir);
  if (ctx.options.profile) {
    ctx.profileDir = path.join(ctx.tmp, 'profile');
    fs.mkdirSync(ctx.profileDir);
  }
  ctx.dbName = `strata_bench_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${ctx.dbName}"`));
  ctx.databaseUrl = databaseUrl(ctx.dbName);
  log(`Temp dir ${ctx.tmp}, database ${ctx.dbName}`);
  await startStrata(ctx);
  const tokens = await api(ctx, 'POST', '/v1/auth/obtain', ADMIN);
  ctx.token = tokens.access;
  const team = await api(ctx, 'POST', '/v1/teams/create', { name: 'bench-team' });
  const project = await api(ctx, 'POST', '/v1/projects/create', {
    name: 'bench-project',
    team: team.pk,
  });
  ctx.teamPk = team.pk;
  ctx.projectPk = project.pk;
  ctx.idleRssMiB = procMemory(ctx.server.pid).rssKiB / 1024;
}

function createDataset(ctx, name, project = ctx.projectPk) {
  return api(ctx, 'POST', '/v1/datasets/create', {
    name,
    project,
    licence: 11,
    tags: '',
    description: `Benchmark dataset ${name}`,
    is_public: false,
  });
}

// ---------------------------------------------------------------------------------------------
// Shared fixtures

/** The big file, generated once: a random 1 MiB block repeated (nothing here compresses). */
function ensureBigFile(ctx) {
  if (ctx.big) {
    return ctx.big;
  }
  const sizeMiB = ctx.params.fileMiB;
  const filePath = path.join(ctx.tmp, 'big.bin');
  log(`Generating a ${sizeMiB} MiB file...`);
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const fd = fs.openSync(filePath, 'w');
  try {
    for (let i = 0; i < sizeMiB; i++) {
      // Vary each block a little so no two MiB are identical either.
      block.writeUInt32LE(i, 0);
      fs.writeSync(fd, block);
      hash.update(block);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  syncDisks();
  ctx.big = { path: filePath, sizeMiB, bytes: sizeMiB * MiB, sha256: hash.digest('hex') };
  return ctx.big;
}

async function ensureBigDataset(ctx) {
  ctx.bigDataset ??= await createDataset(ctx, 'bench-big');
  return ctx.bigDataset;
}

/** The big file in Strata; uploaded untimed when the upload benchmark did not run. */
async function ensureBigUploaded(ctx) {
  if (!ctx.bigUploaded) {
    const big = ensureBigFile(ctx);
    const dataset = await ensureBigDataset(ctx);
    log('Uploading the big file (untimed, for the download benchmark)...');
    const added = await uploadFromDisk(ctx, dataset.pk, 'big.bin', big.path);
    ctx.bigUploaded = { datasetPk: dataset.pk, filename: added.filename, handle: added.handle };
  }
  return ctx.bigUploaded;
}

/** A dataset with ten small files (4 KiB of random bytes each), uploaded through the API. */
async function ensureSmallDataset(ctx) {
  if (!ctx.small) {
    const dataset = await createDataset(ctx, 'bench-get');
    const handles = [];
    for (let i = 0; i < ctx.params.smallFiles; i++) {
      const name = `images/sample-${String(i).padStart(2, '0')}.jpg`;
      const body = randomBytes(ctx.params.smallFileBytes);
      const response = await send(ctx, 'POST', `/v1/datasets/${dataset.pk}/files/${name}`, {
        body,
        headers: {
          ...authHeaders(ctx),
          'Content-Type': 'application/data',
          'Content-Disposition': `attachment; filename=${path.basename(name)}`,
          'Content-Length': body.length,
        },
      });
      if (response.status !== 200) {
        throw new Error(`small upload -> ${response.status}: ${response.body.toString()}`);
      }
      handles.push(JSON.parse(response.body.toString()).handle);
    }
    ctx.small = { pk: dataset.pk, creator: dataset.creator, handles };
  }
  return ctx.small;
}

// ---------------------------------------------------------------------------------------------
// 1. upload

function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** One line per repetition, for the details. */
function runsLine(label, runs, indent = false) {
  const unit = 'MiB/s';
  return (
    `${indent ? '  - ' : '- '}${label}: ` +
    runs
      .map(
        (run, i) =>
          `#${i + 1} ${fmt(run.rate)} ${unit}` +
          (run.otherCores === undefined
            ? ''
            : ` (other processes ${fmt(run.otherCores, 2)} cores)`),
      )
      .join(', ')
  );
}

async function benchUpload(ctx) {
  const big = ensureBigFile(ctx);
  const dataset = await ensureBigDataset(ctx);
  const repeats = ctx.params.repeats;
  const ddTarget = path.join(ctx.tmp, 'dd-target.bin');
  const ddRun = async () => {
    const meter = await startCpuMeter(ctx);
    const seconds = timeDd([`if=${big.path}`, `of=${ddTarget}`, 'conv=fsync']);
    const { otherCores } = await meter.stop();
    fs.rmSync(ddTarget, { force: true });
    syncDisks();
    return { seconds, rate: big.sizeMiB / seconds, otherCores };
  };

  // Plain node:http doing what add_file does to the bytes (hash, write, fsync), for reference.
  const bareUploadDir = path.join(ctx.tmp, 'bare-upload');
  fs.mkdirSync(bareUploadDir, { recursive: true });
  const bare = await startBare(ctx, { BARE_UPLOAD_DIR: bareUploadDir });
  const bareRun = async () => {
    const meter = await startCpuMeter(ctx, [bare.child.pid]);
    const start = performance.now();
    const answer = await postFromDisk(
      bare.port,
      '/upload',
      { 'Content-Type': 'application/data' },
      big.path,
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = await meter.stop();
    if (answer.sha256 !== big.sha256) {
      throw new Error(`upload: the bare server hashed ${answer.sha256}, not ${big.sha256}`);
    }
    syncDisks();
    return { seconds, rate: big.sizeMiB / seconds, otherCores: cpu.otherCores };
  };

  // dd, Strata, bare, dd, ...: the disk's speed drifts on a VM, so the runs interleave.
  const dd = [];
  const uploads = [];
  const bareUploads = [];
  syncDisks();
  for (let i = 0; i < repeats; i++) {
    await waitForQuiet(ctx, `upload #${i + 1}`, ctx.params.quietWaitS / 4);
    log(`upload: dd baseline #${i + 1} (fsync'd write of the same file)...`);
    dd.push(await ddRun());
    log(`upload: #${i + 1} POST ${big.sizeMiB} MiB to /v1/datasets/${dataset.pk}/files/...`);
    // Each upload under its own name; the bytes are the same, so Strata stages, hashes and
    // fsyncs each in full and then finds the blob already stored.
    const filename = i === 0 ? 'big.bin' : `big-${i + 1}.bin`;
    const meter = await startCpuMeter(ctx);
    const { result, memory } = await withMemory(ctx.server.pid, async () => {
      const start = performance.now();
      const added = await profiled(ctx, `upload: timed upload #${i + 1}`, () =>
        uploadFromDisk(ctx, dataset.pk, filename, big.path),
      );
      return { added, seconds: (performance.now() - start) / 1000 };
    });
    const cpu = await meter.stop();
    if (result.added.handle !== big.sha256) {
      throw new Error(
        `upload: handle ${result.added.handle} is not the file's sha256 ${big.sha256}`,
      );
    }
    if (i === 0) {
      ctx.bigUploaded = {
        datasetPk: dataset.pk,
        filename: result.added.filename,
        handle: result.added.handle,
      };
    }
    uploads.push({
      seconds: result.seconds,
      rate: big.sizeMiB / result.seconds,
      memory,
      otherCores: cpu.otherCores,
      strataCores: cpu.strataCores,
    });
    syncDisks();
    log(`upload: #${i + 1} the same into the bare node:http server...`);
    bareUploads.push(await bareRun());
  }
  log(`upload: dd baseline #${repeats + 1}...`);
  dd.push(await ddRun());
  await stopBare(ctx);
  const bareMiBs = median(bareUploads.map((run) => run.rate));

  const ddMiBs = median(dd.map((run) => run.rate));
  const uploadMiBs = median(uploads.map((run) => run.rate));
  const bestMiBs = Math.max(...uploads.map((run) => run.rate));
  const ratio = uploadMiBs / ddMiBs;
  const growth = Math.max(...uploads.map((run) => run.memory.growthMiB));
  const worstMemory = uploads.find((run) => run.memory.growthMiB === growth).memory;
  return {
    name: 'upload',
    figures: {
      sizeMiB: big.sizeMiB,
      uploads,
      bareUploads,
      dd,
      ddMiBs,
      uploadMiBs,
      bareMiBs,
      bestMiBs,
      ratio,
      growth,
    },
    rows: [
      {
        id: '1a',
        bench: `Upload ${big.sizeMiB} MiB (add_file), median of ${repeats}`,
        strata: `${fmt(uploadMiBs)} MiB/s (best ${fmt(bestMiBs)})`,
        baseline: `dd conv=fsync ${fmt(ddMiBs)} MiB/s`,
        ratio: `${fmt(ratio, 2)}×`,
        target: `≥ ${TARGETS.uploadRatio}× dd`,
        pass: ratio >= TARGETS.uploadRatio,
      },
      {
        id: '1b',
        bench: 'Upload: server memory growth (worst run)',
        strata: `${fmt(growth)} MiB`,
        baseline: `RSS before ${fmt(worstMemory.beforeMiB, 0)} MiB`,
        ratio: '',
        target: `< ${TARGETS.uploadMemMiB} MiB`,
        pass: growth < TARGETS.uploadMemMiB,
      },
      {
        id: '1c',
        bench: 'Upload into bare node:http (hash, write, fsync; info)',
        strata: `bare ${fmt(bareMiBs)} MiB/s`,
        baseline: `dd conv=fsync ${fmt(ddMiBs)} MiB/s`,
        ratio: `${fmt(bareMiBs / ddMiBs, 2)}×`,
        target: '—',
        pass: undefined,
      },
    ],
    details: [
      `- File: ${big.sizeMiB} MiB (random 1 MiB block, first 4 bytes varied per block), streamed ` +
        'from disk with `fs.createReadStream` (1 MiB chunks) piped into `http.request` ' +
        '(Content-Length set, fresh connection). Timed from the first byte sent to the 200 answer ' +
        "(bytes hashed, written and fsync'd by Strata, row committed); every answer's handle " +
        "equals the file's SHA-256.",
      `- ${repeats} uploads interleaved with ${repeats + 1} runs of \`dd if=<file> of=<same disk> ` +
        'bs=1M conv=fsync`; each figure is the median of its runs.',
      runsLine('Strata uploads', uploads),
      runsLine(
        'Bare node:http uploads (`bench/bare-server.mjs`: SHA-256, write, fsync)',
        bareUploads,
      ),
      runsLine('dd', dd),
      `- Median: Strata **${fmt(uploadMiBs)} MiB/s**, dd **${fmt(ddMiBs)} MiB/s**: ratio ` +
        `**${fmt(ratio, 2)}×** (target ≥ ${TARGETS.uploadRatio}×); bare node:http ` +
        `${fmt(bareMiBs)} MiB/s (${fmt(bareMiBs / ddMiBs, 2)}× dd; Strata reaches ` +
        `${fmt(uploadMiBs / bareMiBs, 2)}× of it). Strata used ` +
        `${uploads.map((run) => fmt(run.strataCores, 2)).join(', ')} cores during the uploads.`,
      `- Server memory per upload (RSS before → peak, growth; ${worstMemory.method}): ` +
        uploads
          .map(
            (run) =>
              `${fmt(run.memory.beforeMiB)} → ${fmt(run.memory.peakMiB)} MiB ` +
              `(${fmt(run.memory.growthMiB)})`,
          )
          .join('; ') +
        `. Worst growth **${fmt(growth)} MiB** (target < ${TARGETS.uploadMemMiB} MiB).`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 2. download (get_file)

async function benchDownload(ctx) {
  const big = ensureBigFile(ctx);
  const uploaded = await ensureBigUploaded(ctx);
  const pid = ctx.server.pid;
  const repeats = ctx.params.repeats;
  const timedDownload = async (label) => {
    const meter = await startCpuMeter(ctx);
    const { result, memory } = await withMemory(pid, () =>
      profiled(ctx, label, async () => {
        const start = performance.now();
        const got = await download(ctx, uploaded.datasetPk, uploaded.filename);
        return { ...got, seconds: (performance.now() - start) / 1000 };
      }),
    );
    const cpu = await meter.stop();
    if (result.bytes !== big.bytes) {
      throw new Error(`download: got ${result.bytes} bytes, expected ${big.bytes}`);
    }
    return {
      seconds: result.seconds,
      rate: big.sizeMiB / result.seconds,
      memory,
      otherCores: cpu.otherCores,
      strataCores: cpu.strataCores,
    };
  };
  const ddRead = async () => {
    const meter = await startCpuMeter(ctx);
    const seconds = timeDd([`if=${big.path}`, 'of=/dev/null']);
    const { otherCores } = await meter.stop();
    return { seconds, rate: big.sizeMiB / seconds, otherCores };
  };
  // After a cache drop Strata's own code and the database's pages are cold as well; one small
  // authenticated request pages them in so that only the blob's bytes are cold.
  const warmServer = () => api(ctx, 'GET', `/v1/datasets/${uploaded.datasetPk}`);
  // The same get_file with curl as the client: a Node client tops out near one core on its
  // own, so this shows what Strata serves when the client is not the limit.
  const hasCurl = spawnSync('curl', ['--version'], { stdio: 'ignore' }).status === 0;
  const curlRun = async () => {
    const meter = await startCpuMeter(ctx);
    const run = spawnSync(
      'curl',
      [
        '--silent',
        '--show-error',
        '--fail',
        '--output',
        '/dev/null',
        '--write-out',
        '%{size_download} %{time_total}',
        '--header',
        `Authorization: Bearer ${ctx.token}`,
        '--header',
        'Accept: application/data',
        `${ctx.base}/v1/datasets/${uploaded.datasetPk}/files/${encodeURIComponent(uploaded.filename)}`,
      ],
      { encoding: 'utf8' },
    );
    const { otherCores } = await meter.stop();
    const [size, seconds] = run.stdout.trim().split(' ').map(Number);
    if (run.status !== 0 || size !== big.bytes) {
      throw new Error(`download: curl failed (${run.status}): ${run.stderr} ${run.stdout}`);
    }
    return { seconds, rate: big.sizeMiB / seconds, otherCores };
  };

  // Plain node:http streaming the same bytes from disk (fs.createReadStream), for reference.
  const bare = await startBare(ctx, { BARE_FILE: big.path });
  const bareRun = async () => {
    const meter = await startCpuMeter(ctx, [bare.child.pid]);
    const start = performance.now();
    const got = await getToSink(bare.port, '/file', {});
    const seconds = (performance.now() - start) / 1000;
    const cpu = await meter.stop();
    if (got.bytes !== big.bytes) {
      throw new Error(`download: the bare server sent ${got.bytes} bytes, not ${big.bytes}`);
    }
    return { seconds, rate: big.sizeMiB / seconds, otherCores: cpu.otherCores };
  };

  let dropped = true;
  const ddCold = [];
  const cold = [];
  const curlCold = [];
  const bareCold = [];
  for (let i = 0; i < repeats; i++) {
    await waitForQuiet(ctx, `download cold #${i + 1}`, ctx.params.quietWaitS / 4);
    log(`download: cold #${i + 1}: dd read, get_file, bare server, each after a cache drop...`);
    dropped = dropCaches() && dropped;
    ddCold.push(await ddRead());
    dropCaches();
    await warmServer();
    cold.push(await timedDownload(`download: cold get_file #${i + 1}`));
    if (hasCurl) {
      dropCaches();
      await warmServer();
      curlCold.push(await curlRun());
    }
    dropCaches();
    bareCold.push(await bareRun());
  }
  const ddWarm = [];
  const warm = [];
  const bareWarm = [];
  const curlWarm = [];
  for (let i = 0; i < repeats; i++) {
    await waitForQuiet(ctx, `download warm #${i + 1}`, ctx.params.quietWaitS / 4);
    log(`download: warm #${i + 1}...`);
    ddWarm.push(await ddRead());
    warm.push(await timedDownload(`download: warm get_file #${i + 1}`));
    if (hasCurl) {
      curlWarm.push(await curlRun());
    }
    bareWarm.push(await bareRun());
  }
  await stopBare(ctx);
  log('download: verification download (hashed, untimed)...');
  const verified = await download(ctx, uploaded.datasetPk, uploaded.filename, { hash: true });
  if (verified.sha256 !== big.sha256) {
    throw new Error(
      `download: content hash ${verified.sha256} differs from the file's ${big.sha256}`,
    );
  }

  const ddColdMiBs = median(ddCold.map((run) => run.rate));
  const coldMiBs = median(cold.map((run) => run.rate));
  const ddWarmMiBs = median(ddWarm.map((run) => run.rate));
  const warmMiBs = median(warm.map((run) => run.rate));
  const ratio = coldMiBs / ddColdMiBs;
  const bareColdMiBs = median(bareCold.map((run) => run.rate));
  const bareWarmMiBs = median(bareWarm.map((run) => run.rate));
  const all = [...cold, ...warm];
  const growth = Math.max(...all.map((run) => run.memory.growthMiB));
  const worstMemory = all.find((run) => run.memory.growthMiB === growth).memory;
  const coldLabel = dropped ? 'cold cache' : 'warm cache: drop_caches refused';
  return {
    name: 'download',
    figures: {
      sizeMiB: big.sizeMiB,
      cacheDropped: dropped,
      cold,
      curlCold,
      bareCold,
      ddCold,
      warm,
      curlWarm,
      bareWarm,
      ddWarm,
      ratio,
    },
    rows: [
      {
        id: '2a',
        bench: `get_file ${big.sizeMiB} MiB (${coldLabel}), median of ${repeats}`,
        strata: `${fmt(coldMiBs)} MiB/s (best ${fmt(Math.max(...cold.map((run) => run.rate)))})`,
        baseline: `dd read ${fmt(ddColdMiBs)} MiB/s`,
        ratio: `${fmt(ratio, 2)}×`,
        target: `≥ ${TARGETS.downloadRatio}× dd`,
        pass: ratio >= TARGETS.downloadRatio,
      },
      {
        id: '2b',
        bench: 'get_file: server memory growth (worst run)',
        strata: `${fmt(growth)} MiB`,
        baseline: `RSS before ${fmt(worstMemory.beforeMiB, 0)} MiB`,
        ratio: '',
        target: `< ${TARGETS.downloadMemMiB} MiB`,
        pass: growth < TARGETS.downloadMemMiB,
      },
      {
        id: '2c',
        bench: `get_file ${big.sizeMiB} MiB (warm cache, info), median of ${repeats}`,
        strata: `${fmt(warmMiBs)} MiB/s (best ${fmt(Math.max(...warm.map((run) => run.rate)))})`,
        baseline: `dd read ${fmt(ddWarmMiBs)} MiB/s`,
        ratio: `${fmt(warmMiBs / ddWarmMiBs, 2)}×`,
        target: '—',
        pass: undefined,
      },
      ...(curlCold.length > 0
        ? [
            {
              id: '2d',
              bench: `get_file with curl as the client (${coldLabel} / warm; info)`,
              strata: `${fmt(median(curlCold.map((run) => run.rate)))} / ${fmt(median(curlWarm.map((run) => run.rate)))} MiB/s`,
              baseline: `dd read ${fmt(ddColdMiBs)} / ${fmt(ddWarmMiBs)} MiB/s`,
              ratio: `${fmt(median(curlCold.map((run) => run.rate)) / ddColdMiBs, 2)}× / ${fmt(median(curlWarm.map((run) => run.rate)) / ddWarmMiBs, 2)}×`,
              target: '—',
              pass: undefined,
            },
          ]
        : []),
      {
        id: '2e',
        bench: `Bare node:http sending the file (${coldLabel}; info)`,
        strata: `bare ${fmt(bareColdMiBs)} MiB/s`,
        baseline: `dd read ${fmt(ddColdMiBs)} MiB/s`,
        ratio: `${fmt(bareColdMiBs / ddColdMiBs, 2)}×`,
        target: '—',
        pass: undefined,
      },
    ],
    details: [
      '- Client: `http.get` with a sink that only counts bytes (fresh connection); a last, ' +
        'untimed download hashed the bytes: SHA-256 matches the uploaded file.',
      `- Cold (${dropped ? 'page cache dropped before each dd and each download' : 'drop_caches was refused: these are warm figures'}; ` +
        'one small API request after the drop so that only the blob is cold):',
      runsLine('Strata get_file, cold', cold, true),
      runsLine(
        'bare node:http (`fs.createReadStream` piped into the response), cold',
        bareCold,
        true,
      ),
      runsLine('`dd if=<file> of=/dev/null bs=1M`, cold', ddCold, true),
      ...(curlCold.length > 0
        ? [runsLine('Strata get_file with `curl -o /dev/null` as the client, cold', curlCold, true)]
        : []),
      `- Medians: Strata **${fmt(coldMiBs)} MiB/s**, dd **${fmt(ddColdMiBs)} MiB/s**: ratio ` +
        `**${fmt(ratio, 2)}×** (target ≥ ${TARGETS.downloadRatio}×); bare node:http ` +
        `${fmt(bareColdMiBs)} MiB/s (${fmt(bareColdMiBs / ddColdMiBs, 2)}× dd; Strata reaches ` +
        `${fmt(coldMiBs / bareColdMiBs, 2)}× of it). Strata used ` +
        `${cold.map((run) => fmt(run.strataCores, 2)).join(', ')} cores during the cold downloads.`,
      '- Warm (file in the page cache, for information):',
      runsLine('Strata get_file, warm', warm, true),
      runsLine('bare node:http, warm', bareWarm, true),
      ...(curlWarm.length > 0
        ? [runsLine('Strata get_file with curl as the client, warm', curlWarm, true)]
        : []),
      runsLine('dd, warm', ddWarm, true),
      `- Medians: Strata ${fmt(warmMiBs)} MiB/s, bare node:http ${fmt(bareWarmMiBs)} MiB/s, ` +
        `dd ${fmt(ddWarmMiBs)} MiB/s (Strata ${fmt(warmMiBs / ddWarmMiBs, 2)}× dd, ` +
        `${fmt(warmMiBs / bareWarmMiBs, 2)}× bare).`,
      `- Server memory growth per download (${worstMemory.method}): ` +
        all.map((run) => fmt(run.memory.growthMiB)).join(', ') +
        ` MiB; worst **${fmt(growth)} MiB** (target < ${TARGETS.downloadMemMiB} MiB).`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. GET /v1/datasets/{pk} under load, vs a bare node:http server

/** Starts bench/bare-server.mjs with these BARE_* settings (see that file). */
async function startBare(ctx, settings) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(BENCH_DIR, 'bare-server.mjs')], {
    env: { ...process.env, ...settings, BARE_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  ctx.bare = { child, exited, port };
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start')), 10_000);
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error('bare server exited')));
  });
  return ctx.bare;
}

async function stopBare(ctx) {
  if (ctx.bare) {
    const { child, exited } = ctx.bare;
    ctx.bare = undefined;
    await stopChild(child, exited, 5000);
  }
}

async function runLoad(ctx, label, url, headers, extraPids = []) {
  const { connections, durationS, warmupS } = ctx.params;
  await loadTest({ url, connections, duration: warmupS, headers });
  const meter = await startCpuMeter(ctx, extraPids);
  const r = await profiled(ctx, label, () =>
    loadTest({ url, connections, duration: durationS, headers }),
  );
  const cpu = await meter.stop();
  return {
    cpu,
    reqPerSec: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    mean: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerSec: r.throughput.average,
  };
}

async function benchGet(ctx) {
  const small = await ensureSmallDataset(ctx);
  const urlPath = `/v1/datasets/${small.pk}`;
  const headers = { ...authHeaders(ctx), Accept: 'application/json' };
  const sample = await send(ctx, 'GET', urlPath, { headers });
  if (sample.status !== 200) {
    throw new Error(`GET ${urlPath} -> ${sample.status}`);
  }
  const json = JSON.parse(sample.body.toString());
  if (Object.keys(json.files ?? {}).length !== ctx.params.smallFiles) {
    throw new Error(
      `GET ${urlPath}: expected ${ctx.params.smallFiles} files, got ${JSON.stringify(json.files)}`,
    );
  }
  const { connections, durationS, warmupS } = ctx.params;
  log(`get: Strata, ${connections} connections, ${warmupS} s warm-up + ${durationS} s...`);
  const rssBefore = procMemory(ctx.server.pid).rssKiB / 1024;
  const strata = await runLoad(ctx, 'get: Strata under load', `${ctx.base}${urlPath}`, headers);
  const rssAfter = procMemory(ctx.server.pid).rssKiB / 1024;
  await waitForQuiet(ctx, 'get (bare server)', ctx.params.quietWaitS / 4);
  log('get: bare node:http server, same load...');
  const bodyFile = path.join(ctx.tmp, 'dataset.json');
  fs.writeFileSync(bodyFile, sample.body);
  const bare = await startBare(ctx, {
    BARE_BODY_FILE: bodyFile,
    BARE_CONTENT_TYPE: sample.headers['content-type'] ?? '',
  });
  const bareResult = await runLoad(
    ctx,
    'get: bare server under load (Strata idle)',
    `http://127.0.0.1:${bare.port}${urlPath}`,
    headers,
    [bare.child.pid],
  );
  await stopBare(ctx);

  if (strata.non2xx > 0 || strata.errors > 0) {
    throw new Error(
      `get: Strata answered ${strata.non2xx} non-2xx and ${strata.errors} errors under load`,
    );
  }
  const ratio = strata.reqPerSec / bareResult.reqPerSec;
  return {
    name: 'get',
    figures: {
      bodyBytes: sample.body.length,
      strata,
      bare: bareResult,
      ratio,
      rssBefore,
      rssAfter,
    },
    rows: [
      {
        id: '3a',
        bench: `GET /v1/datasets/{pk}: p99 (${connections} clients)`,
        strata: `p99 ${fmt(strata.p99)} ms (p50 ${fmt(strata.p50)} ms)`,
        baseline: `bare p99 ${fmt(bareResult.p99)} ms`,
        ratio: '',
        target: `p99 < ${TARGETS.getP99Ms} ms`,
        pass: strata.p99 < TARGETS.getP99Ms,
      },
      {
        id: '3b',
        bench: 'GET /v1/datasets/{pk}: throughput',
        strata: `${fmt(strata.reqPerSec, 0)} req/s`,
        baseline: `bare node:http ${fmt(bareResult.reqPerSec, 0)} req/s`,
        ratio: `${fmt(ratio, 2)}×`,
        target: `≥ ${TARGETS.getRatio}× bare`,
        pass: ratio >= TARGETS.getRatio,
      },
    ],
    details: [
      `- Dataset with ${ctx.params.smallFiles} files of ${ctx.params.smallFileBytes} bytes; the answer ` +
        `is ${sample.body.length} bytes of JSON. autocannon ${autocannonVersion()}, ${connections} ` +
        `keep-alive connections, ${warmupS} s warm-up (discarded) then ${durationS} s, with the ` +
        'Authorization header (every request is authenticated and authorised).',
      '- The bare server is `bench/bare-server.mjs`: node:http in its own process returning the same ' +
        'bytes with the same Content-Type.',
      '',
      '| Server | req/s (mean) | requests | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | ' +
        'server cores | PostgreSQL cores | client cores | other processes cores |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...[
        [
          'Strata',
          strata,
          strata.cpu.strataCores,
          ` (kernel ${fmt(strata.cpu.strataSysCores, 2)})`,
        ],
        ['bare node:http', bareResult, bareResult.cpu.extraCores],
      ].map(
        ([label, r, serverCores, kernel = '']) =>
          `| ${label} | ${fmt(r.reqPerSec, 0)} | ${r.total} | ${fmt(r.p50)} | ${fmt(r.p90)} | ` +
          `${fmt(r.p99)} | ${fmt(r.max)} | ${r.non2xx} | ${r.errors} | ${fmt(serverCores, 2)}${kernel} | ` +
          `${fmt(r.cpu.postgresCores, 2)} | ${fmt(r.cpu.benchCores, 2)} | ${fmt(r.cpu.otherCores, 2)} |`,
      ),
      '',
      '(CPU columns: average cores used during the measured run, from `/proc`; the client is ' +
        'autocannon in the bench process.)',
      '',
      `- Strata/bare throughput: **${fmt(ratio, 2)}×** (target ≥ ${TARGETS.getRatio}×); Strata p99 ` +
        `**${fmt(strata.p99)} ms** (target < ${TARGETS.getP99Ms} ms). Strata RSS ${fmt(rssBefore)} MiB ` +
        `before the load, ${fmt(rssAfter)} MiB after.`,
      '- autocannon runs inside the bench process on the same 2 cores, so it also competes for CPU; ' +
        'with the bare server it is likely the client, not the server, that saturates first.',
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 4. POST /v1/datasets/list over 2,000 datasets

async function benchList(ctx) {
  const { datasets, filesPerListed, listRuns, listWarmup } = ctx.params;
  const small = await ensureSmallDataset(ctx);
  if (filesPerListed > small.handles.length) {
    throw new Error(`list: at most ${small.handles.length} files per dataset`);
  }
  const project = await api(ctx, 'POST', '/v1/projects/create', {
    name: 'bench-list',
    team: ctx.teamPk,
  });
  log(`list: inserting ${datasets} datasets with ${filesPerListed} files each (SQL)...`);
  const seedStart = performance.now();
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `WITH manifests AS (
         INSERT INTO file_manifests (created_at)
         SELECT now() FROM generate_series(1, $3::int) RETURNING id
       )
       INSERT INTO datasets
         (name, version, previous_version, description, project_id, team_id, licence_id, is_public, tags, slug, creator_id, manifest_id)
       SELECT 'list-' || lpad(i::text, 5, '0'), 1, -1, 'Benchmark dataset number ' || i, $1,
              (SELECT team_id FROM projects WHERE id = $1), 11,
              false, 'bench,list', 'bench-list-' || i, $2, id
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM manifests) AS m`,
      [project.pk, small.creator, datasets],
    );
    const files = small.handles
      .slice(0, filesPerListed)
      .map((handle, i) => [`frame-${i}.jpg`, handle]);
    if (files.length > 0) {
      await client.query(
        `INSERT INTO dataset_files (manifest_id, filename, blob_handle)
         SELECT d.manifest_id, f.filename, f.handle
         FROM datasets d CROSS JOIN unnest($2::text[], $3::text[]) AS f(filename, handle)
         WHERE d.project_id = $1
         ORDER BY d.id, f.filename`,
        [project.pk, files.map((f) => f[0]), files.map((f) => f[1])],
      );
    }
    await client.query('COMMIT');
    // What autovacuum would do shortly after such a bulk load anyway.
    await client.query('ANALYZE datasets');
    await client.query('ANALYZE dataset_files');
  } finally {
    await client.end();
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const body = Buffer.from(
    JSON.stringify({ expressions: [{ type: 'exact', field: 'project', value: project.pk }] }),
  );
  const headers = {
    ...authHeaders(ctx),
    'Content-Type': 'application/json',
    'Content-Length': body.length,
    Accept: 'application/json',
  };
  // One keep-alive connection, used back to back (never idle long enough to be closed).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = async () => {
    const start = performance.now();
    const response = await send(ctx, 'POST', '/v1/datasets/list', { body, headers, agent });
    const ms = performance.now() - start;
    if (response.status !== 200) {
      throw new Error(`list -> ${response.status}: ${response.body.toString().slice(0, 500)}`);
    }
    return { ms, response };
  };
  const first = await once();
  const listed = JSON.parse(first.response.body.toString());
  if (!Array.isArray(listed) || listed.length !== datasets) {
    throw new Error(
      `list: expected ${datasets} datasets, got ${Array.isArray(listed) ? listed.length : typeof listed}`,
    );
  }
  const badFiles = listed.filter(
    (d) => Object.keys(d.files ?? {}).length !== filesPerListed,
  ).length;
  if (badFiles > 0) {
    throw new Error(`list: ${badFiles} datasets do not show ${filesPerListed} files`);
  }
  for (let i = 1; i < listWarmup; i++) {
    await once();
  }
  log(`list: ${listRuns} sequential requests...`);
  const times = [];
  await profiled(ctx, 'list: the timed requests', async () => {
    for (let i = 0; i < listRuns; i++) {
      times.push((await once()).ms);
    }
  });
  agent.destroy();
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p95 = percentile(sorted, 95);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    name: 'list',
    figures: {
      datasets,
      filesPerListed,
      seedSeconds,
      bodyBytes: first.response.body.length,
      runs: listRuns,
      p50,
      p95,
      min: sorted[0],
      max: sorted.at(-1),
      mean,
      times,
    },
    rows: [
      {
        id: '4',
        bench: `POST /v1/datasets/list (${datasets} datasets)`,
        strata: `p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms`,
        baseline: '',
        ratio: '',
        target: `p50 < ${TARGETS.listP50Ms} ms`,
        pass: p50 < TARGETS.listP50Ms,
      },
    ],
    details: [
      `- ${datasets} datasets in one project, each with ${filesPerListed} files, inserted with SQL ` +
        `straight into \`datasets\` and \`dataset_files\` (the files point at blobs uploaded through ` +
        `the API), then \`ANALYZE\`; seeding took ${fmt(seedSeconds, 2)} s.`,
      `- Request: \`{"expressions":[{"type":"exact","field":"project","value":${project.pk}}]}\`, ` +
        `whole list (no \`limit\`); the answer is ${(first.response.body.length / 1024).toFixed(0)} KiB of ` +
        `JSON with ${datasets} datasets, each showing its ${filesPerListed} files (checked).`,
      `- ${listWarmup} warm-up requests, then ${listRuns} sequential ones on a keep-alive connection, ` +
        `timed from sending to the last byte: p50 **${fmt(p50)} ms**, p95 **${fmt(p95)} ms**, ` +
        `min ${fmt(sorted[0])} ms, max ${fmt(sorted.at(-1))} ms, mean ${fmt(mean)} ms ` +
        `(target p50 < ${TARGETS.listP50Ms} ms).`,
    ],
  };
}

const BENCHES = { upload: benchUpload, download: benchDownload, get: benchGet, list: benchList };

// ---------------------------------------------------------------------------------------------
// Facts and the results file

function autocannonVersion() {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules', 'autocannon', 'package.json'), 'utf8'),
    ).version;
  } catch {
    return '?';
  }
}

async function machineFacts(ctx) {
  let postgres = '?';
  try {
    postgres = await withAdminClient(
      async (client) => (await client.query('SHOW server_version')).rows[0].server_version,
    );
  } catch {
    // Reported as unknown.
  }
  const dirty = sh('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: ROOT });
  return {
    nproc: sh('nproc', []),
    cpu: os.cpus()[0]?.model ?? '?',
    free: sh('free', ['-h']),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    postgres,
    disk: sh('df', ['-hT', ctx.tmp]),
    commit: sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }),
    dirtyFiles: dirty.startsWith('(') ? dirty : dirty === '' ? 0 : dirty.split('\n').length,
    autocannon: autocannonVersion(),
  };
}

function summaryTable(results) {
  const lines = [
    '| # | Benchmark | Strata | Baseline | Ratio | Target | Result |',
    '| --- | --- | --- | --- | ---: | --- | --- |',
  ];
  for (const result of results) {
    if (result.error) {
      lines.push(
        `| — | ${result.name} | error: ${result.error.replace(/\|/g, '\\|').split('\n')[0]} | | | | ERROR |`,
      );
      continue;
    }
    for (const row of result.rows) {
      const verdict = row.pass === undefined ? 'info' : `**${passFail(row.pass)}**`;
      lines.push(
        `| ${row.id} | ${row.bench} | ${row.strata} | ${row.baseline || '—'} | ${row.ratio || '—'} | ${row.target} | ${verdict} |`,
      );
    }
  }
  return lines.join('\n');
}

const TITLES = {
  upload: '1. Upload of a 1 GiB file (add_file)',
  download: '2. get_file of the 1 GiB file',
  get: '3. GET /v1/datasets/{pk} under 64 concurrent clients',
  list: '4. POST /v1/datasets/list over 2,000 datasets',
};

function resultsMarkdown(ctx, facts, results, profile) {
  const started = ctx.startedAt;
  const nonDefault = nonDefaultParams(ctx);
  const out = [
    `# Strata benchmarks: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`npm run bench${ctx.argsText ? ` -- ${ctx.argsText}` : ''}\` · benchmarks: ${ctx.options.benches.join(', ')} · ` +
      `commit \`${facts.commit}\`${facts.dirtyFiles ? ` (+${facts.dirtyFiles} uncommitted files under src/ and migrations/)` : ''} · ` +
      `total ${fmt(ctx.totalSeconds, 0)} s${ctx.options.profile ? ' · **server under --cpu-prof: figures are slowed by the profiler**' : ''}`,
    '',
  ];
  if (nonDefault.length > 0) {
    out.push(
      `> Non-default parameters (${nonDefault.map((k) => `${ENV_NAMES[k] ?? k}=${ctx.params[k]}`).join(', ')}): ` +
        'a trial run, not comparable with the targets.',
      '',
    );
  }
  out.push(
    '## Summary',
    '',
    summaryTable(results),
    '',
    "MiB/s = MiB transferred / wall seconds. Memory figures are the Strata process's RSS from " +
      '`/proc/<pid>/status`.',
    '',
    ...cpuTable(results),
    '## Machine',
    '',
    `- CPU: ${facts.cpu}, nproc ${facts.nproc}`,
    `- Node ${facts.node}, PostgreSQL ${facts.postgres} (127.0.0.1:5432, shared with other work on the ` +
      `machine), ${facts.kernel}, autocannon ${facts.autocannon}`,
    `- Strata: \`node dist/src/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, fresh database and ` +
      `DATA_DIR (started in ${fmt(ctx.startupMs / 1000, 1)} s, idle RSS ${fmt(ctx.idleRssMiB, 0)} MiB)`,
    '',
    '`free -h`:',
    '',
    '```text',
    facts.free,
    '```',
    '',
    'Disk (temp dir, same filesystem as the work tree), `df -hT`:',
    '',
    '```text',
    facts.disk,
    '```',
    '',
    '## Details',
    '',
  );
  for (const result of results) {
    out.push(`### ${TITLES[result.name]}`, '');
    if (result.error) {
      out.push('```text', result.error, '```', '');
    } else {
      out.push(...result.details, '');
    }
  }
  if (profile) {
    out.push(
      '## CPU profile of the Strata process',
      '',
      'Self time of the Strata process (`node --cpu-prof`) within each measured window. The ' +
        'profiler samples wall time, so when the process waits for a CPU on a busy machine the ' +
        'wait is charged to whatever frame it was in (often a syscall such as `writev`).',
      '',
      profile,
      '',
    );
  }
  out.push(
    '## Reference: the UFDL backend on this machine (from the issue)',
    '',
    '- Upload of a 512 MB file: 0.22× the raw disk speed, memory growth about 1 GB.',
    '- Single dataset GET under 64 concurrent clients: 58 req/s, p99 1.8 s.',
    '- Listing 2,000 datasets: 2.6 s.',
    '',
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const argv = process.argv.slice(2);
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const ctx = {
    options,
    params: readParams(),
    argsText: argv.join(' '),
    windows: [],
    startedAt: new Date(),
  };
  const interrupted = (signal) => {
    log(`${signal}: cleaning up...`);
    void cleanup(ctx).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const t0 = performance.now();
  const results = [];
  let profile;
  let exitCode = 0;
  try {
    if (options.build) {
      ensureBuilt();
    }
    if (!fs.existsSync(MAIN_JS)) {
      throw new Error(`${MAIN_JS} is missing: run npm run build`);
    }
    await setup(ctx);
    for (const name of options.benches) {
      log(`=== ${name} ===`);
      try {
        const otherBefore = await waitForQuiet(ctx, name);
        const meter = await startCpuMeter(ctx);
        const result = await BENCHES[name](ctx);
        result.cpu = { ...(await meter.stop()), otherBefore };
        results.push(result);
      } catch (error) {
        log(`${name} failed: ${error.stack ?? error}`);
        results.push({ name, error: String(error.message ?? error) });
        exitCode = 1;
      }
      if (ctx.server.exitCode !== null || ctx.server.signalCode !== null) {
        throw new Error(`Strata exited during the ${name} benchmark:\n${tail(ctx.serverLog)}`);
      }
    }
    if (ctx.big) {
      fs.rmSync(ctx.big.path, { force: true });
    }
    const facts = await machineFacts(ctx);
    if (options.profile) {
      await stopStrata(ctx);
      const file = fs.readdirSync(ctx.profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (file) {
        const raw = fs.readFileSync(path.join(ctx.profileDir, file), 'utf8');
        const parsed = JSON.parse(raw);
        profile = ctx.windows
          .map(
            (window) =>
              `### ${window.label}\n\n${profileMarkdown(summariseProfile(parsed, 15, window))}\n`,
          )
          .join('\n');
        fs.mkdirSync(PROFILES_DIR, { recursive: true });
        const kept = path.join(
          PROFILES_DIR,
          `${ctx.startedAt.toISOString().slice(0, 10)}-${options.benches.join('-')}.cpuprofile`,
        );
        fs.writeFileSync(kept, raw);
        log(`CPU profile kept at ${path.relative(ROOT, kept)} (open it in Chrome DevTools)`);
      } else {
        profile = '(no .cpuprofile was written: did the server exit cleanly?)';
      }
    }
    ctx.totalSeconds = (performance.now() - t0) / 1000;
    const markdown = resultsMarkdown(ctx, facts, results, profile);
    const written = writeResults(ctx, markdown);
    console.log(`\n${summaryTable(results)}\n`);
    log(`Results written to ${written.map((file) => path.relative(ROOT, file)).join(' and ')}`);
    const missed = results.flatMap((r) => r.rows ?? []).filter((row) => row.pass === false);
    if (missed.length > 0) {
      log(`Targets missed: ${missed.map((row) => row.id).join(', ')}`);
      if (options.strict) {
        exitCode = 1;
      }
    }
  } catch (error) {
    log(`Benchmark run failed: ${error.stack ?? error}`);
    exitCode = 1;
  } finally {
    await cleanup(ctx);
  }
  return exitCode;
}

/** Parameters that change what is measured (waiting for a quiet machine does not). */
function nonDefaultParams(ctx) {
  return Object.keys(DEFAULTS).filter(
    (key) => key !== 'quietWaitS' && ctx.params[key] !== DEFAULTS[key],
  );
}

function cpuTable(results) {
  const measured = results.filter((result) => result.cpu);
  if (measured.length === 0) {
    return [];
  }
  const c = (cores) => cores.toFixed(2);
  return [
    'CPU use during each benchmark, in cores (of ' +
      `${measured[0].cpu.cores}), from \`/proc\`: the machine is shared with other work, so ` +
      '"other processes" is every user process that is neither Strata, its PostgreSQL backends ' +
      'nor the bench process (with its children: dd, the bare server; autocannon runs ' +
      "in-process). Kernel threads (page writeback, the filesystem's journal) are shown apart: " +
      'they mostly do the I/O the benchmarks cause.',
    '',
    '| Benchmark | Seconds | Machine | Strata | PostgreSQL backends | Bench client | Kernel threads | Other processes | Other, in the second before |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measured.map(
      ({ name, cpu }) =>
        `| ${name} | ${cpu.seconds.toFixed(1)} | ${c(cpu.machineCores)} | ${c(cpu.strataCores)} | ` +
        `${c(cpu.postgresCores)} | ${c(cpu.benchCores)} | ${c(cpu.kernelCores)} | ` +
        `${c(cpu.otherCores)} | ${c(cpu.otherBefore)} |`,
    ),
    '',
  ];
}

function writeResults(ctx, markdown) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const date = ctx.startedAt.toISOString().slice(0, 10);
  const name = ctx.options.benches.length === ALL.length ? 'all' : ctx.options.benches.join('-');
  const standard = nonDefaultParams(ctx).length === 0;
  const files = [];
  if (ctx.options.profile) {
    files.push(path.join(RESULTS_DIR, `${date}-profile-${name}.md`));
  } else if (!standard) {
    files.push(path.join(RESULTS_DIR, `${date}-${name}-trial.md`));
  } else {
    files.push(path.join(RESULTS_DIR, 'latest.md'), path.join(RESULTS_DIR, `${date}-${name}.md`));
  }
  for (const file of files) {
    fs.writeFileSync(file, markdown);
  }
  return files;
}

process.exitCode = await main();
