#!/usr/bin/env node
// Bounded memory (issue "Hard to break", item 6):
//   multi  POST /v1/datasets/{pk}/files-multi of a zip of 10,000 and of 100,000 small files
//   list   POST /v1/datasets/list without limit over 10,000 and over 100,000 datasets
// Each records the time and the server's peak memory (VmHWM, reset before each request) and
// compares the growth at 10,000 with the growth at 100,000: flat memory means about the same.
// Usage: npm run build && node bench/memory.mjs [multi|list]...
// Results: bench/results/memory-latest.md (and a dated copy).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { memory, resetPeak, ROOT, SERVER_URL, setUp, withStrata } from './strata-server.mjs';

const MiB = 1024 * 1024;
const SIZES = [10_000, 100_000];
/** Memory is read from one process: the server itself, no cluster workers. */
const ONE_PROCESS = { WORKERS: '1' };

const selected = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const wanted = (name) => selected.length === 0 || selected.includes(name);

/** Runs `request` and answers its time and the server's memory before and at its peak. */
async function measured(pid, request) {
  const before = memory(pid).rss;
  const peakReset = resetPeak(pid);
  let sampled = before;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, memory(pid).rss);
  }, 20);
  const t0 = performance.now();
  try {
    const result = await request();
    const seconds = (performance.now() - t0) / 1000;
    const peak = Math.max(sampled, peakReset ? memory(pid).hwm : 0, memory(pid).rss);
    return { ...result, seconds, before, peak, growth: peak - before, peakReset };
  } finally {
    clearInterval(sampler);
  }
}

/** A stored zip of `count` distinct files of `size` random bytes, written to `file`. */
function writeZip(file, count, size) {
  const zip = new yazl.ZipFile();
  for (let i = 0; i < count; i += 1) {
    zip.addBuffer(randomBytes(size), `small/${String(i).padStart(6, '0')}.bin`, {
      compress: false,
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject);
  });
}

/** POSTs a file as the request body; answers the status and the answer's length. */
function postFile(port, token, pathname, file) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: pathname,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/data',
          'Content-Disposition': 'attachment; filename=data.zip',
          'Content-Length': fs.statSync(file).size,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      },
    );
    request.on('error', reject);
    fs.createReadStream(file).pipe(request);
  });
}

