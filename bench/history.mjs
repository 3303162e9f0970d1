#!/usr/bin/env node
// Benchmark for history and diff (issue #13 item 4):
//   diff     GET /api/datasets/{pk}/diff?from= between two versions of 100,000 files, 1% each
//            changed, removed, renamed, given other metadata, and 1% added (target < 100 ms)
//   history  GET /api/datasets/{pk}/history of that lineage (info)
// Usage: npm run build && node bench/history.mjs
// Results: bench/results/<date>-diff.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api, ROOT, seedFileRows, setUp, withStrata } from './strata-server.mjs';

const FILES = 100_000;
const RUNS = 21;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    'Usage: npm run build && node bench/history.mjs\n\nResults: bench/results/<date>-diff.md',
  );
  process.exit(0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)
  ];

/** Times `RUNS` GETs of `pathname` (after two warm-ups); answers the times and the last body. */
async function timeGets(port, token, pathname) {
  const times = [];
  let body;
  for (let i = 0; i < RUNS + 2; i += 1) {
    const t0 = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200) {
      throw new Error(`GET ${pathname}: ${response.status} ${text.slice(0, 300)}`);
    }
    body = JSON.parse(text);
    if (i >= 2) {
      times.push(ms);
    }
  }
  return { times, body, bytes: JSON.stringify(body).length };
}

const counts = (changes) =>
  changes.reduce((all, change) => ({ ...all, [change.change]: (all[change.change] ?? 0) + 1 }), {});

