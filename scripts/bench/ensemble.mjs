#!/usr/bin/env node
// Benchmark: an uncertainty ensemble of one scenario on the default dataset, all three
// bounds (max flow, proportional, allocation LP), on worker threads. Target (issue 17):
// 1,000 members under 30 s on two cores. Writes its section of docs/benchmarks.md.
// Needs `npm run build` first.
//   node scripts/bench/ensemble.mjs [--samples N] [--threads K] [--scenario PRESET] [--write]
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runEnsembleThreaded } from '../../dist/cli/ensemble-threads.js';
import { loadSolver } from '../../dist/allocation/highs-adapter.js';
import { readGraphFile } from '../../dist/io/read-graph.js';
import { listPresets } from '../../dist/io/read-scenario.js';
import { parseScenario } from '../../dist/scenario/parse-scenario.js';
import { writeSection } from '../docs-section.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const samples = Number(flag('--samples', '1000'));
const threads = Number(flag('--threads', String(Math.min(2, availableParallelism()))));
const presetId = flag('--scenario', 'china-april-2025-controls');
const file = 'graphs/rare-earths-2024.json';
const { graph } = await readGraphFile(file);
await loadSolver();
const preset = (await listPresets()).find((p) => p.id === presetId);
if (!preset) throw new Error(`no preset ${presetId}`);
const scenario = parseScenario(preset.scenario, preset.file, graph);

const started = performance.now();
const result = await runEnsembleThreaded(graph, scenario, { samples, seed: 1 }, { threads });
const seconds = (performance.now() - started) / 1000;
const load = loadavg()[0]?.toFixed(1);
const total = (bound) => result.headlines.find((h) => h.endUse === null && h.bound === bound)?.stats;
const line = `${samples} members of \`${presetId}\` on ${file}, bounds ${result.bounds.join(', ')}, ${result.inputs.length} uncertain inputs, ${threads} thread(s): ${seconds.toFixed(1)} s (target < 30 s; load average ${load} at the end)`;
console.log(line);
for (const b of result.bounds) console.log(`  total ${b}: P10 ${total(b)?.p10} P50 ${total(b)?.p50} P90 ${total(b)?.p90}`);
if (args.includes('--write')) {
  writeSection(
    'docs/benchmarks.md',
    '## Uncertainty ensemble',
    `## Uncertainty ensemble\n\n\`node scripts/bench/ensemble.mjs --write\` (${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}):\n\n- ${line}\n`,
  );
}
