#!/usr/bin/env node
/* global performance */
// Benchmark job: error of sampled betweenness (k pivots) against the exact values, on one
// graph file, for several k and seeds. Prints one JSON line per k.
//   node scripts/bench/sampling-error.mjs GRAPH.json K1,K2,... SEEDS
import { load } from './dist.mjs';
const [file, ks, seeds = '3'] = process.argv.slice(2);
const { readGraphFile } = await load('io/read-graph.js');
const { betweennessParallel } = await load('metrics/centrality/betweenness-parallel.js');

const { graph } = await readGraphFile(file);
let t = performance.now();
const exact = (await betweennessParallel(graph)).nodes;
const exactSeconds = (performance.now() - t) / 1000;
const keys = Object.keys(exact);
const top = (values, count) => new Set([...keys].sort((a, b) => values[b] - values[a]).slice(0, count));
const exactTop10 = top(exact, 10);
const exactMax = Math.max(...keys.map((k) => exact[k]));
process.stdout.write(`${JSON.stringify({ k: 'exact', seconds: exactSeconds, max: exactMax })}\n`);

for (const k of ks.split(',').map(Number)) {
  const rows = [];
  for (let seed = 1; seed <= Number(seeds); seed++) {
    t = performance.now();
    const sampled = (await betweennessParallel(graph, { sample: k, seed })).nodes;
    const seconds = (performance.now() - t) / 1000;
    let maxError = 0;
    let sumError = 0;
    for (const key of keys) {
      const error = Math.abs(sampled[key] - exact[key]);
      maxError = Math.max(maxError, error);
      sumError += error;
    }
    const sampledTop10 = top(sampled, 10);
    const overlap = [...exactTop10].filter((key) => sampledTop10.has(key)).length;
    rows.push({ seconds, maxError, meanError: sumError / keys.length, overlap });
  }
  const mean = (name) => rows.reduce((a, r) => a + r[name], 0) / rows.length;
  process.stdout.write(`${JSON.stringify({ k, seeds: rows.length, seconds: mean('seconds'), maxError: mean('maxError'), relMaxError: mean('maxError') / exactMax, meanError: mean('meanError'), top10: mean('overlap') })}\n`);
}
