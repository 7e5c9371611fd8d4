/**
 * networkx's own max-flow test cases, ported. Expected values are those of networkx's
 * test files (networkx 3.6.1): algorithms/flow/tests/test_maxflow.py (class
 * TestMaxflowMinCutCommon) and test_maxflow_large_graph.py (TestMaxflowLargeGraph), cited
 * per test. networkx's conventions are used: `capacity: 'capacity'` (an edge without the
 * attribute has unlimited capacity), one source and one target; an undirected edge is
 * the two arcs u -> v and v -> u, each with its capacity (networkx's residual network for
 * graphs). Each case also checks that the flow is feasible and the minimum cut's capacity
 * equals the value (networkx's validate_flows / validate_cuts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxFlow, type MaxFlowOptions } from '../../../src/metrics/flow/max-flow.js';
import { ComputationError, UsageError } from '../../../src/model/errors.js';
import { createSupplyGraph, type SupplyGraph } from '../../../src/model/graph.js';

type Edge = [string | number, string | number, Record<string, number>?];

/** A graph like networkx's: nodes from the edges (plus `extra`), attributes as given. */
function nxGraph(edges: readonly Edge[], { undirected = false, extra = [] as (string | number)[] } = {}): SupplyGraph {
  const graph = createSupplyGraph();
  const add = (v: string) => {
    if (!graph.hasNode(v)) graph.addNode(v, { stage: 'mining', country: 'CN', status: 'operating' });
  };
  for (const v of extra) add(String(v));
  for (const [u, v, attrs = {}] of edges) {
    add(String(u));
    add(String(v));
    graph.addDirectedEdgeWithKey(`${u}->${v}`, String(u), String(v), { flow: 0, ...attrs });
    if (undirected) graph.addDirectedEdgeWithKey(`${v}->${u}`, String(v), String(u), { flow: 0, ...attrs });
  }
  return graph;
}

const cap = (capacity: number) => ({ capacity });

/** maxFlow from s to t with networkx's capacity rule, checked as networkx's validate_flows/validate_cuts do. */
function solve(graph: SupplyGraph, s: string | number, t: string | number, capacity = 'capacity') {
  const options: MaxFlowOptions = { sources: [String(s)], targets: [String(t)], capacity };
  const result = maxFlow(graph, options);
  const slack = 1e-12 * Math.max(1, result.value);
  const excess = new Map<string, number>();
  graph.forEachEdge((key, attributes, u, v) => {
    const f = result.edgeFlow[key] ?? NaN;
    const c = (attributes as Record<string, unknown>)[capacity];
    expect(f).toBeGreaterThanOrEqual(0);
    if (typeof c === 'number') expect(f).toBeLessThanOrEqual(c + slack);
    excess.set(u, (excess.get(u) ?? 0) - f);
    excess.set(v, (excess.get(v) ?? 0) + f);
  });
  for (const [v, x] of excess) {
    const want = v === String(s) ? -result.value : v === String(t) ? result.value : 0;
    expect(Math.abs(x - want)).toBeLessThanOrEqual(slack);
  }
  expect(Math.abs(result.minCut.capacity - result.value)).toBeLessThanOrEqual(slack);
  const cutSum = result.minCut.edges.reduce((sum, e) => sum + ((graph.getEdgeAttributes(e) as Record<string, number>)[capacity] ?? Infinity), 0);
  expect(Math.abs(cutSum - result.value)).toBeLessThanOrEqual(slack);
  return result.value;
}

const TOPCODER: Edge[] = [
  ['x', 'a', cap(3)], ['x', 'b', cap(1)], ['a', 'c', cap(3)], ['b', 'c', cap(5)],
  ['b', 'd', cap(4)], ['d', 'e', cap(2)], ['c', 'y', cap(2)], ['e', 'y', cap(3)],
];

