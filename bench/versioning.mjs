#!/usr/bin/env node
// Benchmarks for versioning and archives (issue "Versioning and archives"):
//   copy      POST /v1/datasets/{pk}/copy of a dataset with 100,000 files (target < 1 s)
//   download  POST /v1/datasets/{pk}/download (zip) of 1 GiB in 200 files, against Python's
//             zipfile writing the same stored zip to /dev/null in the same run (target >= 0.5x),
//             time to first byte (< 100 ms), server memory growth (< 64 MiB), and time to first
//             byte of a resume (Range) starting in the zip's last 1% (info)
//   many      the same zip download of 100,000 files of 100 bytes, against Python's zipfile
//             (target >= 0.7x), with the server's peak memory growth (info)
// Usage: npm run build && node bench/versioning.mjs [copy|download|many]...
// Results: bench/results/versioning-latest.md (and a dated copy).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { profileMarkdown, summariseProfile } from './cpu-profile.mjs';
import { api, memory, resetPeak, ROOT, seedFileRows, setUp, withStrata } from './strata-server.mjs';

const MiB = 1024 * 1024;

const BENCHES = ['copy', 'download', 'many'];
const USAGE = `Usage: npm run build && node bench/versioning.mjs [copy] [download] [many] [--profile]

  copy      POST /v1/datasets/{pk}/copy of a dataset with 100,000 files (target < 1 s)
  download  zip of 1 GiB in 200 files vs Python's zipfile (>= 0.5x), first byte, memory, resume
  many      zip of 100,000 files of 100 bytes vs Python's zipfile (>= 0.7x), memory (info)

  --profile Strata under --cpu-prof; its self time in the timed downloads or copies goes into
            bench/results/<date>-profile-versioning.md only (the profiler slows it down)

No name runs all three. Results: bench/results/versioning-latest.md and a dated copy.`;
const options = process.argv.slice(2);
if (options.includes('--help') || options.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const profiling = options.includes('--profile');
const args = options.filter((arg) => arg !== '--profile');
// Anything else unknown stops here: a run of nothing would still overwrite the results.
const unknown = args.filter((arg) => !BENCHES.includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown benchmark or option: ${unknown.join(' ')}\n\n${USAGE}`);
  process.exit(2);
}
const wanted = (name) => args.length === 0 || args.includes(name);

/** Python's zipfile writing stored entries (source path, name) listed in argv[1] to /dev/null. */
const PYTHON_ZIP_BASELINE = `
import json, sys, time, zipfile
entries = json.load(open(sys.argv[1]))
t0 = time.perf_counter()
with zipfile.ZipFile('/dev/null', 'w', zipfile.ZIP_STORED, allowZip64=True) as z:
    for source, name in entries:
        z.write(source, name)
print(time.perf_counter() - t0)
`;

/** Raw profiles, one directory per benchmark (bench/profiles/ is git-ignored). */
const profileRoot = path.join(
  ROOT,
  'bench',
  'profiles',
  `versioning-${new Date().toISOString().replace(/[:.]/g, '-')}`,
);
/** Per benchmark, the monotonic-clock windows (the clock V8 stamps samples with) of its timed requests. */
const windows = { copy: [], download: [], many: [] };

/** The server's node flags for `name`: under --profile, V8's CPU profiler writes on exit. */
function nodeArgs(name) {
  return profiling ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileRoot, name)}`] : [];
}

/** withStrata for benchmark `name`, under the CPU profiler with --profile. */
const strata = (name, work) => withStrata(work, {}, nodeArgs(name));

