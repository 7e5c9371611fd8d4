#!/usr/bin/env node
/* global performance */
// The timing targets of issue 15 as whole processes of the CLI (compiled code, dist.mjs),
// each measured --runs N times (default 3; the median is the figure, the range beside it:
// the machine's speed varies by a third from run to run even when its load is low) with
// its peak RSS: `scenario --disable CN` on 10,000 nodes with
// loops, the knockout table on 10,000 nodes (scripts/bench/knockout.mjs: one thread; and
// `metrics --metrics knockoutLoss`, the CLI's worker threads), default
// `metrics` on 50,000 nodes, and the million-node file job (million-file.mjs). Graph files
// go to .tmp/bench/ and are reused. Prints a markdown table; nothing is asserted.
// With --docs, the table replaces the section "## Scale targets (issue 15)" of
// docs/benchmarks.md (rows of jobs not run this time are kept).
//   node scripts/bench/targets.mjs [--quick | --only scenario,knockout,knockout-cli,metrics,metrics-layered,million] [--runs N] [--docs]
// --quick runs every job but the 10^6-node one (minutes, not the half hour the first
// million run takes to write its 600 MB file). Run `npm run build` first: the jobs use
// dist/ (or $CHOKEPOINT_DIST). A job that fails stops the script with its stderr, and
// --docs then writes nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { writeSection } from '../docs-section.mjs';
import { DIST } from './dist.mjs';

const root = new URL('../..', import.meta.url).pathname;
const work = join(root, '.tmp', 'bench');
mkdirSync(work, { recursive: true });
const cli = join(DIST, 'cli', 'run.js');
const args = process.argv.slice(2);
const known = ['scenario', 'knockout', 'knockout-cli', 'metrics', 'metrics-layered', 'million'];
const only = args.includes('--quick') ? new Set(known.filter((id) => id !== 'million')) : args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : null;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`targets.mjs: --runs takes a whole number >= 1 (got ${args[args.indexOf('--runs') + 1]})`);
for (const id of only ?? []) if (!known.includes(id)) throw new Error(`targets.mjs: unknown job "${id}" (known: ${known.join(', ')})`);
if (!existsSync(join(DIST, 'cli', 'run.js'))) throw new Error(`targets.mjs: ${DIST}/cli/run.js is missing: run npm run build first`);

function graph(nodes, seed, backEdges) {
  const file = join(work, `layered-${nodes}${backEdges ? '-loops' : ''}.json`);
  if (!existsSync(file)) {
    if (nodes > 200000) execFileSync('node', ['--max-old-space-size=12000', 'scripts/bench/write-graph.mjs', String(nodes), String(seed), String(backEdges), file], { cwd: root, stdio: 'ignore' });
    else execFileSync('node', [cli, 'generate', '--nodes', String(nodes), '--seed', String(seed), '--back-edges', String(backEdges), '-o', file], { cwd: root, stdio: 'ignore' });
  }
  return file;
}