describe('networkx test_maxflow.py, TestMaxflowMinCutCommon', () => {
  it('test_graph1: trivial undirected graph -> 1.0', () => {
    expect(solve(nxGraph([[1, 2, cap(1)]], { undirected: true }), 1, 2)).toBe(1);
  });

  it('test_graph2: undirected TopCoder example -> 4.0', () => {
    expect(solve(nxGraph(TOPCODER, { undirected: true }), 'x', 'y')).toBe(4);
  });

  it('test_digraph1: the classic directed example -> 2000.0', () => {
    const g = nxGraph([['a', 'b', cap(1000)], ['a', 'c', cap(1000)], ['b', 'c', cap(1)], ['b', 'd', cap(1000)], ['c', 'd', cap(1000)]]);
    expect(solve(g, 'a', 'd')).toBe(2000);
  });

  it('test_digraph2: some edges end up with zero flow -> 2', () => {
    const g = nxGraph([['s', 'b', cap(2)], ['s', 'c', cap(1)], ['c', 'd', cap(1)], ['d', 'a', cap(1)], ['b', 'a', cap(2)], ['a', 't', cap(2)]]);
    expect(solve(g, 's', 't')).toBe(2);
  });

  it('test_digraph3: Cormen et al. -> 23.0', () => {
    const g = nxGraph([
      ['s', 'v1', cap(16)], ['s', 'v2', cap(13)], ['v1', 'v2', cap(10)], ['v2', 'v1', cap(4)], ['v1', 'v3', cap(12)],
      ['v3', 'v2', cap(9)], ['v2', 'v4', cap(14)], ['v4', 'v3', cap(7)], ['v3', 't', cap(20)], ['v4', 't', cap(4)],
    ]);
    expect(solve(g, 's', 't')).toBe(23);
  });

  it('test_digraph4: directed TopCoder example -> 3.0', () => {
    expect(solve(nxGraph(TOPCODER), 'x', 'y')).toBe(3);
  });

  it('test_wikipedia_dinitz_example -> 19', () => {
    const g = nxGraph([
      ['s', 1, cap(10)], ['s', 2, cap(10)], [1, 3, cap(4)], [1, 4, cap(8)], [1, 2, cap(2)],
      [2, 4, cap(9)], [3, 't', cap(10)], [4, 3, cap(6)], [4, 't', cap(10)],
    ]);
    expect(solve(g, 's', 't')).toBe(19);
  });

  it('test_optional_capacity: capacity attribute "spam" -> 3.0', () => {
    const g = nxGraph(TOPCODER.map(([u, v, a]) => [u, v, { spam: a?.capacity ?? NaN }] as Edge));
    expect(solve(g, 'x', 'y', 'spam')).toBe(3);
  });

  it('test_digraph_infcap_edges: edges without capacity are unlimited -> 97 (two graphs)', () => {
    const g1 = nxGraph([['s', 'a'], ['s', 'b', cap(30)], ['a', 'c', cap(25)], ['b', 'c', cap(12)], ['a', 't', cap(60)], ['c', 't']]);
    expect(solve(g1, 's', 't')).toBe(97);
    // infinite capacity digon a <-> c
    const g2 = nxGraph([['s', 'a', cap(85)], ['s', 'b', cap(30)], ['a', 'c'], ['c', 'a'], ['b', 'c', cap(12)], ['a', 't', cap(60)], ['c', 't', cap(37)]]);
    expect(solve(g2, 's', 't')).toBe(97);
  });

  it('test_digraph_infcap_path: an infinite-capacity s-t path is an error (NetworkXUnbounded)', () => {
    const g = nxGraph([['s', 'a'], ['s', 'b', cap(30)], ['a', 'c'], ['b', 'c', cap(12)], ['a', 't', cap(60)], ['c', 't']]);
    expect(() => solve(g, 's', 't')).toThrow(ComputationError);
    expect(() => solve(g, 's', 't')).toThrow(/unbounded: the path "s" -> "a" -> (("c" -> )?)"t"/);
  });

  it('test_graph_infcap_edges: undirected graph with unlimited edges -> 97', () => {
    const g = nxGraph([['s', 'a'], ['s', 'b', cap(30)], ['a', 'c', cap(25)], ['b', 'c', cap(12)], ['a', 't', cap(60)], ['c', 't']], { undirected: true });
    expect(solve(g, 's', 't')).toBe(97);
  });

  it('test_digraph5: ticket #429 -> 4', () => {
    const g = nxGraph([['s', 'a', cap(2)], ['s', 'b', cap(2)], ['a', 'b', cap(5)], ['a', 't', cap(1)], ['b', 'a', cap(1)], ['b', 't', cap(3)]]);
    expect(solve(g, 's', 't')).toBe(4);
  });

  it('test_disconnected: 0 and 3 in different components -> 0', () => {
    const g = nxGraph([[2, 3, cap(1)]], { undirected: true, extra: [0] });
    expect(solve(g, 0, 3)).toBe(0);
  });

  it('test_source_target_not_in_graph: an error (NetworkXError)', () => {
    const g = nxGraph([[1, 2, cap(1)], [2, 3, cap(1)]], { undirected: true });
    expect(() => solve(g, 0, 3)).toThrow(UsageError);
    expect(() => solve(g, 0, 3)).toThrow('maxFlow: source node "0" is not in the graph');
    expect(() => solve(g, 1, 4)).toThrow('maxFlow: target node "4" is not in the graph');
  });

  it('test_source_target_coincide: an error (NetworkXError)', () => {
    const g = nxGraph([], { extra: [0] });
    expect(() => solve(g, 0, 0)).toThrow('maxFlow: "0" cannot be both a source and a target');
  });
});

