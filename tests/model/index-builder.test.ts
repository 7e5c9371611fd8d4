import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexGraph, type GraphIndex } from '../../src/model/graph-index.js';
import { GraphIndexBuilder, type BuilderHints } from '../../src/model/index-builder.js';
import { indexSink } from '../../src/model/loader-sinks.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import type { SupplyGraph } from '../../src/model/graph.js';

const DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');

/** The plain arrays of an index, for comparing two of them (as tests/model/graph-index.test.ts). */
const plain = (index: GraphIndex) => Object.fromEntries(Object.entries(index).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v instanceof Map ? [...v] : v]));

/** Every typed array of the index has exactly n or m elements (the views end where the data ends). */
function expectLengths(index: GraphIndex): void {
  for (const field of ['edgeSource', 'edgeTarget', 'edgeFlow', 'edgeCapacity', 'edgeMaterial', 'outEdges', 'inEdges'] as const) expect(index[field].length, field).toBe(index.m);
  for (const field of ['nodeCapacity', 'nodeStage', 'nodeCountry', 'nodeStatus', 'inDegree', 'outDegree'] as const) expect(index[field].length, field).toBe(index.n);
  expect(index.index.size).toBe(index.n);
}

function build(graph: SupplyGraph, hints?: BuilderHints): GraphIndex {
  const builder = new GraphIndexBuilder(graph.getAttributes(), hints);
  graph.forEachNode((key, attributes) => builder.addNode(key, attributes));
  graph.forEachEdge((key, attributes, source, target) => builder.addEdge(key, source, target, attributes));
  return builder.build();
}

// Exact, too small (the arrays and tables grow), too large (views into larger buffers), none.
const hintsOf = (n: number, m: number): (BuilderHints | undefined)[] => [undefined, {}, { nodes: n, edges: m }, { nodes: 1, edges: 1 }, { nodes: 10 * n + 100, edges: 10 * m + 100 }, { nodes: n }, { edges: m }];

describe('GraphIndexBuilder size hints', () => {
  it('build the same index with and without hints (the dataset)', async () => {
    const graph = parseGraph(JSON.parse(await readFile(DATASET, 'utf8')), DATASET).graph;
    const reference = plain(build(graph));
    for (const hints of hintsOf(graph.order, graph.size)) {
      const index = build(graph, hints);
      expectLengths(index);
      expect(plain(index), JSON.stringify(hints)).toEqual(reference);
    }
    expect(plain(indexGraph(graph))).toEqual(reference);
  });

  it('the index sink builds the same index with and without hints (random graphs, default and custom keys, parallel checks)', () => {
    const graphs = fc.record({
      n: fc.integer({ min: 0, max: 60 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.option(fc.constantFrom('dy', 'nd', 'tb'), { nil: undefined })), { maxLength: 200 }),
    });
    fc.assert(
      fc.property(graphs, ({ n, edges }) => {
        const load = (hints?: BuilderHints) => {
          const sink = indexSink(hints);
          sink.setAttributes({ stages: ['mining', 'refining'] });
          for (let v = 0; v < n; v++) sink.addNode(`n${v}`, { stage: v % 2 ? 'mining' : 'refining', country: v % 3 ? 'CN' : 'US', status: 'operating', ...(v % 4 ? { label: `node ${v}` } : {}) } as never);
          const pairs: boolean[] = [];
          if (n > 0) {
            edges.forEach(([a, b, custom, material], i) => {
              const s = a % n;
              const t = b % n;
              const [source, target] = [`n${s}`, `n${t}`];
              const ref = [sink.nodeRef(source), sink.nodeRef(target)] as const;
              pairs.push(sink.hasPair(source, target, ...ref));
              if (pairs[pairs.length - 1]) return;
              const key = custom ? `e${i}` : `${source}->${target}`;
              sink.addEdge(key, source, target, { flow: i + 1, ...(material ? { material } : {}) } as never, !custom, ...ref);
            });
          }
          return { index: sink.result([]).index, pairs };
        };
        const without = load();
        for (const hints of hintsOf(n, edges.length)) {
          const withHints = load(hints);
          expectLengths(withHints.index);
          expect(withHints.pairs).toEqual(without.pairs);
          expect(plain(withHints.index)).toEqual(plain(without.index));
        }
      }),
      { numRuns: 60 },
    );
  });
});
