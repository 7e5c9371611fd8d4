import { describe, expect, it } from 'vitest';
import { maxFlow } from '../../../src/metrics/flow/max-flow.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { activeSubgraph, edgeCapacity, type SupplyGraph } from '../../../src/model/graph.js';
import { flowFixtures } from './flow-fixtures.js';

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const node = (key: string, stage: string, country: string, extra: Record<string, unknown> = {}) => ({ key, attributes: { stage, country, ...extra } });
const edge = (source: string, target: string, flow: number, capacity?: number) => ({ source, target, attributes: capacity === undefined ? { flow } : { flow, capacity } });

/**
 * Hand-computed example (also tests/fixtures/networkx/flow-chain.json):
 *   a (CN mine) -50-> b;  d (AU mine) -30 (cap 40)-> b;  d -20 (cap 25)-> e (MY)
 *   b (CN separation, capacity 60) -70 (cap 80)-> c (JP magnets);  e -20-> c
 * Through b at most 60 (90 can arrive, 80 can leave); through e at most 20 (e -> c has no
 * capacity, so its flow 20 is the limit). maxFlow = 80; a minimum cut is {b's capacity,
 * e -> c} = 60 + 20.
 */
const CHAIN = parseGraph(
  {
    nodes: [node('a', 'mining', 'CN'), node('d', 'mining', 'AU'), node('b', 'separation', 'CN', { capacity: 60 }), node('e', 'separation', 'MY'), node('c', 'magnet', 'JP')],
    edges: [edge('a', 'b', 50), edge('d', 'b', 30, 40), edge('d', 'e', 20, 25), edge('b', 'c', 70, 80), edge('e', 'c', 20)],
  },
  'chain',
).graph;

/** Checks that `flow` is a feasible flow of the active graph whose value is `value`. */
function expectFeasible(graph: SupplyGraph, result: ReturnType<typeof maxFlow>): void {
  const active = activeSubgraph(graph);
  const slack = 1e-9 * Math.max(1, result.value);
  let delivered = 0;
  active.forEachEdge((key, attributes) => {
    const f = result.edgeFlow[key] ?? NaN;
    expect(f).toBeGreaterThanOrEqual(-slack);
    expect(f).toBeLessThanOrEqual(edgeCapacity(attributes) + slack);
  });
  active.forEachNode((v, attributes) => {
    const inFlow = active.inEdges(v).reduce((sum, e) => sum + (result.edgeFlow[e] ?? 0), 0);
    const outFlow = active.outEdges(v).reduce((sum, e) => sum + (result.edgeFlow[e] ?? 0), 0);
    if (active.inDegree(v) > 0 && active.outDegree(v) > 0) close(inFlow, outFlow);
    if (active.outDegree(v) === 0) delivered += inFlow;
    if (attributes.capacity !== undefined) expect(Math.max(inFlow, outFlow)).toBeLessThanOrEqual(attributes.capacity + slack);
  });
  close(delivered, result.value);
}

describe('maxFlow', () => {
  it('solves the hand-computed chain', () => {
    const result = maxFlow(CHAIN);
    close(result.value, 80);
    expect(result.minCut.nodes).toEqual(['b']);
    expect(result.minCut.edges).toEqual(['e->c']);
    close(result.minCut.capacity, 80);
    close(result.nodeFlow.b ?? NaN, 60);
    expectFeasible(CHAIN, result);
  });

  for (const fixture of flowFixtures()) {
    it(`agrees with networkx on ${fixture.name}; the cut's capacity equals maxFlow`, () => {
      const result = maxFlow(fixture.graph);
      close(result.value, fixture.expected.maxFlow);
      close(result.minCut.capacity, fixture.expected.minCutValue);
      close(result.minCut.capacity, result.value);
      expectFeasible(fixture.graph, result);
    });
  }

  it('ignores inactive nodes and isolated nodes', () => {
    const { graph } = parseGraph(
      {
        nodes: [node('m', 'mining', 'CN'), node('g', 'magnet', 'JP'), node('p', 'mining', 'US', { status: 'planned' }), node('i', 'mining', 'BR', { capacity: 50 })],
        edges: [edge('m', 'g', 10), edge('p', 'g', 0, 100)],
      },
      'g',
    );
    const result = maxFlow(graph);
    expect(result.value).toBe(10);
    expect(Object.keys(result.edgeFlow)).toEqual(['m->g']);
    expect(result.nodeFlow.i).toBe(0);
    expect(result.nodeFlow.p).toBeUndefined();
  });

  it('gives 0 and an empty cut for a graph with no source', () => {
    const { graph } = parseGraph({ nodes: [node('a', 'mining', 'CN'), node('b', 'mining', 'CN')], edges: [edge('a', 'b', 3), edge('b', 'a', 3)] }, 'g');
    const result = maxFlow(graph);
    expect(result.value).toBe(0);
    expect(result.minCut).toEqual({ nodes: [], edges: [], capacity: 0 });
  });

  it('does not change the graph', () => {
    const before = JSON.stringify(CHAIN.export());
    maxFlow(CHAIN);
    expect(JSON.stringify(CHAIN.export())).toBe(before);
  });

  it('scales with the capacities (property: maxFlow(kG) = k maxFlow(G))', () => {
    const scaled = CHAIN.copy();
    scaled.updateEachEdgeAttributes((_e, a) => ({ ...a, flow: a.flow * 0.001, ...(a.capacity === undefined ? {} : { capacity: a.capacity * 0.001 }) }));
    scaled.updateEachNodeAttributes((_n, a) => (a.capacity === undefined ? a : { ...a, capacity: a.capacity * 0.001 }));
    close(maxFlow(scaled).value, 0.08);
  });
});