/** Runs `action`, remembering its time window for the profile of benchmark `name`. */
async function timed(name, action) {
  const startUs = Number(process.hrtime.bigint() / 1000n);
  try {
    return await action();
  } finally {
    windows[name].push({ startUs, endUs: Number(process.hrtime.bigint() / 1000n) });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function benchCopy() {
  const FILES = 100_000;
  return strata('copy', async ({ port, db }) => {
    const { token, dataset } = await setUp(port);
    const source = await dataset('copy-source');
    // 100,000 distinct blobs (rows only: copying never touches bytes) and their references.
    const started = performance.now();
    await seedFileRows(db, source.pk, FILES);
    await db.query('ANALYZE');
    const seedSeconds = (performance.now() - started) / 1000;
    const runs = [];
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      const { response, text } = await timed('copy', async () => {
        const answer = await fetch(`http://127.0.0.1:${port}/v1/datasets/${source.pk}/copy`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
        return { response: answer, text: await answer.text() };
      });
      const ms = performance.now() - t0;
      const copy = JSON.parse(text);
      if (response.status !== 200 || Object.keys(copy.files).length !== FILES) {
        throw new Error(`copy failed: ${response.status}`);
      }
      runs.push({ ms, version: copy.version, bytes: text.length });
    }
    const rows = await db.query('SELECT count(*)::int AS n FROM dataset_files');
    return { files: FILES, seedSeconds, runs, totalRows: rows.rows[0].n };
  });
}

function upload(port, token, pk, name, buffer) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v1/datasets/${pk}/files/${name}`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/data',
          'Content-Disposition': `attachment; filename=${name}`,
          'Content-Length': buffer.length,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`upload ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(buffer);
  });
}

function download(port, token, pk, headers = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstByte;
    let bytes = 0;
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v1/datasets/${pk}/download`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          ...headers,
        },
      },
      (response) => {
        response.on('data', (chunk) => {
          firstByte ??= performance.now() - t0;
          // Counting only: hashing here would make the client, which shares the two cores with
          // the server, the bottleneck (the baseline writes to /dev/null without hashing).
          bytes += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            firstByteMs: firstByte,
            seconds: (performance.now() - t0) / 1000,
            bytes,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ filetype: 'zip' }));
  });
}

async function benchDownload() {
  const FILES = 200;
  const SIZE = Math.floor((1024 * MiB) / FILES);
  return strata('download', async ({ port, pid, dataDir }) => {
    const { token, dataset } = await setUp(port);
    const target = await dataset('archive');
    const names = [];
    for (let i = 0; i < FILES; i += 1) {
      const name = `part-${String(i).padStart(3, '0')}.bin`;
      await upload(port, token, target.pk, name, randomBytes(SIZE));
      names.push(name);
    }
    const record = await api(port, 'GET', `/v1/datasets/${target.pk}`, undefined, token);
    const blobPath = (handle) =>
      path.join(dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4), handle);
    // Baseline: Python's zipfile writing the same stored entries from the same blob files.
    const listing = path.join(dataDir, 'zip-baseline.json');
    fs.writeFileSync(
      listing,
      JSON.stringify(names.map((name) => [blobPath(record.files[name]), name])),
    );
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      const baseline = Number(
        execFileSync('python3', ['-c', PYTHON_ZIP_BASELINE, listing]).toString().trim(),
      );
      const before = memory(pid);
      const peakReset = resetPeak(pid);
      const result = await timed('download', () => download(port, token, target.pk));
      const after = memory(pid);
      runs.push({
        ...result,
        baselineSeconds: baseline,
        memoryGrowth: (peakReset ? after.hwm : after.rss) - before.rss,
        peakReset,
      });
      if (Number(result.headers['content-length']) !== result.bytes) {
        throw new Error(`Content-Length ${result.headers['content-length']}, ${result.bytes} sent`);
      }
    }
    // A resume from the last 1%: the server must not read the 99% of the files before it.
    const length = runs[0].bytes;
    const etag = runs[0].headers.etag;
    const resumes = [];
    for (let i = 0; i < 3; i += 1) {
      const start = Math.floor(length * 0.99) + i * 1000;
      const result = await download(port, token, target.pk, {
        Range: `bytes=${start}-`,
        'If-Range': etag,
      });
      if (result.status !== 206 || result.bytes !== length - start) {
        throw new Error(`resume: ${result.status}, ${result.bytes} of ${length - start} bytes`);
      }
      resumes.push({ ...result, start });
    }
    // Info: the same download with curl as the client (when installed). Node's HTTP client runs
    // JavaScript for every chunk and shares the two cores with the server: it may be the limit.
    const curlRuns = [];
    if (hasCurl()) {
      for (let i = 0; i < 3; i += 1) {
        const out = execFileSync('curl', [
          '-s',
          '-o',
          '/dev/null',
          '-w',
          '%{size_download} %{time_total}',
          '-X',
          'POST',
          '-H',
          `Authorization: Bearer ${token}`,
          '-H',
          'Content-Type: application/json',
          '--data',
          JSON.stringify({ filetype: 'zip' }),
          `http://127.0.0.1:${port}/v1/datasets/${target.pk}/download`,
        ]).toString();
        const [bytes, seconds] = out.trim().split(' ').map(Number);
        curlRuns.push({ bytes, seconds });
      }
    }
    return { files: FILES, bytes: SIZE * FILES, runs, resumes, curlRuns };
  });
}

