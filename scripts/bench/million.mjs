#!/usr/bin/env node
/* global performance */
// Benchmark job: sampled betweenness on a very large synthetic graph, built in-process
// (a 10^6-node graph file is ~600 MB, above V8's ~512 MB string limit, so it cannot be read
// as one JSON text). Prints one JSON line: the time of each step.
//   node scripts/bench/million.mjs NODES SAMPLE [BACK_EDGES]
import { load } from './dist.mjs';
const [nodes, sample, backEdges = '0.05'] = process.argv.slice(2).map(Number);
const { generateSupplyGraph } = await load('generate/supply-graph.js');
const { parseGraph } = await load('model/parse-graph.js');
const { betweennessParallel } = await load('metrics/centrality/betweenness-parallel.js');

const steps = {};
let t = performance.now();
const lap = (name) => {
  const now = performance.now();
  steps[name] = Math.round(now - t) / 1000;
  t = now;
};
const { graph } = (() => {
  const data = generateSupplyGraph({ nodes, seed: 1, backEdges });
  lap('generate');
  return parseGraph(data, 'generated');
})();
lap('validate');
const result = await betweennessParallel(graph, { sample, seed: 1 });
lap('betweenness');
const top = Object.entries(result.nodes).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
process.stdout.write(`${JSON.stringify({ nodes: graph.order, edges: graph.size, sample, steps, top })}\n`);
