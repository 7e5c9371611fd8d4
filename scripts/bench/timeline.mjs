#!/usr/bin/env node
/* global performance */
// Benchmark (issue 13, not a test): the 24-month timeline of the default dataset under a
// scenario (the April 2025 controls preset, in force in months 1-4), both bounds,
// from the compiled code (dist.mjs; `npm run build` first). Target: under 2 s. Prints one
// JSON line: load and run seconds (median, min and max of --runs, default 3), months.
//   node scripts/bench/timeline.mjs [GRAPH.json] [--runs N] [--months N]
import { readFile } from 'node:fs/promises';
import { load } from './dist.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? new URL('../../graphs/rare-earths-2024.json', import.meta.url).pathname;
const runs = option('--runs', 3);
const months = option('--months', 24);
const { readGraphFile } = await load('io/read-graph.js');
const { parseScenario } = await load('scenario/parse-scenario.js');
const { timeline } = await load('timeline/timeline.js');

let t = performance.now();
const { graph } = await readGraphFile(file);
const loadSeconds = (performance.now() - t) / 1000;
const preset = JSON.parse(await readFile(new URL('../../graphs/scenarios/china-april-2025-controls.json', import.meta.url), 'utf8'));
const scenario = parseScenario({ ...preset, actions: preset.actions.map((a) => ({ ...a, start: 1, end: 4 })) }, 'preset', graph);
const times = [];
let result;
for (let i = 0; i < runs; i += 1) {
  t = performance.now();
  result = timeline(graph, scenario, { months });
  times.push((performance.now() - t) / 1000);
}
times.sort((a, b) => a - b);
const short = result.endUses.filter((e) => e.allocation.monthsToShortage !== null || e.proportional.monthsToShortage !== null).length;
process.stdout.write(`${JSON.stringify({ nodes: graph.order, edges: graph.size, months, runs, load: loadSeconds, seconds: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1], endUsesShort: short })}\n`);