/** POST /v1/datasets/list without a body or limit; counts the answer's bytes and items. */
function listAll(port, token) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/datasets/list',
        headers: { Authorization: `Bearer ${token}` },
      },
      (response) => {
        let bytes = 0;
        let items = 0;
        let firstByteMs;
        // Every dataset has one "pk" key; a chunk may end inside one, so its tail is carried.
        const marker = '{"pk":';
        let carry = '';
        const t0 = performance.now();
        response.on('data', (chunk) => {
          firstByteMs ??= performance.now() - t0;
          bytes += chunk.length;
          const text = carry + chunk.toString('latin1');
          items += text.split(marker).length - 1;
          carry = text.slice(-(marker.length - 1));
        });
        response.on('end', () =>
          resolve({ status: response.statusCode, bytes, items, firstByteMs }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function benchMulti() {
  const SIZE = 100;
  return withStrata(async ({ port, pid, dataDir }) => {
    const { token, dataset } = await setUp(port);
    const runs = [];
    for (const count of SIZES) {
      const file = path.join(dataDir, `multi-${count}.zip`);
      await writeZip(file, count, SIZE);
      const target = await dataset(`multi-${count}`);
      const run = await measured(pid, () =>
        postFile(port, token, `/v1/datasets/${target.pk}/files-multi`, file),
      );
      const added = run.status === 200 ? JSON.parse(run.body).length : 0;
      if (run.status !== 200 || added !== count) {
        throw new Error(`files-multi of ${count}: ${run.status} ${run.body.slice(0, 300)}`);
      }
      runs.push({
        count,
        seconds: run.seconds,
        growth: run.growth,
        peak: run.peak,
        zipBytes: fs.statSync(file).size,
        peakReset: run.peakReset,
      });
      fs.rmSync(file);
    }
    return { size: SIZE, runs };
  }, ONE_PROCESS);
}

async function benchList() {
  return withStrata(async ({ port, pid, db }) => {
    const { token, project } = await setUp(port);
    const runs = [];
    let seeded = 0;
    for (const count of SIZES) {
      const t0 = performance.now();
      await db.query(
        `WITH m AS (INSERT INTO file_manifests SELECT FROM generate_series(1, $2) RETURNING id)
         INSERT INTO datasets (name, project_id, team_id, licence_id, slug, manifest_id, description)
         SELECT 'bench-' || m.id, $1, p.team_id, 11, 'bench-' || m.id, m.id,
                'a dataset of the list benchmark'
         FROM m, projects p WHERE p.id = $1`,
        [project, count - seeded],
      );
      await db.query('ANALYZE');
      const seedSeconds = (performance.now() - t0) / 1000;
      seeded = count;
      const run = await measured(pid, () => listAll(port, token));
      if (run.status !== 200 || run.items !== count) {
        throw new Error(`list of ${count}: ${run.status}, ${run.items} items`);
      }
      runs.push({ count, seedSeconds, ...run });
    }
    return { runs };
  }, ONE_PROCESS);
}

function report(multi, list) {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
    .toString()
    .trim();
  const lines = [
    `# Strata benchmarks: bounded memory, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`node bench/memory.mjs\` · commit \`${commit}\` · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}) · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · PostgreSQL at ${new URL(SERVER_URL).host} · one server process (WORKERS=1)`,
    '',
    '| Benchmark | Items | Time | Server peak RSS | Growth during the request |',
    '| --- | --- | --- | --- | --- |',
  ];
  const row = (name, run) =>
    `| ${name} | ${run.count.toLocaleString('en')} | ${run.seconds.toFixed(1)} s | ${(run.peak / MiB).toFixed(0)} MiB | ${(run.growth / MiB).toFixed(1)} MiB |`;
  for (const run of multi?.runs ?? []) {
    lines.push(row(`files-multi, stored zip of files of ${multi.size} bytes`, run));
  }
  for (const run of list?.runs ?? []) {
    lines.push(row('POST /v1/datasets/list without limit', run));
  }
  const flat = (runs) => {
    const [small, large] = runs;
    return `growth ${(small.growth / MiB).toFixed(1)} MiB at ${small.count.toLocaleString('en')}, ${(large.growth / MiB).toFixed(1)} MiB at ${large.count.toLocaleString('en')} (${(large.growth / Math.max(small.growth, 1)).toFixed(1)}× for 10× the items)`;
  };
  lines.push('', '## Details', '');
  if (multi) {
    lines.push(
      `- files-multi: ${flat(multi.runs)}. Zips of ${multi.runs.map((run) => `${(run.zipBytes / MiB).toFixed(1)} MiB`).join(' and ')}, sent from disk with Content-Length; timed to the 200 answer (every entry staged, fsynced, recorded and moved into place), whose list of ${multi.runs.at(-1).count.toLocaleString('en')} entries is checked.`,
    );
  }
  if (list) {
    lines.push(
      `- list: ${flat(list.runs)}. Datasets seeded with SQL (no files); ${list.runs.map((run) => `${(run.bytes / MiB).toFixed(1)} MiB answer, first byte after ${run.firstByteMs.toFixed(0)} ms`).join('; ')}.`,
    );
  }
  const reset = [...(multi?.runs ?? []), ...(list?.runs ?? [])].every((run) => run.peakReset);
  lines.push(
    `- Peak memory: ${reset ? 'VmHWM, reset through /proc/<pid>/clear_refs before each request' : 'VmRSS sampled every 20 ms (clear_refs was refused)'}; growth is the peak less the RSS just before the request.`,
  );
  return `${lines.join('\n')}\n`;
}

const multi = wanted('multi') ? await benchMulti() : undefined;
const list = wanted('list') ? await benchList() : undefined;
const text = report(multi, list);
const resultsDir = path.join(ROOT, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'memory-latest.md'), text);
fs.writeFileSync(path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}-memory.md`), text);
console.log(text);
