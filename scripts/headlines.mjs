#!/usr/bin/env node
// Prints the headline table of every preset scenario on a graph, as Markdown: total loss
// and loss per end-use sector under both bounds (max flow / proportional). Used to
// refresh the numbers in README.md and docs/scenarios.md. Needs `npm run build` first.
// End uses that take nothing in the baseline (the unconsumed sinks) are left out.
//   node scripts/headlines.mjs [graph.json] [--readme]
//   --readme: the short README table: the preset's date, total and a few sectors, and
//             what the preset leaves out (the "Leaves out:" sentence of its description)
import { readGraphFile } from '../dist/io/read-graph.js';
import { listPresets } from '../dist/io/read-scenario.js';
import { parseScenario } from '../dist/scenario/parse-scenario.js';
import { evaluateScenario } from '../dist/scenario/evaluate.js';

const args = process.argv.slice(2);
const readme = args.includes('--readme');
const file = args.find((a) => !a.startsWith('--')) ?? 'graphs/rare-earths-2024.json';
const README_SECTORS = ['EVs, hybrids and vehicle motors', 'Defence and aerospace', 'Semiconductors and RF filters', 'Ceramics and coatings (YSZ, thermal barrier)'];
const leavesOut = (d) => (/Leaves out: ([^.]*)\./.exec(d ?? '')?.[1] ?? '').replace(/\|/g, '/');
const { graph } = await readGraphFile(file);
const pct = (x) => (x === null || x === undefined ? 'n/a' : (Math.round(x * 1000) / 10).toFixed(1));
const pair = (loss) => `${pct(loss.maxFlow)} / ${pct(loss.proportional)}`;

const presets = await listPresets();
const extra = [{ id: '`--disable CN`', scenario: { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] } }];
const rows = [];
let sectors = null;
for (const p of [...presets.map((p) => ({ id: `\`${p.id}\``, scenario: p.scenario })), ...extra]) {
  const result = evaluateScenario(graph, parseScenario(p.scenario, p.id, graph));
  sectors ??= result.loss.byEndUse.filter((e) => e.baseline.maxFlow > 0 || e.baseline.proportional > 0).map((e) => e.endUse);
  const shown = readme ? sectors.filter((s) => README_SECTORS.includes(s)) : sectors;
  const bySector = new Map(result.loss.byEndUse.map((e) => [e.endUse, e.loss]));
  const id = readme && p.scenario.date ? `${p.id} (${p.scenario.date})` : p.id;
  rows.push([id, pair(result.loss), ...shown.map((s) => pair(bySector.get(s) ?? {})), ...(readme ? [leavesOut(p.scenario.description)] : [])]);
}
const header = ['scenario', 'total', ...(readme ? sectors.filter((s) => README_SECTORS.includes(s)) : sectors), ...(readme ? ['leaves out'] : [])];
console.log(`Loss in percent, max flow / proportional (negative = gain), on ${file}:\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
