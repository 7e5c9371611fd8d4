#!/usr/bin/env node
// Prints (or, with --write, writes into README.md (total and four end uses) and
// docs/uncertainty.md (every end use) between the `<!-- ranges:start -->` /
// `<!-- ranges:end -->` markers, and as data into docs/headline-ranges.json) the ranges of
// the headline losses: for every preset scenario, an uncertainty ensemble (src/uncertainty/) and, per
// bound, the P50 loss with its P10-P90 range, in total and per end-use sector. A separate
// generator from scripts/headlines.mjs (the point table), so each can change alone.
// Needs `npm run build` first.
//   node scripts/headlines-ranges.mjs [graph.json] [--samples N] [--seed S] [--threads K] [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runEnsembleThreaded } from '../dist/cli/ensemble-threads.js';
import { loadSolver } from '../dist/allocation/highs-adapter.js';
import { readGraphFile } from '../dist/io/read-graph.js';
import { listPresets } from '../dist/io/read-scenario.js';
import { parseScenario } from '../dist/scenario/parse-scenario.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'graphs/rare-earths-2024.json';
const samples = Number(flag('--samples', '200'));
const seed = Number(flag('--seed', '1'));
const threads = Number(flag('--threads', String(Math.min(2, availableParallelism()))));
const { graph } = await readGraphFile(file);
await loadSolver();
const pct = (x) => (x === null || x === undefined ? 'n/a' : (Math.round(x * 1000) / 10).toFixed(1));
const cell = (h) => (h?.stats ? `${pct(h.stats.p50)} (${pct(h.stats.p10)}–${pct(h.stats.p90)})` : 'n/a');
const BOUND_NAMES = { maxFlow: 'max flow', proportional: 'proportional', allocation: 'allocation' };

const presets = await listPresets();
const extra = [{ id: '`--disable CN`', scenario: { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] } }];
const rows = [];
const records = [];
let sectors = null;
let inputs = 0;
for (const p of [...presets.map((p) => ({ id: `\`${p.id}\``, scenario: p.scenario })), ...extra]) {
  process.stderr.write(`${p.id}...\n`);
  const result = await runEnsembleThreaded(graph, parseScenario(p.scenario, p.id, graph), { samples, seed }, { threads });
  inputs = result.inputs.length;
  sectors ??= [...new Set(result.headlines.filter((h) => h.endUse !== null).map((h) => h.endUse))];
  for (const bound of result.bounds) {
    const of = (endUse) => result.headlines.find((h) => h.endUse === endUse && h.bound === bound);
    rows.push({ id: p.id, bound, cells: new Map([[null, cell(of(null))], ...sectors.map((s) => [s, cell(of(s))])]) });
  }
  records.push({ scenario: p.id.replaceAll('`', ''), headlines: result.headlines.map(({ endUse, bound, point, stats }) => ({ endUse, bound, point, stats })) });
}
// The README keeps the four end uses of its point table; docs/uncertainty.md has them all.
const README_SECTORS = [/^EV/, /^Semiconductor/, /^Defence/, /^Data-centre/];
const table = (columns) => {
  const header = ['scenario', 'bound', 'total', ...columns];
  return [
    `Loss in percent, P50 (P10–P90) over ${samples} members (Latin hypercube, seed ${seed}; ${inputs} uncertain inputs, uniform on their ranges: ` +
      `±10% / ±30% / ±60% for high / medium / low confidence), on ${file}; \`node scripts/headlines-ranges.mjs --write\` regenerates it:`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${[r.id, BOUND_NAMES[r.bound] ?? r.bound, r.cells.get(null), ...columns.map((c) => r.cells.get(c))].join(' | ')} |`),
  ].join('\n');
};
const full = table(sectors);
const short = table(sectors.filter((s) => README_SECTORS.some((re) => re.test(s))));

if (!args.includes('--write')) console.log(full);
else {
  for (const [target, text] of [['README.md', short], ['docs/uncertainty.md', full]]) {
    const current = readFileSync(target, 'utf8');
    const start = current.indexOf('<!-- ranges:start -->');
    const end = current.indexOf('<!-- ranges:end -->');
    if (start < 0 || end < start) throw new Error(`${target}: no <!-- ranges:start --> ... <!-- ranges:end --> markers`);
    writeFileSync(target, `${current.slice(0, start)}<!-- ranges:start -->\n${text}\n${current.slice(end)}`);
    process.stderr.write(`wrote ${target}\n`);
  }
  writeFileSync('docs/headline-ranges.json', `${JSON.stringify({ graph: file, samples, seed, inputs, scenarios: records }, null, 1)}\n`);
  process.stderr.write('wrote docs/headline-ranges.json\n');
}
