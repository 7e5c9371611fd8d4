#!/usr/bin/env node
/* global performance */
// `npm run bench`: the performance benchmarks of issue 6. Builds a private copy of the
// compiled code in .tmp/bench/dist (so a concurrent `npm run build` cannot change it
// mid-run), then prints a table and writes docs/benchmarks.md.
//   node scripts/bench/run.mjs [--runs N] [--quick] [--no-docs] [--skip-large]
// Graph files go to .tmp/bench/ (git-ignored) and are reused when present.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { renderBenchmarks } from './render.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const quick = flag('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 1 : 3);
const root = new URL('../..', import.meta.url).pathname;
const work = join(root, '.tmp', 'bench');
mkdirSync(work, { recursive: true });
const PYTHON = '/usr/bin/python3';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (text) => process.stderr.write(`${text}\n`);
const dist = join(work, 'dist');
const cli = join(dist, 'cli', 'run.js');

log('building .tmp/bench/dist');
const build = spawnSync('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) log(`warning: tsc reported errors; benchmarking what it emitted:\n${build.stdout.slice(0, 2000)}`);
process.env.CHOKEPOINT_DIST = dist;

/** Runs a command; returns wall seconds (median over `runs` is taken by the caller), peak RSS in MB. */
function measure(argv, stdoutFile = null) {
  const rssFile = join(work, 'rss.txt');
  const [cmd, ...rest] = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t = performance.now();
  const result = spawnSync(cmd, rest, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  const seconds = (performance.now() - t) / 1000;
  if (result.status !== 0) throw new Error(`${argv.join(' ')} failed (${result.status}):\n${result.stderr}`);
  if (stdoutFile) writeFileSync(stdoutFile, result.stdout);
  const rss = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { seconds, rss, stdout: result.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function hasIgraph() {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0;
}

/**
 * Our jobs: `chokepoint metrics --metrics betweenness` when the command exists (the target
 * of issue 6), and the stand-alone job (readGraphFile, threaded betweenness, write JSON).
 */
function ourJobs() {
  const jobs = [];
  const help = spawnSync('node', [cli, 'metrics', '--help'], { cwd: root, encoding: 'utf8' });
  if (help.status === 0 && help.stdout.includes('--metrics')) {
    jobs.push({ id: 'metrics', name: 'chokepoint metrics G --metrics betweenness --format json > OUT (node .tmp/bench/dist/cli/run.js, the entry bin/chokepoint.js runs)', argv: (g) => ['node', cli, 'metrics', g, '--metrics', 'betweenness', '--format', 'json'], stdout: true });
  }
  jobs.push({ id: 'job', name: 'node scripts/bench/betweenness-job.mjs G OUT (stream and validate into the graph index, node betweenness on worker threads, write JSON)', argv: (g, out) => ['node', 'scripts/bench/betweenness-job.mjs', g, out], stdout: false });
  return jobs;
}

/** node -> betweenness from our output (a metrics report or a plain record). */
function ourValues(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(data.nodes)) return Object.fromEntries(data.nodes.map((row) => [row.id, row.betweenness]));
  return data;
}

function generate(name, nodes, seed, backEdges) {
  const file = join(work, `${name}.json`);
  if (!existsSync(file)) {
    execFileSync('node', [cli, 'generate', '--nodes', String(nodes), '--seed', String(seed), '--back-edges', String(backEdges), '-o', file], { cwd: root, stdio: 'ignore' });
  }
  return file;
}

/**
 * A generated graph with realistic attributes (issue 15): `generate`'s graph plus a label
 * on every node and a material on every edge (write-graph.mjs --labels), so loading costs
 * what it costs on real data.
 */
function generateLabelled(name, nodes, seed, backEdges) {
  const file = join(work, `${name}.json`);
  if (!existsSync(file)) execFileSync('node', ['scripts/bench/write-graph.mjs', String(nodes), String(seed), String(backEdges), file, '--labels'], { cwd: root, stdio: 'ignore' });
  return file;
}

const scale = quick ? 0.1 : 1;
const cases = [
  { label: `(a) layered, 5 % back edges, labelled`, name: `layered-${10000 * scale}-loops-labelled`, nodes: 10000 * scale, backEdges: 0.05, seed: 1 },
  { label: `(b) layered, no loops, labelled`, name: `layered-${20000 * scale}-labelled`, nodes: 20000 * scale, backEdges: 0, seed: 2 },
];
const igraph = hasIgraph();
const jobs = ourJobs();
log(`our jobs: ${jobs.map((j) => j.name).join('; ')}\nigraph: ${igraph ? 'yes' : 'n/a'}; runs: ${runs}`);

const loadBefore = loadavg()[0];
const exactRows = [];
for (const c of cases) {
  const file = generateLabelled(c.name, c.nodes, c.seed, c.backEdges);
  const edges = JSON.parse(readFileSync(file, 'utf8')).edges.length;
  const times = new Map([...jobs.map((j) => [j.id, []]), ['igraph', []]]);
  const out = (id) => join(work, `${c.name}.${id}.json`);
  for (let r = 0; r < runs; r++) {
    for (const j of jobs) times.get(j.id).push(measure(j.argv(file, out(j.id)), j.stdout ? out(j.id) : null));
    if (igraph) times.get('igraph').push(measure([PYTHON, 'scripts/bench/igraph-betweenness.py', file, out('igraph')]));
    log(`${c.name} run ${r + 1}: ${[...times].filter(([, m]) => m.length > r).map(([id, m]) => `${id} ${m[r].seconds.toFixed(2)} s`).join(', ')}`);
  }
  const igraphTime = igraph ? median(times.get('igraph').map((m) => m.seconds)) : null;
  const reference = igraph ? JSON.parse(readFileSync(out('igraph'), 'utf8')) : null;
  for (const j of jobs) {
    const values = ourValues(out(j.id));
    const oursTime = median(times.get(j.id).map((m) => m.seconds));
    exactRows.push({
      graph: c.label,
      job: j.id,
      nodes: c.nodes,
      edges,
      ours: oursTime,
      igraph: igraphTime,
      ratio: igraphTime ? oursTime / igraphTime : null,
      oursRss: median(times.get(j.id).map((m) => m.rss)),
      igraphRss: igraph ? median(times.get('igraph').map((m) => m.rss)) : null,
      maxDifference: reference ? Math.max(...Object.keys(reference).map((key) => Math.abs((values[key] ?? NaN) - reference[key]))) : null,
    });
    rmSync(out(j.id), { force: true });
  }
  rmSync(out('igraph'), { force: true });
}

const loadAfter = loadavg()[0];
log('sampling error (k pivots) on graph (a)');
const sampleKs = quick ? [20, 100] : [50, 100, 200, 500, 1000, 2000];
const sampling = measure(['node', 'scripts/bench/sampling-error.mjs', join(work, `${cases[0].name}.json`), sampleKs.join(','), quick ? '1' : '3'])
  .stdout.trim().split('\n').map((line) => JSON.parse(line));

const large = [];
if (!flag('--skip-large')) {
  const n5 = quick ? 20000 : 100000;
  const file5 = generate(`layered-${n5}-loops`, n5, 5, 0.05);
  log(`whole process, sampled k = 1000, ${n5} nodes`);
  const m5 = measure(['node', 'scripts/bench/betweenness-job.mjs', file5, join(work, 'large.out.json'), '--sample', '1000']);
  large.push({ what: `whole process (read file, validate, sampled betweenness k = 1000, write JSON)`, nodes: n5, edges: 3 * n5, seconds: m5.seconds, rss: m5.rss, steps: null });
  const n6 = quick ? 100000 : 1000000;
  // issue 15: a real graph FILE of 10^6 nodes (written element by element, past the
  // string limit), stream-read and validated into the graph index, then sampled betweenness.
  const file6 = join(work, `layered-${n6}-loops.json`);
  if (!existsSync(file6)) execFileSync('node', ['--max-old-space-size=12000', 'scripts/bench/write-graph.mjs', String(n6), '15', '0.05', file6], { cwd: root, stdio: 'ignore' });
  log(`whole process from a file, sampled k = 100, ${n6} nodes`);
  const m6 = measure(['node', 'scripts/bench/million-file.mjs', file6, '100']);
  const info = JSON.parse(m6.stdout.trim());
  large.push({ what: 'whole process from a graph JSON file (stream, validate into the index, sampled betweenness k = 100)', nodes: info.nodes, edges: info.edges, seconds: m6.seconds, rss: m6.rss, steps: info.steps });
}

let knockout = null;
if (existsSync(join(dist, 'metrics', 'flow', 'knockout.js'))) {
  log('knockout table on graph (a)');
  const m = measure(['node', 'scripts/bench/knockout.mjs', join(work, `${cases[0].name}.json`)]);
  knockout = { ...JSON.parse(m.stdout.trim()), wall: m.seconds, rss: m.rss };
}

const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  igraph: igraph ? execFileSync(PYTHON, ['-c', 'import igraph, sys; print(igraph.__version__ + ", Python " + sys.version.split()[0])'], { encoding: 'utf8' }).trim() : 'n/a',
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  runs,
  jobs,
  load: `${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the exact runs`,
};
const { table, markdown } = renderBenchmarks({ machine, exactRows, sampling, large, knockout });
process.stdout.write(table);
rmSync(dist, { recursive: true, force: true });
if (!flag('--no-docs') && !quick) {
  // Other scripts own sections of this file too (scripts/load-test.mjs: "## Server load
  // test"): keep every section whose heading this script does not write.
  const docs = join(root, 'docs', 'benchmarks.md');
  const mine = new Set(markdown.split('\n').filter((line) => line.startsWith('## ')));
  const kept = existsSync(docs) ? readFileSync(docs, 'utf8').split(/\n(?=## )/).slice(1).filter((section) => !mine.has(section.split('\n')[0])) : [];
  writeFileSync(docs, [markdown.trimEnd(), ...kept.map((section) => section.trimEnd())].join('\n\n') + '\n');
  log('wrote docs/benchmarks.md');
}
