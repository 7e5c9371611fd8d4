#!/usr/bin/env node
// `npm run loadtest`: the server under load (issue 7). Spawns `chokepoint serve` from the
// compiled code on 127.0.0.1 with a free port, then runs 50 concurrent clients for 30 s
// with autocannon: half GET the default dataset's metrics, half POST scenarios to it (the
// shipped presets that apply to it, plus a few flag-style scenarios, in turn). Prints
// requests, requests per second, p50, p99 and max latency for each kind; exits 1 if any
// request failed, timed out or was not 2xx, or if the server did not stop cleanly
// (SIGTERM, exit 0) at the end.
//   node scripts/load-test.mjs [--duration S] [--connections N] [--docs]
// --docs writes the results as the "## Server load test" section of docs/benchmarks.md
// (replacing that section if present, else appending it). Loopback only; bounded in time.
/* global fetch */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { writeSection } from './docs-section.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const duration = option('--duration', 30);
const connections = option('--connections', 50);
const writeDocs = args.includes('--docs');
if (!(duration > 0 && duration <= 600) || !(Number.isInteger(connections) && connections >= 2 && connections <= 500)) {
  console.error('usage: node scripts/load-test.mjs [--duration 1..600] [--connections 2..500] [--docs]');
  process.exit(2);
}
const ROOT = new URL('..', import.meta.url).pathname;
const GRAPH = 'rare-earths-2024';
const log = (text) => process.stderr.write(`${text}\n`);

if (!existsSync(join(ROOT, 'dist', 'cli', 'run.js'))) {
  log('load-test: dist/ is missing: run `npm run build` first');
  process.exit(1);
}

/** Starts `chokepoint serve --port 0` and resolves with the child and its URL. */
function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'chokepoint.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0];
      if (url) resolve({ child, url, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
}

async function json(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The scenario bodies: presets that apply to the graph, and a few flag-style ones. */
async function scenarioBodies(base) {
  const presets = await json(new URL(`/api/graphs/${GRAPH}/scenarios`, base));
  const applicable = presets.filter((p) => !p.error).map((p) => ({ name: p.name, actions: p.actions }));
  const extra = [
    { name: 'baseline', actions: [] },
    { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] },
    { name: 'China embargo', actions: [{ type: 'embargo', from: 'CN' }] },
    { name: 'China quota', actions: [{ type: 'cap', from: 'CN', share: 0.5 }] },
  ];
  const bodies = [...applicable, ...extra];
  // Each must answer 200 before the run: a broken scenario is a setup error, not load.
  for (const body of bodies) await json(new URL(`/api/graphs/${GRAPH}/scenario`, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return bodies;
}

function run(name, options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, duration, timeout: 20 }, (error, result) => (error ? reject(error) : resolve({ name, result })));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const summary = ({ name, result: r }) => ({
  kind: name,
  connections: r.connections,
  requests: r.requests.total,
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
});

function stopServer(child) {
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code, signal) => {
      clearTimeout(kill);
      resolve(signal ? `killed by ${signal}` : code);
    });
    child.kill('SIGTERM');
  });
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

function markdown(rows, date) {
  const fmt = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  const table = rows.map((r) => `| ${r.kind} | ${r.connections} | ${r.requests} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.errors + r.timeouts + r.non2xx} |`);
  return `## Server load test

\`npm run loadtest\` (scripts/load-test.mjs, autocannon): \`chokepoint serve\` on 127.0.0.1
as its own process, ${connections} concurrent clients for ${duration} s against the default dataset.
Half the clients \`GET /api/graphs/${GRAPH}/metrics\` (cached after the first request);
half \`POST /api/graphs/${GRAPH}/scenario\` with the shipped presets that apply to the dataset
and four flag-style scenarios (baseline, China offline, embargo, 50 % export quota), in
turn: each POST evaluates the scenario from scratch (both bounds, per sink and end use,
knockout bottlenecks before and after). The server is one Node process (one core for the
computing); the load generator runs on the other core. At the end the server gets SIGTERM
and must exit 0.

Machine: ${machine}; ${date}. Latencies in ms; errors counts failures, timeouts and non-2xx answers.

| requests | clients | total | per second | p50 | p99 | max | errors |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table.join('\n')}

The server answers one request at a time (one event loop), so with ${connections} clients each request
waits for the others queued ahead of it: p50 is about ${connections} times the mean service time,
1 / (total requests per second) = ${(1000 / rows.reduce((sum, r) => sum + r.rps, 0)).toFixed(1)} ms here (a scenario evaluation costs more than
a cached metrics answer, whose cost is mostly JSON serialization). The max is likely from
the first requests, before the code is warm and while the metrics cache is filled.
`;
}

function writeBenchmarksSection(text) {
  writeSection(join(ROOT, 'docs', 'benchmarks.md'), '## Server load test', text);
}

const { child, url, stderr } = await startServer();
const guard = setTimeout(() => {
  log('load-test: still running long after its duration; stopping');
  child.kill('SIGKILL');
  process.exit(1);
}, (duration + 60) * 1000);
let failed = false;
try {
  const bodies = await scenarioBodies(url);
  log(`load-test: ${url}, ${connections} clients, ${duration} s; ${bodies.length} scenarios: ${bodies.map((b) => b.name).join('; ')}`);
  const gets = Math.ceil(connections / 2);
  const results = await Promise.all([
    run(`GET /api/graphs/${GRAPH}/metrics`, { url, connections: gets, requests: [{ method: 'GET', path: `/api/graphs/${GRAPH}/metrics` }] }),
    run(`POST /api/graphs/${GRAPH}/scenario`, {
      url,
      connections: connections - gets,
      requests: bodies.map((body) => ({ method: 'POST', path: `/api/graphs/${GRAPH}/scenario`, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
    }),
  ]);
  const rows = results.map(summary);
  console.table(rows.map((r) => ({ ...r, rps: Number(r.rps.toFixed(1)) })));
  const bad = rows.filter((r) => r.errors + r.timeouts + r.non2xx > 0 || r.requests === 0);
  if (bad.length > 0) {
    failed = true;
    log(`load-test: FAILED: ${bad.map((r) => `${r.kind}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`).join('; ')}`);
  }
  const date = new Date().toISOString().slice(0, 10);
  if (writeDocs && !failed) {
    writeBenchmarksSection(markdown(rows, date));
    log('load-test: wrote the "Server load test" section of docs/benchmarks.md');
  }
} catch (error) {
  failed = true;
  log(`load-test: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  const exit = await stopServer(child);
  clearTimeout(guard);
  if (exit !== 0) {
    failed = true;
    log(`load-test: the server did not stop cleanly on SIGTERM (${exit}): ${stderr()}`);
  } else log('load-test: the server stopped on SIGTERM with exit code 0');
}
process.exit(failed ? 1 : 0);