const result = await withStrata(async ({ port, db }) => {
  const { token, dataset } = await setUp(port);
  const v1 = await dataset('diff-bench');
  const started = performance.now();
  // 100,000 distinct blobs (rows only: a diff never reads bytes) and their references.
  await seedFileRows(db, v1.pk, FILES);
  // Version 2 through the API (a copy shares v1's manifest), then given a manifest of its own
  // and the 1% changes with SQL, as uploads, deletions and metadata writes would leave them.
  const v2 = await api(port, 'POST', `/v1/datasets/${v1.pk}/copy`, {}, token);
  await db.query(
    `INSERT INTO blobs (handle, size)
     SELECT encode(sha256(convert_to('new' || i::text, 'UTF8')), 'hex'), 2048
     FROM generate_series(1, $1) i WHERE i % 100 = 1 OR i > $2`,
    [FILES + FILES / 100, FILES],
  );
  const own = await db.query('INSERT INTO file_manifests DEFAULT VALUES RETURNING id');
  const manifest = own.rows[0].id;
  await db.query(
    `INSERT INTO dataset_files (manifest_id, filename, blob_handle, metadata)
     SELECT $1, filename, blob_handle, metadata FROM dataset_files
     WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $2) ORDER BY id`,
    [manifest, v1.pk],
  );
  await db.query('UPDATE datasets SET manifest_id = $1 WHERE id = $2', [manifest, v2.pk]);
  // 1% each, by the file's number: % 100 = 0 removed, 1 changed, 2 other metadata, 3 renamed.
  const n = `substr(filename, 8, 6)::int`;
  await db.query(`DELETE FROM dataset_files WHERE manifest_id = $1 AND ${n} % 100 = 0`, [manifest]);
  await db.query(
    `UPDATE dataset_files
     SET blob_handle = encode(sha256(convert_to('new' || ${n}::text, 'UTF8')), 'hex')
     WHERE manifest_id = $1 AND ${n} % 100 = 1`,
    [manifest],
  );
  await db.query(
    `UPDATE dataset_files SET metadata = '{"label":"dog"}'
     WHERE manifest_id = $1 AND ${n} % 100 = 2`,
    [manifest],
  );
  await db.query(
    `UPDATE dataset_files SET filename = 'moved/' || substr(filename, 8)
     WHERE manifest_id = $1 AND ${n} % 100 = 3`,
    [manifest],
  );
  await db.query(
    `INSERT INTO dataset_files (manifest_id, filename, blob_handle, metadata)
     SELECT $1, 'added/' || lpad(i::text, 6, '0') || '.jpg',
            encode(sha256(convert_to('new' || ($2 + i)::text, 'UTF8')), 'hex'), ''
     FROM generate_series(1, $3) i`,
    [manifest, FILES, FILES / 100],
  );
  await db.query('ANALYZE');
  const seedSeconds = (performance.now() - started) / 1000;

  const diffPath = `/api/datasets/${v2.pk}/diff?from=${v1.pk}`;
  const whole = await timeGets(port, token, `${diffPath}&limit=10000`);
  const page = await timeGets(port, token, diffPath);
  const history = await timeGets(port, token, `/api/datasets/${v1.pk}/history`);
  // The floor of any diff that matches files by name: PostgreSQL joining the two versions'
  // names alone and counting, with no row leaving the database.
  const floor = [];
  for (let i = 0; i < RUNS + 2; i += 1) {
    const t0 = performance.now();
    await db.query(
      `SELECT count(*) FROM
         (SELECT filename FROM dataset_files
          WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $1)) o
       FULL JOIN
         (SELECT filename FROM dataset_files
          WHERE manifest_id = (SELECT manifest_id FROM datasets WHERE id = $2)) n
       ON n.filename = o.filename
       WHERE o.filename IS NULL OR n.filename IS NULL`,
      [v1.pk, v2.pk],
    );
    if (i >= 2) {
      floor.push(performance.now() - t0);
    }
  }
  const got = counts(whole.body.changes);
  const want = { added: 1000, removed: 1000, changed: 1000, renamed: 1000, metadata: 1000 };
  for (const [kind, count] of Object.entries(want)) {
    if (got[kind] !== count) {
      throw new Error(`diff answered ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
  if (whole.body.next !== null || page.body.changes.length !== 1000 || page.body.next === null) {
    throw new Error('diff pages are not as expected');
  }
  const explain = await db.query(
    `SELECT count(*)::int AS files FROM dataset_files WHERE manifest_id IN
       (SELECT manifest_id FROM datasets WHERE id = ANY($1::int[]))`,
    [[v1.pk, v2.pk]],
  );
  return {
    seedSeconds,
    whole,
    page,
    history,
    floor: { times: floor, bytes: 0 },
    got,
    rows: explain.rows[0].files,
  };
});

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
  .toString()
  .trim();
const pg = execFileSync('psql', [
  '-tAc',
  'SHOW server_version',
  process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
])
  .toString()
  .trim();
const row = (label, run, target) => {
  const ms = median(run.times);
  const verdict = target === undefined ? 'info' : `**${ms < target ? 'PASS' : 'FAIL'}**`;
  return `| ${label} | ${ms.toFixed(1)} ms | ${percentile(run.times, 95).toFixed(1)} ms | ${(run.bytes / 1024).toFixed(0)} KiB | ${target === undefined ? 'info' : `< ${target} ms`} | ${verdict} |`;
};
const lines = [
  `# Strata benchmark: history and diff, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `\`node bench/history.mjs\` · commit \`${commit}\` · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}) · ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · PostgreSQL ${pg} (default settings) · load average before the run ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
  '',
  `Two versions of ${FILES.toLocaleString('en')} files (${result.rows.toLocaleString('en')} file rows between them); the second has 1% each changed, removed, renamed and given other metadata, and 1% added: ${Object.entries(
    result.got,
  )
    .map(([kind, count]) => `${count} ${kind}`)
    .join(
      ', ',
    )}. Each figure is the HTTP round trip from a Node client on the same machine, ${RUNS} runs after 2 warm-ups.`,
  '',
  '| Request | Median | p95 | Answer | Target | Result |',
  '| --- | --- | --- | --- | --- | --- |',
  row(
    '`GET /api/datasets/{v2}/diff?from={v1}&limit=10000` (all 5,000 changes, one page)',
    result.whole,
    100,
  ),
  row('`GET /api/datasets/{v2}/diff?from={v1}` (first page, 1,000 changes)', result.page, 100),
  row('`GET /api/datasets/{v1}/history` (2 versions, 200,000 file rows summed)', result.history),
  row(
    'Baseline: the full join of the two versions on the name alone in PostgreSQL (count only, no row sent; the floor of a diff by name)',
    result.floor,
  ),
  '',
  '## Details',
  '',
  `- Seeding: v1's files and blobs with SQL, v2 by \`POST /v1/datasets/{v1}/copy\`, then its own manifest and the 1% changes with SQL (as uploads, deletions and metadata writes leave them), then \`ANALYZE\`: ${result.seedSeconds.toFixed(1)} s.`,
  `- Runs (ms), whole diff: ${result.whole.times.map((t) => t.toFixed(0)).join(', ')}.`,
  `- Runs (ms), first page: ${result.page.times.map((t) => t.toFixed(0)).join(', ')}.`,
  `- Runs (ms), history: ${result.history.times.map((t) => t.toFixed(0)).join(', ')}.`,
  '- Every page computes the whole diff in PostgreSQL (a full join of both versions on the file name, then the renames paired among the leftovers) and returns one page: a later page costs about what the first does.',
];
const text = `${lines.join('\n')}\n`;
const resultsDir = path.join(ROOT, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${new Date().toISOString().slice(0, 10)}-diff.md`);
fs.writeFileSync(file, text);
console.log(text);
console.log(`Written to ${path.relative(ROOT, file)}`);