/**
 * Info: a zip of 100,000 files of 100 bytes, against Python's zipfile writing the same files to
 * /dev/null. Per-file costs dominate here, not bytes: this is what caught the archive path
 * allocating two 4 MiB buffers per file (95 s for such a zip).
 */
async function benchManySmall() {
  const FILES = 100_000;
  const SIZE = 100;
  return strata('many', async ({ port, pid, db, dataDir }) => {
    const { token, dataset } = await setUp(port);
    const target = await dataset('many-small');
    // Distinct blobs written where the store keeps them, and their rows (uploading 100,000
    // files through HTTP would take longer than the benchmark).
    const started = performance.now();
    const handles = [];
    const crcs = [];
    const names = [];
    const listing = [];
    for (let i = 0; i < FILES; i += 1) {
      const bytes = randomBytes(SIZE);
      const handle = createHash('sha256').update(bytes).digest('hex');
      const dir = path.join(dataDir, 'blobs', handle.slice(0, 2), handle.slice(2, 4));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, handle), bytes);
      const name = `small/${String(i).padStart(6, '0')}.bin`;
      handles.push(handle);
      crcs.push(crc32(bytes));
      names.push(name);
      listing.push([path.join(dir, handle), name]);
    }
    await db.query(
      `INSERT INTO blobs (handle, size, crc32) SELECT h, $2, c FROM unnest($1::text[], $3::bigint[]) AS t(h, c)`,
      [handles, SIZE, crcs],
    );
    await db.query(
      `INSERT INTO dataset_files (manifest_id, filename, blob_handle)
       SELECT (SELECT manifest_id FROM datasets WHERE id = $1), n, h
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(n, h, i) ORDER BY i`,
      [target.pk, names, handles],
    );
    const seedSeconds = (performance.now() - started) / 1000;
    const listingFile = path.join(dataDir, 'zip-many-baseline.json');
    fs.writeFileSync(listingFile, JSON.stringify(listing));
    const runs = [];
    for (let i = 0; i < 3; i += 1) {
      const baseline = Number(
        execFileSync('python3', ['-c', PYTHON_ZIP_BASELINE, listingFile]).toString().trim(),
      );
      const before = memory(pid);
      const peakReset = resetPeak(pid);
      const result = await timed('many', () => download(port, token, target.pk));
      const after = memory(pid);
      if (result.status !== 200) {
        throw new Error(`many-small download: ${result.status}`);
      }
      runs.push({
        ...result,
        baselineSeconds: baseline,
        memoryGrowth: (peakReset ? after.hwm : after.rss) - before.rss,
        peakReset,
      });
    }
    return { files: FILES, size: SIZE, seedSeconds, runs };
  });
}

