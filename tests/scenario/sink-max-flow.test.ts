import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { solveMaxFlow } from '../../src/metrics/flow/max-flow.js';
import { compactGraph, type CompactGraph } from '../../src/model/compact.js';
import { activeSubgraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { sinkMaxFlow, sinkMaxFlowSolver } from '../../src/scenario/sink-max-flow.js';

/** The definition, computed from scratch on a network of its own: other sinks' in-edges at capacity 0. */
function definition(graph: CompactGraph, targets: ReadonlySet<string>): number {
  const edgeCapacity = graph.edgeCapacity.slice();
  for (let e = 0; e < graph.edges.length; e++) {
    const t = graph.edgeTarget[e] as number;
    if (graph.outDegree[t] === 0 && !targets.has(graph.nodes[t] as string)) edgeCapacity[e] = 0;
  }
  return solveMaxFlow({ ...graph, edgeCapacity }).value;
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const sinksOf = (graph: CompactGraph) => graph.nodes.filter((_n, i) => graph.outDegree[i] === 0 && (graph.inDegree[i] as number) > 0);

/** Random graphs (cycles allowed) with node capacities, so that sinks are often not saturated in the maximum flow found. */
const randomGraph = fc
  .integer({ min: 3, max: 14 })
  .chain((n) =>
    fc.record({
      capacities: fc.array(fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: undefined }), { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(
        fc.record({ source: fc.integer({ min: 0, max: n - 1 }), target: fc.integer({ min: 0, max: n - 1 }), flow: fc.double({ min: 0, max: 10, noNaN: true }), capacity: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }) }),
        { maxLength: 3 * n, selector: (e) => `${e.source}-${e.target}` },
      ),
      picks: fc.array(fc.nat(), { maxLength: 4 }),
    }),
  )
  .map(({ capacities, edges, picks }) => ({
    picks,
    graph: compactGraph(
      activeSubgraph(
        parseGraph(
          {
            nodes: capacities.map((capacity, i) => ({ key: `n${i}`, attributes: { stage: 'mining', country: 'CN', ...(capacity === undefined ? {} : { capacity }) } })),
            edges: edges
              .filter((e) => e.source !== e.target)
              .map((e) => ({ source: `n${e.source}`, target: `n${e.target}`, attributes: { flow: e.flow, ...(e.capacity === undefined ? {} : { capacity: e.capacity }) } })),
          },
          'random',
        ).graph,
      ),
    ),
  }));

describe('sinkMaxFlow', () => {
  it('equals the definition computed from scratch, for every sink and for sets of sinks, on random graphs', () => {
    fc.assert(
      fc.property(randomGraph, ({ graph, picks }) => {
        const sinks = sinksOf(graph);
        for (const sink of sinks) close(sinkMaxFlow(graph, new Set([sink])), definition(graph, new Set([sink])));
        if (sinks.length > 0) {
          const group = new Set(picks.map((p) => sinks[p % sinks.length] as string));
          close(sinkMaxFlow(graph, group), definition(graph, group));
        }
        close(sinkMaxFlow(graph, new Set(sinks)), definition(graph, new Set(sinks)));
        close(sinkMaxFlow(graph, new Set()), 0);
      }),
      { seed: 1515, numRuns: 120 },
    );
  });

  it('gives each sink the same value whatever was asked before (the shared network is returned to its state)', () => {
    const graph = compactGraph(activeSubgraph(parseGraph(generateSupplyGraph({ nodes: 300, seed: 4, backEdges: 0.05 }), 'generated').graph));
    const sinks = sinksOf(graph);
    const forward = sinks.map((s) => sinkMaxFlow(graph, new Set([s])));
    const fresh = compactGraph(activeSubgraph(parseGraph(generateSupplyGraph({ nodes: 300, seed: 4, backEdges: 0.05 }), 'generated').graph));
    const backward = [...sinks].reverse().map((s) => sinkMaxFlow(fresh, new Set([s]))).reverse();
    expect(backward).toEqual(forward);
    sinks.forEach((s, j) => close(forward[j] as number, definition(graph, new Set([s]))));
  });

  it('handles an unbounded maximum flow that zeroing the other sinks makes bounded', () => {
    // a -> b (no capacity limit) feeds sink b without bound; a -> c is capped at 5.
    const graph = compactGraph(
      parseGraph(
        {
          nodes: ['a', 'b', 'c'].map((key) => ({ key, attributes: { stage: 'mining', country: 'CN' } })),
          edges: [
            { source: 'a', target: 'b', attributes: { flow: 1, capacity: 'inf' } },
            { source: 'a', target: 'c', attributes: { flow: 1, capacity: 5 } },
          ],
        },
        'unbounded',
      ).graph,
    );
    expect(sinkMaxFlow(graph, new Set(['c']))).toBe(5);
  });
});

/** The solver bound to one graph (as the evaluation uses it) on the default dataset: every sink, end use and country. */
describe('sinkMaxFlowSolver', () => {
  it('equals sinkMaxFlow on every group, in any order', () => {
    const file = 'graphs/rare-earths-2024.json';
    const graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
    for (const applied of [applyScenario(graph, { name: 'b', actions: [] }), applyScenario(graph, { name: 'cn', actions: [{ type: 'cap', from: 'CN', share: 0.3 }] })]) {
      const compact = compactGraph(applied.graph);
      const sinks = compact.nodes.filter((_n, i) => compact.outDegree[i] === 0 && (compact.inDegree[i] as number) > 0);
      const groups: Set<string>[] = [...sinks.map((s) => new Set([s])), new Set(sinks), new Set<string>()];
      for (const key of ['sector', 'country'] as const) {
        const by = new Map<string, string[]>();
        for (const s of sinks) {
          const value = String(applied.graph.getNodeAttribute(s, key));
          by.set(value, [...(by.get(value) ?? []), s]);
        }
        for (const group of by.values()) groups.push(new Set(group));
      }
      const solver = sinkMaxFlowSolver(compact);
      // Against the definition (a network of its own per group), then in reverse order.
      const expected = groups.map((g) => sinkMaxFlow(compact, g));
      expect(expected.some((v) => v > 0)).toBe(true);
      groups.forEach((g, k) => close(expected[k] as number, definition(compact, g)));
      expect(groups.map((g) => solver(g))).toEqual(expected);
      expect([...groups].reverse().map((g) => solver(g))).toEqual([...expected].reverse());
    }
  });
});
