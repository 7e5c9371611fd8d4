#!/usr/bin/env node
// Prints the headline table of every preset scenario on a graph, as Markdown: total loss
// and loss per end-use sector under both bounds (max flow / proportional). Used to
// refresh the numbers in README.md and docs/scenarios.md. Needs `npm run build` first.
//   node scripts/headlines.mjs [graph.json]
import { readGraphFile } from '../dist/io/read-graph.js';
import { listPresets } from '../dist/io/read-scenario.js';
import { parseScenario } from '../dist/scenario/parse-scenario.js';
import { evaluateScenario } from '../dist/scenario/evaluate.js';

const file = process.argv[2] ?? 'graphs/rare-earths-2024.json';
const { graph } = await readGraphFile(file);
const pct = (x) => (x === null || x === undefined ? 'n/a' : (Math.round(x * 1000) / 10).toFixed(1));
const pair = (loss) => `${pct(loss.maxFlow)} / ${pct(loss.proportional)}`;

const presets = await listPresets();
const extra = [{ id: '`--disable CN`', scenario: { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] } }];
const rows = [];
let sectors = null;
for (const p of [...presets.map((p) => ({ id: `\`${p.id}\``, scenario: p.scenario })), ...extra]) {
  const result = evaluateScenario(graph, parseScenario(p.scenario, p.id, graph));
  sectors ??= result.loss.byEndUse.map((e) => e.endUse);
  const bySector = new Map(result.loss.byEndUse.map((e) => [e.endUse, e.loss]));
  rows.push([p.id, pair(result.loss), ...sectors.map((s) => pair(bySector.get(s) ?? {}))]);
}
const header = ['scenario', 'total', ...sectors];
console.log(`Loss in percent, max flow / proportional (negative = gain), on ${file}:\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