function hasCurl() {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function report(copy, archive, many) {
  const lines = [
    `# Strata benchmarks: versioning and archives, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`node bench/versioning.mjs\` · commit \`${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()}\` · ${os.cpus().length} cores · Node ${process.version}`,
    '',
    '| Benchmark | Strata | Baseline | Target | Result |',
    '| --- | --- | --- | --- | --- |',
  ];
  if (copy) {
    const ms = median(copy.runs.map((run) => run.ms));
    lines.push(
      `| copy of a dataset with ${copy.files.toLocaleString('en')} files (HTTP round trip, median of ${copy.runs.length}) | ${ms.toFixed(0)} ms (runs: ${copy.runs.map((run) => run.ms.toFixed(0)).join(', ')}) | UFDL backend: 3.8 s for 2,000 files | < 1 s | **${ms < 1000 ? 'PASS' : 'FAIL'}** |`,
    );
  }
  if (archive) {
    const mibs = archive.runs.map((run) => run.bytes / MiB / run.seconds);
    const ratio = median(archive.runs.map((run) => run.baselineSeconds / run.seconds));
    const ttfb = Math.max(...archive.runs.map((run) => run.firstByteMs));
    const growth = Math.max(...archive.runs.map((run) => run.memoryGrowth)) / MiB;
    const baseline = median(archive.runs.map((run) => archive.bytes / MiB / run.baselineSeconds));
    lines.push(
      `| zip download, 1 GiB in ${archive.files} files (median of ${archive.runs.length}) | ${median(mibs).toFixed(0)} MiB/s | Python zipfile to /dev/null ${baseline.toFixed(0)} MiB/s | ≥ 0.5× (${ratio.toFixed(2)}×) | **${ratio >= 0.5 ? 'PASS' : 'FAIL'}** |`,
      `| zip download: time to first byte (worst run) | ${ttfb.toFixed(1)} ms | UFDL backend: 1.1 s | < 100 ms | **${ttfb < 100 ? 'PASS' : 'FAIL'}** |`,
      `| zip download: server memory growth (worst run) | ${growth.toFixed(1)} MiB | UFDL backend: +508 MB for 256 MB | < 64 MiB | **${growth < 64 ? 'PASS' : 'FAIL'}** |`,
      `| zip resume: first byte of a Range in the last 1% (worst of ${archive.resumes.length}; info) | ${Math.max(...archive.resumes.map((run) => run.firstByteMs)).toFixed(1)} ms | whole zip's first byte above | info | info |`,
    );
  }
  if (many) {
    const seconds = median(many.runs.map((run) => run.seconds));
    const ratio = median(many.runs.map((run) => run.baselineSeconds / run.seconds));
    const growth = Math.max(...many.runs.map((run) => run.memoryGrowth)) / MiB;
    lines.push(
      `| zip download, ${many.files.toLocaleString('en')} files of ${many.size} bytes (median of ${many.runs.length}) | ${seconds.toFixed(1)} s | Python zipfile to /dev/null ${median(many.runs.map((run) => run.baselineSeconds)).toFixed(1)} s | ≥ 0.7× (${ratio.toFixed(2)}×) | **${ratio >= 0.7 ? 'PASS' : 'FAIL'}** |`,
      `| zip download of ${many.files.toLocaleString('en')} files: server memory growth (worst run; info) | ${growth.toFixed(1)} MiB | | info | info |`,
    );
  }
  lines.push('', '## Details', '');
  if (copy) {
    lines.push(
      `- Copy: the source's ${copy.files.toLocaleString('en')} references (distinct blobs, with metadata) were seeded with SQL in ${copy.seedSeconds.toFixed(1)} s. Each copy is one HTTP call: authorise, lock, insert the new dataset row sharing the source's file manifest (copy-on-write: no file row is copied), and the new dataset's JSON with its whole files map (${(copy.runs[0].bytes / MiB).toFixed(1)} MiB). Versions made: ${copy.runs.map((run) => run.version).join(', ')}; rows in dataset_files afterwards: ${copy.totalRows.toLocaleString('en')}.`,
    );
  }
  if (archive) {
    for (const [i, run] of archive.runs.entries()) {
      lines.push(
        `- Download run ${i + 1}: ${(run.bytes / MiB).toFixed(0)} MiB in ${run.seconds.toFixed(2)} s, first byte after ${run.firstByteMs.toFixed(1)} ms, baseline ${run.baselineSeconds.toFixed(2)} s, memory growth ${(run.memoryGrowth / MiB).toFixed(1)} MiB (${run.peakReset ? 'VmHWM reset via clear_refs' : 'VmRSS after'}).`,
      );
    }
    lines.push(
      `- Resumes (Range from the last 1%, If-Range with the ETag, answered 206): ${archive.resumes.map((run) => `${(run.bytes / MiB).toFixed(1)} MiB from byte ${run.start.toLocaleString('en')} in ${(run.seconds * 1000).toFixed(0)} ms, first byte after ${run.firstByteMs.toFixed(1)} ms`).join('; ')}.`,
    );
    if (archive.curlRuns.length > 0) {
      const curlMibs = archive.curlRuns.map((run) => run.bytes / MiB / run.seconds);
      lines.push(
        `- Info, the same zip with curl as the client (${archive.curlRuns.length} runs): median ${median(curlMibs).toFixed(0)} MiB/s (runs: ${curlMibs.map((mib) => mib.toFixed(0)).join(', ')}); the target's figure uses Node's HTTP client, above.`,
      );
    }
  }
  if (many) {
    lines.push(
      `- Many small files: ${many.files.toLocaleString('en')} distinct blobs of ${many.size} bytes written into the store and recorded with SQL in ${many.seedSeconds.toFixed(1)} s; runs ${many.runs.map((run) => `${run.seconds.toFixed(1)} s (Python ${run.baselineSeconds.toFixed(1)} s, first byte ${run.firstByteMs.toFixed(0)} ms, memory growth ${(run.memoryGrowth / MiB).toFixed(1)} MiB${run.peakReset ? '' : ', VmRSS after'})`).join(', ')}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const copy = wanted('copy') ? await benchCopy() : undefined;
const archive = wanted('download') ? await benchDownload() : undefined;
const many = wanted('many') ? await benchManySmall() : undefined;
let text = report(copy, archive, many);
const resultsDir = path.join(ROOT, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const date = new Date().toISOString().slice(0, 10);
if (profiling) {
  text = `${text}${profileSection()}`;
  fs.writeFileSync(path.join(resultsDir, `${date}-profile-versioning.md`), text);
} else {
  fs.writeFileSync(path.join(resultsDir, 'versioning-latest.md'), text);
  fs.writeFileSync(path.join(resultsDir, `${date}-versioning.md`), text);
}
console.log(text);

/** Self time of the Strata process from the first to the last timed request of each benchmark. */
function profileSection() {
  const lines = [
    '',
    '## CPU profile (Strata under --cpu-prof: the figures above are slowed by the profiler)',
    '',
  ];
  for (const [name, spans] of Object.entries(windows)) {
    if (spans.length === 0) {
      continue;
    }
    const dir = path.join(profileRoot, name);
    const file = fs.existsSync(dir)
      ? fs.readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'))
      : undefined;
    lines.push(`### ${name}`, '');
    if (!file) {
      lines.push('(no .cpuprofile was written: did the server exit cleanly?)', '');
      continue;
    }
    const window = {
      startUs: Math.min(...spans.map((span) => span.startUs)),
      endUs: Math.max(...spans.map((span) => span.endUs)),
    };
    const summary = summariseProfile(
      JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
      25,
      window,
    );
    lines.push(
      `From the first timed request's start to the last one's end (${spans.length} requests; the server idles between them while the baseline runs). Raw profile: \`${path.relative(ROOT, path.join(dir, file))}\` (git-ignored).`,
      '',
      profileMarkdown(summary),
      '',
    );
  }
  return lines.join('\n');
}
