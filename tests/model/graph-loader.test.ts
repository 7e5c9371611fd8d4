import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexGraph, type GraphIndex } from '../../src/model/graph-index.js';
import { createGraphLoader, createIndexLoader } from '../../src/model/graph-loader.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { EDGE_RANGES, NODE_RANGES } from '../../src/model/ranges.js';

/** Hands a document to a loader in the reader's order; the result, or the error's message. */
function load<R>(loader: { node(raw: unknown): void; edge(raw: unknown): void; finish(): R }, doc: { nodes: unknown[]; edges: unknown[] }): R | string {
  for (const node of doc.nodes) loader.node(node);
  for (const edge of doc.edges) loader.edge(edge);
  try {
    return loader.finish();
  } catch (error) {
    return (error as Error).message;
  }
}

const viaIndex = (doc: { nodes: unknown[]; edges: unknown[] }) => {
  const result = load(createIndexLoader('x.json', { maxProblems: 1000 }), doc);
  return typeof result === 'string' ? result : summary(result.index);
};
const viaGraph = (doc: { nodes: unknown[]; edges: unknown[] }) => {
  try {
    return summary(indexGraph(parseGraph(doc, 'x.json', { maxProblems: 1000 }).graph));
  } catch (error) {
    return (error as Error).message;
  }
};
const summary = (index: GraphIndex) => ({ nodes: index.nodes, edges: index.edges, source: Array.from(index.edgeSource), target: Array.from(index.edgeTarget), index: [...index.index] });

describe('graph loader: range checks', () => {
  // The loader asks rangeProblems only when an element has a range end (mayHaveRange):
  // each end named in ranges.ts, alone, must still be reported, by both sinks.
  const ends = (specs: readonly { low: string; high: string }[]) => [...new Set(specs.flatMap((spec) => [spec.low, spec.high]))];
  const base = { nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN' } }, { key: 'b', attributes: { stage: 'end-use', country: 'US' } }] };
  for (const name of ends(NODE_RANGES)) {
    it(`reports a lone node range end "${name}"`, () => {
      const doc = { nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN', capacity: 5, stock: 5, [name]: 1 } }], edges: [] };
      for (const result of [load(createGraphLoader('x.json'), doc), load(createIndexLoader('x.json'), doc)]) expect(result).toMatch(new RegExp(`node "a": .*${name}.*give both ends`));
    });
  }
  for (const name of ends(EDGE_RANGES)) {
    it(`reports a lone edge range end "${name}"`, () => {
      const doc = { ...base, edges: [{ source: 'a', target: 'b', attributes: { flow: 5, capacity: 5, [name]: 1 } }] };
      for (const result of [load(createGraphLoader('x.json'), doc), load(createIndexLoader('x.json'), doc)]) expect(result).toMatch(new RegExp(`edge "a -> b": .*${name}.*give both ends`));
    });
  }
});

describe('index loader: node lookups (KeyTable)', () => {
  it('finds what parseGraph finds: duplicate and unknown nodes, self-loops, parallel edges, any key strings (property)', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', 'c', 'a->b', '稀土', '🪨', '0'), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(key, key, fc.option(key, { nil: undefined })), { maxLength: 60 }), (keys, pairs) => {
        const doc = {
          nodes: keys.map((k) => ({ key: k, attributes: { stage: 'mining', country: 'CN' } })),
          edges: pairs.map(([source, target, k]) => ({ ...(k === undefined ? {} : { key: k }), source, target, attributes: { flow: 1 } })),
        };
        expect(viaIndex(doc)).toEqual(viaGraph(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('numbers 20,000 nodes as parseGraph does, through the table growing', () => {
    const n = 20000;
    const doc = {
      nodes: Array.from({ length: n }, (_x, i) => ({ key: `node-${i}`, attributes: { stage: 'mining', country: 'CN' } })),
      edges: Array.from({ length: n - 1 }, (_x, i) => ({ source: `node-${(i * 7919) % n}`, target: `node-${(i * 7919 + 1) % n}` })),
    };
    const result = viaIndex(doc);
    expect(typeof result).toBe('object');
    expect(result).toEqual(viaGraph(doc));
  });
});