function measure(argv) {
  const rssFile = join(work, 'targets-rss.txt');
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${run.stderr}`);
  return { seconds, rss: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 };
}

const cases = [
  { id: 'scenario', what: '`chokepoint scenario G --disable CN --format json`', nodes: 10000, target: 5, argv: (g) => ['node', cli, 'scenario', g, '--disable', 'CN', '--format', 'json'], file: () => graph(10000, 1, 0.05) },
  { id: 'knockout', what: 'knockout table (scripts/bench/knockout.mjs)', nodes: 10000, target: 3, argv: (g) => ['node', 'scripts/bench/knockout.mjs', g], file: () => graph(10000, 1, 0.05) },
  { id: 'knockout-cli', what: '`chokepoint metrics G --metrics knockoutLoss` (the same table on worker threads, one per core)', nodes: 10000, target: 3, argv: (g) => ['node', cli, 'metrics', g, '--metrics', 'knockoutLoss', '--quiet'], file: () => graph(10000, 1, 0.05) },
  { id: 'metrics', what: '`chokepoint metrics G` (default metrics)', nodes: 50000, target: 20, argv: (g) => ['node', cli, 'metrics', g, '--quiet'], file: () => graph(50000, 3, 0.05) },
  // The issue measured default metrics on 50,000 nodes as "nearly all knockout": a graph
  // without loops (generate's default, --back-edges 0); with 5 % back edges most nodes reach
  // most others and exact betweenness alone is O(nm) (~170 s of CPU at 50k), so both rows.
  { id: 'metrics-layered', what: '`chokepoint metrics G` (default metrics), no back edges (generate\'s default)', nodes: 50000, target: 20, argv: (g) => ['node', cli, 'metrics', g, '--quiet'], file: () => graph(50000, 3, 0) },
  { id: 'million', what: 'graph file -> index -> sampled betweenness k = 100 (scripts/bench/million-file.mjs)', nodes: 1000000, target: 60, argv: (g) => ['node', 'scripts/bench/million-file.mjs', g, '100'], file: () => graph(1000000, 15, 0.05) },
];

const rows = [];
for (const c of cases) {
  if (only && !only.has(c.id)) continue;
  const file = c.file();
  process.stderr.write(`${c.id}: ${c.what} on ${c.nodes} nodes (load ${loadavg()[0].toFixed(2)})\n`);
  const ms = Array.from({ length: runs }, () => measure(c.argv(file)));
  const times = ms.map((m) => m.seconds).sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  const range = times.length > 1 ? `${times[0].toFixed(1)}-${times[times.length - 1].toFixed(1)} (${runs} runs)` : '1 run';
  const rss = Math.max(...ms.map((m) => m.rss));
  rows.push({ id: c.id, line: `| ${c.what} | ${c.nodes} | ${median.toFixed(1)} | ${range} | ${c.target} | ${Math.round(rss)} MB | ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC | ${loadavg()[0].toFixed(2)} |` });
}
const header = ['| job | nodes | time (s), median | runs (s) | target (s) | peak RSS | measured | load after |', '|---|---|---|---|---|---|---|---|'];
/** A kept row from before the runs column (one run): the column added. */
const withRuns = (line) => (line.split('|').length === 9 ? line.replace(/^(\|[^|]*\|[^|]*\|[^|]*\|)/, '$1 1 run |') : line);
process.stdout.write([...header, ...rows.map((r) => r.line)].join('\n') + '\n');
if (args.includes('--docs')) {
  const docs = join(root, 'docs', 'benchmarks.md');
  const heading = '## Scale targets (issue 15)';
  const text = existsSync(docs) ? readFileSync(docs, 'utf8') : '';
  const start = text.indexOf(`\n${heading}`);
  const old = start < 0 ? '' : text.slice(start + 1, text.indexOf('\n## ', start + 1) < 0 ? undefined : text.indexOf('\n## ', start + 1));
  // In the jobs' order: this run's row, else the earlier one.
  const lines = cases.flatMap((c) => rows.find((r) => r.id === c.id)?.line ?? old.split('\n').filter((line) => line.startsWith(`| ${c.what} |`)).map(withRuns));
  writeSection(
    docs,
    heading,
    `${heading}

Written by \`node scripts/bench/targets.mjs --docs\` (each job run ${runs} times as a whole
process, the median time and the range; peak RSS, the largest of the runs, from /usr/bin/time; ${availableParallelism()} cores shared with other work: the
load column is the one-minute load average after the run). Graphs: \`generate\` with 5 %
back edges (recycling loops) unless the row says otherwise; the 10^6-node file (about 600 MB) is written element by element by
scripts/bench/write-graph.mjs. Jobs not rerun keep their earlier row.

${[...header, ...lines].join('\n')}
`,
  );
  process.stderr.write('wrote docs/benchmarks.md\n');
}
