#!/usr/bin/env node
/* global performance */
// Benchmark job (issue 15): a graph FILE of any size, as a whole process: stream-read and
// validate it straight into the graph index (streamGraphIndex: element runs parsed with
// JSON.parse, the structure around them checked by @streamparser/json, the loader's fast
// path, node keys looked up in a KeyTable, no graphology graph; docs/scale.md says where
// the time goes), then sampled node betweenness (k pivots, hop
// counts) on worker threads over the index's CSR, and write the top nodes as JSON.
// Prints one JSON line with the wall time of each step (`steps`) and the CPU time of the
// process in it (`cpu`: user + system over all threads, worker threads and the garbage
// collector's included; on a shared machine compare these); run it under /usr/bin/time
// for peak RSS.
//   node scripts/bench/million-file.mjs GRAPH.json [K] [SEED]
import { load } from './dist.mjs';

const [file, k = '100', seed = '1'] = process.argv.slice(2);
const { streamGraphIndex } = await load('io/stream-graph.js');
const { operatingOverlay } = await load('model/graph-index.js');
const { csrOfIndex } = await load('metrics/centrality/csr.js');
const { betweennessCsrParallel } = await load('metrics/centrality/betweenness-parallel.js');
const { betweennessSources, resolveBetweennessOptions } = await load('metrics/centrality/betweenness.js');

const steps = {};
const cpu = {};
let t = performance.now();
let c = process.cpuUsage();
const lap = (name) => {
  const now = performance.now();
  const used = process.cpuUsage(c);
  steps[name] = Math.round(now - t) / 1000;
  cpu[name] = Math.round((used.user + used.system) / 1000) / 1000;
  t = now;
  c = process.cpuUsage();
};
const { index } = await streamGraphIndex(file);
lap('loadValidate');
const csr = csrOfIndex(index, operatingOverlay(index));
lap('csr');
const sources = betweennessSources(csr.n, resolveBetweennessOptions({ sample: Number(k), seed: Number(seed) }));
const raw = await betweennessCsrParallel(csr, { sources, edges: false });
lap('betweenness');
const order = Array.from(raw.nodes.keys()).sort((a, b) => raw.nodes[b] - raw.nodes[a]).slice(0, 10);
const top = order.map((i) => [index.nodes[i], raw.nodes[i]]);
process.stdout.write(`${JSON.stringify({ nodes: index.n, edges: index.m, sample: Number(k), steps, cpu, top, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) })}\n`);