describe('networkx test_maxflow_large_graph.py, TestMaxflowLargeGraph', () => {
  it('test_complete_graph: K50 (undirected), capacity 5, from 1 to 2 -> 5 (N - 1) = 245', () => {
    const edges: Edge[] = [];
    for (let u = 0; u < 50; u++) for (let v = u + 1; v < 50; v++) edges.push([u, v, cap(5)]);
    expect(solve(nxGraph(edges, { undirected: true }), 1, 2)).toBe(245);
  });

  it('test_pyramid: N = 10, fractional capacities, every arc saturated -> 1.0 (abs 1e-7)', () => {
    // gen_pyramid(N) of the test file: arcs into the sink "t" have no capacity (unlimited).
    const N = 10;
    const edges: Edge[] = [];
    for (let i = 0; i < N - 1; i++) {
      let c = 1 / (i + 2);
      for (let j = 0; j <= i; j++) {
        edges.push([`${i},${j}`, `${i + 1},${j}`, cap(c)]);
        c = 1 / (i + 1) - c;
        edges.push([`${i},${j}`, `${i + 1},${j + 1}`, cap(c)]);
        c = 1 / (i + 2) - c;
      }
    }
    for (let j = 0; j < N; j++) edges.push([`${N - 1},${j}`, 't']);
    expect(Math.abs(solve(nxGraph(edges), '0,0', 't') - 1)).toBeLessThanOrEqual(1e-7);
  });

  for (const name of ['gl1', 'gw1', 'wlm3']) {
    it(`test_${name}: networkx's ${name} graph -> the value in the test file (tests/fixtures/networkx/maxflow-${name}.json)`, () => {
      const data = JSON.parse(readFileSync(new URL(`../../fixtures/networkx/maxflow-${name}.json`, import.meta.url), 'utf8')) as { s: string; t: string; expected: number; nodes: string[]; edges: [string, string, number][] };
      const g = nxGraph(data.edges.map(([u, v, c]) => [u, v, cap(c)]), { extra: data.nodes });
      expect(solve(g, data.s, data.t)).toBe(data.expected);
    });
  }
});
