#!/usr/bin/env node
/* global performance */
// Benchmark (not a test) of issue 11, the allocation bound: from the compiled code
// (dist/, `npm run build` first), on this machine
// - one scenario on the default dataset with all three bounds (evaluateScenario of the
//   china-april-2025-controls preset; median of 7 runs after one warm-up; budget 150 ms);
// - the allocation LP alone on the default dataset (median of 7);
// - the allocation LP (objective total, then fair) on a generated 10,000-node graph
//   (budget 10 s);
// - the HiGHS module load (import of the adapter, with its warm-up solve).
// Prints a table and writes the "## Allocation bound" section of docs/benchmarks.md.
//   node scripts/bench/allocation.mjs [--no-docs]
import { availableParallelism, loadavg } from 'node:os';
import { writeSection } from '../docs-section.mjs';
import { load } from './dist.mjs';

const noDocs = process.argv.includes('--no-docs');
let t = performance.now();
const { solveAllocation } = await load('allocation/solve-allocation.js');
await (await load('allocation/highs-adapter.js')).loadSolver();
const loadMs = performance.now() - t;
const { readGraphFile } = await load('io/read-graph.js');
const { evaluateScenario, prepareBaseline } = await load('scenario/evaluate.js');
const { applyScenario } = await load('scenario/apply-scenario.js');
const { parseScenario } = await load('scenario/parse-scenario.js');
const { listPresets, DEFAULT_PRESET_DIR } = await load('io/read-scenario.js');
const { generateSupplyGraph } = await load('generate/supply-graph.js');
const { parseGraph } = await load('model/parse-graph.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f) => {
  const start = performance.now();
  const value = f();
  return [performance.now() - start, value];
};

const { graph } = await readGraphFile('graphs/rare-earths-2024.json');
const preset = (await listPresets(DEFAULT_PRESET_DIR)).find((p) => p.id === 'china-april-2025-controls');
const scenario = parseScenario(preset.scenario, preset.file, graph);
evaluateScenario(graph, scenario);
const scenarioMs = median(Array.from({ length: 7 }, () => time(() => evaluateScenario(graph, scenario))[0]));
const prepared = prepareBaseline(graph);
evaluateScenario(graph, scenario, { baseline: prepared });
const preparedMs = median(Array.from({ length: 7 }, () => time(() => evaluateScenario(graph, scenario, { baseline: prepared }))[0]));
const baseline = applyScenario(graph, { name: 'baseline', actions: [] });
const applied = applyScenario(graph, scenario);
const lpMs = median(Array.from({ length: 7 }, () => time(() => solveAllocation(applied, { base: baseline.graph }))[0]));

const big = parseGraph(generateSupplyGraph({ nodes: 10_000, seed: 1, backEdges: 0.02 }), 'generated').graph;
const bigBase = applyScenario(big, { name: 'baseline', actions: [] });
const [bigTotalMs, bigTotal] = time(() => solveAllocation(bigBase));
const [bigFairMs, bigFair] = time(() => solveAllocation(bigBase, { objective: 'fair' }));

const load1 = loadavg()[0].toFixed(1);
// How to read the times, from the load measured at the end of the run (1-minute average
// against the cores): a quiet machine, or one shared with other jobs (times then are upper bounds).
const machine =
  loadavg()[0] <= 0.5 * availableParallelism()
    ? 'a quiet machine'
    : loadavg()[0] <= availableParallelism()
      ? 'a machine partly busy with other jobs, so the times may be somewhat above what a quiet machine gives'
      : 'a machine SHARED with other jobs (load above the core count), so the times are upper bounds of what a quiet machine gives';
const rows = [
  ['HiGHS load + warm-up solve (import, loadSolver)', `${loadMs.toFixed(0)} ms`, ''],
  ['one scenario, default dataset, three bounds (median of 7)', `${scenarioMs.toFixed(0)} ms`, '150 ms'],
  ['the same, baseline prepared once (as the server does; median of 7)', `${preparedMs.toFixed(0)} ms`, ''],
  ['allocation LP alone, default dataset (median of 7)', `${lpMs.toFixed(1)} ms`, ''],
  [`allocation LP, generated ${big.order} nodes / ${big.size} edges, total (${bigTotal.lp.rows} rows x ${bigTotal.lp.columns} columns)`, `${(bigTotalMs / 1000).toFixed(2)} s`, '10 s'],
  ['the same, objective fair (two LPs)', `${(bigFairMs / 1000).toFixed(2)} s`, '10 s'],
];
const table = ['| what | time | budget |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
process.stdout.write(`${table}\n(load average ${load1} on ${availableParallelism()} cores; delivered ${Math.round(bigTotal.delivered)} / ${Math.round(bigFair.delivered)}, fair level ${bigFair.fairLevel?.toFixed(3)})\n`);
if (!noDocs) {
  writeSection(
    'docs/benchmarks.md',
    '## Allocation bound',
    `## Allocation bound

\`node scripts/bench/allocation.mjs\` (issue 11; from dist/, so \`npm run build\` first) times the
allocation LP (HiGHS via the npm package \`highs\`, WebAssembly) and a whole scenario with the
three bounds. Last run: load average ${load1} on ${availableParallelism()} cores, ${machine}.

${table}

The scenario time includes max flow, the proportional bound, two allocation LPs (baseline and
scenario), each end use served first (an LP re-solved from the optimum's basis only for the end
uses the optimum does not already serve in full), knockout bottlenecks and stage concentration.
The server computes the baseline side once per loaded graph (src/server/baseline-cache.ts), so
a scenario request there computes only the scenario side (the row "baseline prepared").
`,
  );
}
