#!/usr/bin/env node
/* global performance */
// Benchmark job: the knockout table (knockoutLoss for every node and country, exact) on
// one graph file, from the compiled code (dist.mjs). Prints one JSON line.
//   node scripts/bench/knockout.mjs GRAPH.json
import { load } from './dist.mjs';
const [file] = process.argv.slice(2);
const { readGraphFile } = await load('io/read-graph.js');
const { knockoutLoss } = await load('metrics/flow/knockout.js');
let t = performance.now();
const { graph } = await readGraphFile(file);
const loadSeconds = (performance.now() - t) / 1000;
t = performance.now();
const result = knockoutLoss(graph);
const seconds = (performance.now() - t) / 1000;
const losses = Object.values(result.nodes);
process.stdout.write(`${JSON.stringify({ nodes: graph.order, edges: graph.size, load: loadSeconds, seconds, maxFlow: result.maxFlow, nonzero: losses.filter((x) => x > 0).length })}\n`);
