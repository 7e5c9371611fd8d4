/**
 * prettyJsonChunks (src/io/json-chunks.ts): the chunks joined are exactly
 * `JSON.stringify(value, replacer, 2) + '\n'`, for the metrics report of the shipped
 * dataset and of a generated graph, and for hand-made and random values (Infinity with and
 * without the replacer, empty and nested containers, omitted members, escapes).
 */
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { prettyJsonChunks, type JsonReplacer } from '../../src/io/json-chunks.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { METRIC_NAMES } from '../../src/metrics/report-types.js';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { unlimitedAsText } from '../../src/model/schema.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { join } from 'node:path';

const DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');

function same(value: unknown, replacer?: JsonReplacer, chunkChars?: number, sliceRows?: number) {
  const chunks = [...prettyJsonChunks(value, replacer, chunkChars, sliceRows)];
  const expected = replacer === undefined ? JSON.stringify(value, null, 2) : JSON.stringify(value, replacer, 2);
  expect(chunks.join('')).toBe(expected === undefined ? '' : `${expected}\n`);
  return chunks;
}

/** A small seeded generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 7 : 9));
  const leaves: unknown[] = [null, true, Infinity, -Infinity, NaN, -0, 1e21, 0.1 + 0.2, 'a "quoted"\nline\u2028', '', undefined];
  if (pick < 5) return leaves[Math.floor(next() * leaves.length)];
  if (pick === 5) return Math.round(next() * 1e6) / 7;
  if (pick === 6) return `k${Math.floor(next() * 100)}`;
  if (pick === 7) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const record: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) record[next() < 0.2 ? `"odd\tkey${i}"` : `key${i}`] = randomValue(next, depth + 1);
  return record;
}

describe('prettyJsonChunks', () => {
  it('the metrics report of the dataset, every metric, with and without the replacer, in small and default chunks', async () => {
    const { graph } = await readGraphFile(DATASET);
    const report = computeMetrics(graph, { metrics: [...METRIC_NAMES] });
    for (const value of [report, report.nodes, report.edges, report.stages, report.countries]) {
      same(value, unlimitedAsText);
      same(value, unlimitedAsText, 1, 1);
      same(value, unlimitedAsText, 1000, 7);
      same(value, undefined, 100, 3);
    }
    // An unlimited capacity (written "inf" by the replacer), as a graph with one has.
    const unlimited = { ...report, edges: report.edges.map((edge, i) => (i % 7 === 0 ? { ...edge, capacity: Infinity } : edge)) };
    expect(JSON.stringify(unlimited, unlimitedAsText)).toContain('"capacity": "inf"'.replace(' ', ''));
    same(unlimited, unlimitedAsText);
    same(unlimited, unlimitedAsText, 1, 1);
    same(unlimited, unlimitedAsText, 5000, 10);
  });

  it('a generated graph with loops: the default report, in slices of rows', () => {
    const graph = parseGraph(generateSupplyGraph({ nodes: 800, seed: 3, backEdges: 0.05 }), 'generated').graph;
    const report = computeMetrics(graph, { metrics: ['betweenness', 'throughput', 'flowShare', 'minCut', 'concentration', 'supplyRisk', 'degree', 'pagerank', 'origin'] });
    same(report, unlimitedAsText);
    const chunks = same(report, unlimitedAsText, undefined, 100);
    // Never the whole text at once: a chunk per slice of rows (here 100; JSON_SLICE_ROWS by default), small pieces gathered.
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(report.nodes.length / 100) + Math.ceil(report.edges.length / 100));
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(chunks.join('').length / 2);
  });

  it('hand-made values: empty and nested containers, omitted members, Infinity at every level', () => {
    const cases: unknown[] = [
      {},
      [],
      { a: [] },
      { a: {} },
      [[], {}],
      { a: undefined, b: () => 1 },
      { a: undefined },
      [undefined, () => 1, Symbol('s')],
      Infinity,
      'text',
      null,
      undefined,
      { rows: [{ id: 'a', capacity: Infinity, nested: { x: [1, Infinity, { y: Infinity }] } }, { id: 'b' }], supply: { maxFlow: Infinity }, list: ['x'] },
      [Infinity, [Infinity], { a: Infinity }],
      [1, 'null', null, Infinity, { a: 'null' }],
      { rows: [{ label: 'null', capacity: 1 }, { label: 'x', capacity: Infinity }, null, [null, Infinity]] },
      { a: [undefined, () => 1], b: [null] },
      { 'key "with" quotes\n': 'v\u0000' },
      { toJSON: () => ({ b: 1 }) },
      { rows: [{ toJSON: () => 'row' }] },
    ];
    for (const value of cases) {
      same(value, unlimitedAsText);
      same(value, unlimitedAsText, 1, 1);
      same(value, unlimitedAsText, 1, 2);
      same(value);
    }
  });

  it('random values match JSON.stringify (500 seeded cases)', () => {
    const next = random(15);
    for (let i = 0; i < 500; i++) {
      const value = randomValue(next, 0);
      same(value, unlimitedAsText, 1 + Math.floor(next() * 64), 1 + Math.floor(next() * 3));
      same(value, undefined, 1 + Math.floor(next() * 64), 1 + Math.floor(next() * 3));
    }
  });
});
