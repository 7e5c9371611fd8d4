#!/usr/bin/env node
// dataset-check: sanity report for a chokepoint graph file (graphology serialization JSON).
//
// Usage: node scripts/dataset-check.mjs [graphs/rare-earths-2024.json]
//
// Prints, per stage, the total throughput (a node's throughput is the larger of its
// in-flow and out-flow, so a mine counts its out-flow and an end use its in-flow), the
// country shares and the Herfindahl-Hirschman index (HHI = sum of squared country shares,
// 0..1); the flow into the end uses per sector (the unconsumed sinks apart: they are not
// delivered); flow-conservation imbalances; flow by material; and every structural
// problem found by scripts/data/check-lib.mjs (the same checks run in npm test,
// tests/data/dataset.test.ts). Exits with status 1 when a problem is found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { checkDataset } from './data/check-lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const file = resolve(process.argv[2] ?? resolve(here, '..', 'graphs', 'rare-earths-2024.json'));
const graph = JSON.parse(readFileSync(file, 'utf8'));
const r = checkDataset(graph);
const attrs = graph.attributes ?? {};
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const pct = (x) => `${(100 * x).toFixed(1)}%`;

console.log(`${file}`);
console.log(`${attrs.name} (${attrs.year}), unit ${attrs.unit}`);
console.log(`${r.nodes.size} nodes, ${r.pairs.size} edges, ${Object.keys(attrs.countries ?? {}).length} countries\n`);
const totalSource = [...r.nodes.keys()].filter((k) => !(r.inDeg.get(k) > 0)).reduce((s, k) => s + (r.outFlow.get(k) ?? 0), 0);
const totalSink = [...r.nodes.keys()].filter((k) => !(r.outDeg.get(k) > 0)).reduce((s, k) => s + (r.inFlow.get(k) ?? 0), 0);
const delivered = r.sectors.filter((s) => s.delivered).reduce((t, s) => t + s.total, 0);
console.log(`Flow out of sources (mines): ${fmt(totalSource)}   into sinks: ${fmt(totalSink)}   delivered (unconsumed sinks apart): ${fmt(delivered)}\n`);

console.log('Per-stage throughput, country shares and HHI (throughput = max(in, out) per node)');
for (const s of r.stages) {
  const hhi = Number.isFinite(s.hhi) ? `${s.hhi.toFixed(3)} (${fmt(s.hhi * 10000)} on 0-10,000)` : 'n/a';
  console.log(`\n  ${s.stage.padEnd(13)} total ${fmt(s.total).padStart(9)}   HHI ${hhi}   nodes ${s.nodes} (${s.withFlow} with flow)`);
  console.log(`    ${Object.entries(s.shares).map(([c, x]) => `${c} ${pct(x)}`).join(', ')}`);
}

console.log('\nFlow into end uses by sector (country = where the final product is made; share of delivered flow)');
for (const s of r.sectors) {
  const shares = Object.entries(s.byCountry).map(([c, t]) => `${c} ${s.total > 0 ? pct(t / s.total) : fmt(t)}`);
  const of = s.delivered ? pct(s.total / delivered).padStart(6) : ' (not delivered)';
  console.log(`  ${String(s.sector).padEnd(48)} ${fmt(s.total).padStart(9)} ${of}  ${shares.join(', ')}`);
}

console.log('\nFlow conservation (nodes with both in- and out-edges): in - out');
for (const x of r.imbalances) console.log(`  ${x.node}: in ${fmt(x.in)} out ${fmt(x.out)} imbalance ${(x.in - x.out).toFixed(2)}`);
if (r.imbalances.length === 0) console.log('  all balanced (|in - out| <= 1e-6)');

console.log('\nFlow by material (sum of edge flows; a tonne is counted once per edge it crosses)');
for (const [m, v] of [...r.materials].sort((x, y) => y[1].flow - x[1].flow)) console.log(`  ${m.padEnd(48)} ${fmt(v.flow).padStart(9)}  (${v.edges} edges)`);

const lowNodes = [...r.nodes.values()].filter((a) => a.confidence === 'low').length;
const withCap = (graph.edges ?? []).filter((e) => e.attributes?.capacity !== undefined).length;
console.log(`\nConfidence: ${lowNodes} of ${r.nodes.size} nodes low; ${withCap} edges carry an explicit capacity`);
console.log(r.problems.length ? `\n${r.problems.length} problem(s):` : '\nNo problems: every node and edge has a source.');
for (const p of r.problems) console.log(`  - ${p}`);
process.exitCode = r.problems.length ? 1 : 0;
