#!/usr/bin/env node
/* global performance */
// Benchmark job: the whole "load a graph file, compute node betweenness, write JSON" task
// (what igraph's side does), from the compiled code (dist.mjs): the graph file read and
// validated straight into the graph index (streamGraphIndex: the same checks and messages
// as every loader, no graphology graph, as million-file.mjs does), its CSR, Brandes on
// worker threads for nodes only, a {node: value} record. Used by scripts/bench/run.mjs
// next to `chokepoint metrics`, and for sampled runs.
//   node scripts/bench/betweenness-job.mjs GRAPH.json OUT.json [--sample K] [--seed S] [--timing]
import { load } from './dist.mjs';
import { writeFile } from 'node:fs/promises';

const [file, out, ...flags] = process.argv.slice(2);
const option = (name) => (flags.includes(name) ? Number(flags[flags.indexOf(name) + 1]) : undefined);
const sample = option('--sample');
const seed = option('--seed');
const t0 = performance.now();
const [{ streamGraphIndex }, { betweennessCsrParallel }, { betweennessSources, resolveBetweennessOptions }, { csrOfIndex }] = await Promise.all([
  load('io/stream-graph.js'),
  load('metrics/centrality/betweenness-parallel.js'),
  load('metrics/centrality/betweenness.js'),
  load('metrics/centrality/csr.js'),
]);
const t1 = performance.now();
const { index } = await streamGraphIndex(file);
const t2 = performance.now();
const csr = csrOfIndex(index);
const sources = betweennessSources(csr.n, resolveBetweennessOptions({ ...(sample ? { sample } : {}), ...(seed !== undefined ? { seed } : {}) }));
const raw = await betweennessCsrParallel(csr, { sources, edges: false });
const nodes = {};
for (let i = 0; i < csr.n; i++) nodes[csr.nodeKeys[i]] = raw.nodes[i];
const t3 = performance.now();
await writeFile(out, JSON.stringify(nodes));
const t4 = performance.now();
if (flags.includes('--timing')) {
  const ms = (a, b) => `${(b - a).toFixed(0)} ms`;
  process.stderr.write(`startup ${ms(0, t0)} import ${ms(t0, t1)} load ${ms(t1, t2)} betweenness ${ms(t2, t3)} write ${ms(t3, t4)}\n`);
}
