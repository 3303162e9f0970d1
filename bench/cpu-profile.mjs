// Summarises a V8 .cpuprofile (as written by `node --cpu-prof`): self time per function and per
// origin (a package under node_modules, a node: built-in, Strata's own dist/ code, GC, ...).
//
// Usage as a script: node bench/cpu-profile.mjs <file.cpuprofile> [topN]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a frame's code comes from, for the per-origin table. */
export function originOf(url, functionName) {
  if (!url) {
    // (garbage collector), (program), (idle), (root) and native frames without a script.
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  if (url.startsWith('node:')) {
    return url;
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  if (dist !== -1) {
    return `strata ${url
      .slice(dist + '/dist/'.length)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  }
  return url;
}

/**
 * Self time (ms) per function and per origin. `idle` is reported separately, and percentages
 * are of the busy (non-idle) time.
 */
export function summariseProfile(profile, topN = 20, window = undefined) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // Sample i is taken at startTime + timeDeltas[0..i]; the interval up to the next sample
  // (timeDeltas[i + 1]) is charged to its frame, as Chrome DevTools does. With a window
  // (monotonic-clock microseconds, the clock V8 stamps samples with), only samples inside count.
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (window && (at < window.startUs || at > window.endUs)) {
      continue;
    }
    const id = samples[i];
    const delta = timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  }
  const parentOf = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id);
    }
  }
  // The origins (packages, node: modules, Strata's dist/ dirs) anywhere on a node's stack.
  const stackOrigins = new Map();
  const originsOnStack = (id) => {
    let found = stackOrigins.get(id);
    if (!found) {
      const set = new Set();
      for (let at = id; at !== undefined; at = parentOf.get(at)) {
        const { callFrame } = byId.get(at);
        if (callFrame.url) {
          set.add(originOf(callFrame.url, callFrame.functionName));
        }
      }
      found = [...set];
      stackOrigins.set(id, found);
    }
    return found;
  };
  const functions = new Map();
  const origins = new Map();
  const inclusive = new Map();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const location = callFrame.url ? `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${name}\u0000${location}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
    const origin = originOf(callFrame.url, name);
    origins.set(origin, (origins.get(origin) ?? 0) + us);
    for (const onStack of originsOnStack(id)) {
      inclusive.set(onStack, (inclusive.get(onStack) ?? 0) + us);
    }
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topN)
      .map(([key, us]) => ({ key, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return {
    wallMs: window
      ? (Math.min(window.endUs, profile.endTime) - Math.max(window.startUs, profile.startTime)) /
        1000
      : (profile.endTime - profile.startTime) / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    functions: rank(functions).map(({ key, ms, share }) => {
      const [name, location] = key.split('\u0000');
      return { name, location, ms, share };
    }),
    origins: rank(origins).map(({ key, ms, share }) => ({ origin: key, ms, share })),
    inclusive: rank(inclusive).map(({ key, ms, share }) => ({ origin: key, ms, share })),
  };
}

function shortUrl(url) {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    return url.slice(modules + '/node_modules/'.length);
  }
  const dist = url.indexOf('/dist/');
  if (dist !== -1) {
    return url.slice(dist + 1);
  }
  return url;
}

/** Markdown tables for a summary. */
export function profileMarkdown(summary) {
  const pct = (share) => `${(share * 100).toFixed(1)} %`;
  const lines = [
    `Wall ${summary.wallMs.toFixed(0)} ms, busy ${summary.busyMs.toFixed(0)} ms, ` +
      `idle ${summary.idleMs.toFixed(0)} ms (shares below are of busy time).`,
    '',
    '| Origin | Self ms | Share |',
    '| --- | ---: | ---: |',
    ...summary.origins.map((o) => `| ${o.origin} | ${o.ms.toFixed(0)} | ${pct(o.share)} |`),
    '',
    'Inclusive: time with code of this origin anywhere on the stack (shares overlap).',
    '',
    '| Origin on the stack | Inclusive ms | Share |',
    '| --- | ---: | ---: |',
    ...summary.inclusive.map((o) => `| ${o.origin} | ${o.ms.toFixed(0)} | ${pct(o.share)} |`),
    '',
    '| Function | Location | Self ms | Share |',
    '| --- | --- | ---: | ---: |',
    ...summary.functions.map(
      (f) => `| \`${f.name}\` | ${f.location || '—'} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/cpu-profile.mjs <file.cpuprofile> [topN]');
    process.exit(2);
  }
  const summary = summariseProfile(
    JSON.parse(readFileSync(file, 'utf8')),
    Number(process.argv[3] ?? 20),
  );
  console.log(profileMarkdown(summary));
}
