/**
 * networkx's own betweenness test cases, ported. Expected values are those of networkx
 * 3.6.1's algorithms/centrality/tests/test_betweenness_centrality.py, cited by class and
 * test name; the larger answer tables (Florentine families, Les Miserables) are read from
 * that file by scripts/fixtures/networkx_graphs.py into tests/fixtures/networkx/
 * classic-graphs.json together with the graphs. networkx's undirected `Graph` cases use
 * `undirected: true` (src/metrics/centrality/undirected.ts). Where networkx reads a
 * missing `weight` as 1, the port sets weight 1 on every edge (chokepoint refuses a
 * length attribute missing everywhere as probably misspelt). Sampled cases pass the
 * pivots networkx's seed selects (stated in the test file), since our generator differs.
 * Tolerances are the test file's (abs 1e-7, or 1e-3 for 3-decimal tables).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessCsr, betweennessRecords, type BetweennessOptions } from '../../../src/metrics/centrality/betweenness.js';
import { buildCsr } from '../../../src/metrics/centrality/csr.js';
import { symmetricClosure } from '../../../src/metrics/centrality/undirected.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { graphOf } from './helpers.js';

type E = readonly [string | number, string | number, number?];
const graph = (edges: readonly E[], nodes: readonly (string | number)[] = []) => {
  const keys = [...new Set([...nodes.map(String), ...edges.flatMap(([u, v]) => [String(u), String(v)])])];
  return graphOf(keys, edges.map(([u, v, w]) => [String(u), String(v), w] as const));
};
const complete = (n: number): E[] => Array.from({ length: n }, (_u, u) => Array.from({ length: n - u - 1 }, (_v, j) => [u, u + j + 1] as E)).flat();
const path = (nodes: readonly (string | number)[]): E[] => nodes.slice(1).map((v, i) => [nodes[i] as string | number, v] as E);
const cycle = (n: number): E[] => [...path(Array.from({ length: n }, (_v, i) => i)), [n - 1, 0]];

function expectValues(actual: Record<string, number>, expected: Record<string | number, number>, abs = 1e-7): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).map(String).sort());
  for (const [key, value] of Object.entries(expected)) {
    if (Number.isNaN(value)) expect(actual[key]).toBeNaN();
    else expect(Math.abs((actual[key] as number) - value), key).toBeLessThanOrEqual(abs);
  }
}
const nodes = (edges: readonly E[], options: BetweennessOptions, extra: (string | number)[] = []) => betweenness(graph(edges, extra), options).nodes;
const halved = (answer: Record<string | number, number>) => Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, v / 2]));

const classic = JSON.parse(readFileSync(new URL('../../fixtures/networkx/classic-graphs.json', import.meta.url), 'utf8')) as {
  kite: { nodes: string[]; edges: [string, string][] };
  florentine: { nodes: string[]; edges: [string, string][] };
  lesmis: { nodes: string[]; edges: [string, string, number][] };
  expected: Record<string, Record<string, number>>;
};
const KITE = classic.kite.edges as E[];
const LADDER: E[] = [[0, 1], [0, 2], [1, 3], [2, 3], [2, 4], [4, 5], [3, 5]];
const KITE_RAW = { 0: 1.667, 1: 1.667, 2: 0.0, 3: 7.333, 4: 0.0, 5: 16.667, 6: 16.667, 7: 28.0, 8: 16.0, 9: 0.0 };
const KITE_NORMALIZED = { 0: 0.023, 1: 0.023, 2: 0.0, 3: 0.102, 4: 0.0, 5: 0.231, 6: 0.231, 7: 0.389, 8: 0.222, 9: 0.0 };
const withWeight1 = (edges: readonly E[]): E[] => edges.map(([u, v]) => [u, v, 1]);
const U = { undirected: true } as const;

describe('networkx TestBetweennessCentrality', () => {
  it('test_K5: 0 everywhere', () => expectValues(nodes(complete(5), { ...U, normalized: false }), { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 }));
  it('test_K5_endpoints: 4.0, normalized 0.4', () => {
    expectValues(nodes(complete(5), { ...U, normalized: false, endpoints: true }), { 0: 4, 1: 4, 2: 4, 3: 4, 4: 4 });
    expectValues(nodes(complete(5), { ...U, endpoints: true }), { 0: 0.4, 1: 0.4, 2: 0.4, 3: 0.4, 4: 0.4 });
  });
  it('test_P3_normalized and test_P3', () => {
    expectValues(nodes(path([0, 1, 2]), U), { 0: 0, 1: 1, 2: 0 });
    expectValues(nodes(path([0, 1, 2]), { ...U, normalized: false }), { 0: 0, 1: 1, 2: 0 });
  });
  it('test_P3_endpoints', () => {
    expectValues(nodes(path([0, 1, 2]), { ...U, normalized: false, endpoints: true }), { 0: 2, 1: 3, 2: 2 });
    expectValues(nodes(path([0, 1, 2]), { ...U, endpoints: true }), { 0: 2 / 3, 1: 1, 2: 2 / 3 });
  });
  it('test_krackhardt_kite_graph (abs 1e-3)', () => expectValues(nodes(KITE, { ...U, normalized: false }), halved(KITE_RAW), 1e-3));
  it('test_krackhardt_kite_graph_normalized (abs 1e-3)', () => expectValues(nodes(KITE, U), KITE_NORMALIZED, 1e-3));
  it('test_florentine_families_graph (abs 1e-3)', () => {
    expectValues(nodes(classic.florentine.edges as E[], U, classic.florentine.nodes), classic.expected['TestBetweennessCentrality.test_florentine_families_graph'] as Record<string, number>, 1e-3);
  });
  it('test_les_miserables_graph (abs 1e-3)', () => {
    const edges = classic.lesmis.edges.map(([u, v]) => [u, v] as E);
    expectValues(nodes(edges, U, classic.lesmis.nodes), classic.expected['TestBetweennessCentrality.test_les_miserables_graph'] as Record<string, number>, 1e-3);
  });
  it('test_ladder_graph (abs 1e-3)', () => {
    expectValues(nodes(LADDER, { ...U, normalized: false }), halved({ 0: 1.667, 1: 1.667, 2: 6.667, 3: 6.667, 4: 1.667, 5: 1.667 }), 1e-3);
  });
  it('test_disconnected_path and test_disconnected_path_endpoints', () => {
    const edges = [...path([0, 1, 2]), ...path([3, 4, 5, 6])];
    expectValues(nodes(edges, { ...U, normalized: false }), { 0: 0, 1: 1, 2: 0, 3: 0, 4: 2, 5: 2, 6: 0 });
    const answer = { 0: 2, 1: 3, 2: 2, 3: 3, 4: 5, 5: 5, 6: 3 };
    expectValues(nodes(edges, { ...U, normalized: false, endpoints: true }), answer);
    expectValues(nodes(edges, { ...U, endpoints: true }), Object.fromEntries(Object.entries(answer).map(([k, v]) => [k, v / 21])));
  });
  it('test_directed_path and test_directed_path_normalized', () => {
    expectValues(nodes(path([0, 1, 2]), { normalized: false }), { 0: 0, 1: 1, 2: 0 });
    expectValues(nodes(path([0, 1, 2]), {}), { 0: 0, 1: 0.5, 2: 0 });
  });
  it('test_k_out_of_bounds_raises (k > n), and k = n is the exact value', () => {
    expect(() => nodes(cycle(4), { ...U, sample: 5 })).toThrow('larger than the number of nodes');
    expect(nodes(cycle(4), { ...U, sample: 4 })).toEqual(nodes(cycle(4), U));
  });
});

/** Node betweenness from the given pivots (node keys), directed or undirected. */
function pivotNodes(edges: readonly E[], pivots: readonly number[], options: { undirected: boolean; normalized: boolean; endpoints: boolean }): Record<string, number> {
  const g = graph(edges);
  const base = options.undirected ? symmetricClosure(g, null).graph : g;
  const csr = buildCsr(base);
  const sources = Int32Array.from(pivots.map((p) => csr.nodeKeys.indexOf(String(p))));
  return betweennessRecords(csr, betweennessCsr(csr, { sources, normalized: options.normalized, endpoints: options.endpoints, undirected: options.undirected })).nodes;
}

describe('networkx TestBetweennessCentrality.test_scale_with_k_on_star_graph (seed=1, k=1 selects node 1)', () => {
  const star: E[] = [[0, 1], [0, 2], [0, 3], [0, 4]];
  const N = NaN;
  const cases: [boolean, boolean, boolean, number | null, number[]][] = [
    [true, true, true, null, [1.0, 0.4, 0.4, 0.4, 0.4]],
    [true, true, true, 1, [1.0, 1.0, 0.25, 0.25, 0.25]],
    [true, true, false, null, [1.0, 0.4, 0.4, 0.4, 0.4]],
    [true, true, false, 1, [1.0, 1.0, 0.25, 0.25, 0.25]],
    [true, false, true, null, [1.0, 0, 0, 0, 0]],
    [true, false, true, 1, [1.0, N, 0, 0, 0]],
    [true, false, false, null, [1.0, 0, 0, 0, 0]],
    [true, false, false, 1, [1.0, N, 0, 0, 0]],
    [false, true, true, null, [20, 8, 8, 8, 8]],
    [false, true, true, 1, [20, 20, 5, 5, 5]],
    [false, true, false, null, [10, 4, 4, 4, 4]],
    [false, true, false, 1, [10, 10, 2.5, 2.5, 2.5]],
    [false, false, true, null, [12, 0, 0, 0, 0]],
    [false, false, true, 1, [12, N, 0, 0, 0]],
    [false, false, false, null, [6, 0, 0, 0, 0]],
    [false, false, false, 1, [6, N, 0, 0, 0]],
  ];
  // is_directed: networkx's star_graph(4).to_directed(), i.e. both arcs of each edge.
  const starDirected: E[] = star.flatMap(([u, v]) => [[u, v], [v, u]] as E[]);
  it.each(cases)('normalized=%s endpoints=%s directed=%s k=%s', (normalized, endpoints, directed, k, expected) => {
    const edges = directed ? starDirected : star;
    const pivots = k === null ? [0, 1, 2, 3, 4] : [1];
    expectValues(pivotNodes(edges, pivots, { undirected: !directed, normalized, endpoints }), Object.fromEntries(expected.map((x, i) => [i, x])));
  });
  it('the public API refuses k = 1 without endpoints (networkx returns NaN for the pivot)', () => {
    expect(() => nodes(star, { ...U, sample: 1 })).toThrow('sample must be at least 2');
  });
});

describe('networkx TestBetweennessCentrality.test_scale_with_k_on_cycle_graph (seed=1, k=3 selects 0, 1 and 4)', () => {
  const cases: [boolean, boolean, boolean, number | null, number[]][] = [
    [true, true, true, null, [14 / 20, 14 / 20, 14 / 20, 14 / 20, 14 / 20]],
    [true, true, true, 3, [9 / 12, 11 / 12, 9 / 12, 6 / 12, 7 / 12]],
    [true, true, false, null, [10 / 20, 10 / 20, 10 / 20, 10 / 20, 10 / 20]],
    [true, true, false, 3, [8 / 12, 7 / 12, 4 / 12, 4 / 12, 7 / 12]],
    [true, false, true, null, [6 / 12, 6 / 12, 6 / 12, 6 / 12, 6 / 12]],
    [true, false, true, 3, [3 / 6, 5 / 6, 6 / 9, 3 / 9, 1 / 6]],
    [true, false, false, null, [2 / 12, 2 / 12, 2 / 12, 2 / 12, 2 / 12]],
    [true, false, false, 3, [2 / 6, 1 / 6, 1 / 9, 1 / 9, 1 / 6]],
    [false, true, true, null, [14, 14, 14, 14, 14]],
    [false, true, true, 3, [(9 * 5) / 3, (11 * 5) / 3, (9 * 5) / 3, (6 * 5) / 3, (7 * 5) / 3]],
    [false, true, false, null, [5, 5, 5, 5, 5]],
    [false, true, false, 3, [(8 * 5) / 6, (7 * 5) / 6, (4 * 5) / 6, (4 * 5) / 6, (7 * 5) / 6]],
    [false, false, true, null, [6, 6, 6, 6, 6]],
    [false, false, true, 3, [(3 * 4) / 2, (5 * 4) / 2, (6 * 4) / 3, (3 * 4) / 3, (1 * 4) / 2]],
    [false, false, false, null, [1, 1, 1, 1, 1]],
    [false, false, false, 3, [(2 * 4) / 4, (1 * 4) / 4, (1 * 4) / 6, (1 * 4) / 6, (1 * 4) / 4]],
  ];
  it.each(cases)('normalized=%s endpoints=%s directed=%s k=%s', (normalized, endpoints, directed, k, expected) => {
    const pivots = k === null ? [0, 1, 2, 3, 4] : [0, 1, 4];
    expectValues(pivotNodes(cycle(5), pivots, { undirected: !directed, normalized, endpoints }), Object.fromEntries(expected.map((x, i) => [i, x])));
  });
});

const WEIGHTED_G: E[] = [[0, 1, 3], [0, 2, 2], [0, 3, 6], [0, 4, 4], [1, 3, 5], [1, 5, 5], [2, 4, 1], [3, 4, 2], [3, 5, 1], [4, 5, 4]];
const G2: E[] = [['s', 'u', 10], ['s', 'x', 5], ['u', 'v', 1], ['u', 'x', 2], ['v', 'y', 1], ['x', 'u', 3], ['x', 'v', 5], ['x', 'y', 2], ['y', 's', 7], ['y', 'v', 6]];
const W = { undirected: true, weight: 'length' } as const;

describe('networkx TestWeightedBetweennessCentrality', () => {
  it('test_K5, test_P3_normalized, test_P3 (weight 1 everywhere)', () => {
    expectValues(nodes(withWeight1(complete(5)), { ...W, normalized: false }), { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0 });
    expectValues(nodes(withWeight1(path([0, 1, 2])), W), { 0: 0, 1: 1, 2: 0 });
    expectValues(nodes(withWeight1(path([0, 1, 2])), { ...W, normalized: false }), { 0: 0, 1: 1, 2: 0 });
  });
  it('test_krackhardt_kite_graph and _normalized (weight 1, abs 1e-3)', () => {
    expectValues(nodes(withWeight1(KITE), { ...W, normalized: false }), halved(KITE_RAW), 1e-3);
    expectValues(nodes(withWeight1(KITE), W), KITE_NORMALIZED, 1e-3);
  });
  it('test_florentine_families_graph (weight 1, abs 1e-3)', () => {
    expectValues(nodes(withWeight1(classic.florentine.edges as E[]), W, classic.florentine.nodes), classic.expected['TestWeightedBetweennessCentrality.test_florentine_families_graph'] as Record<string, number>, 1e-3);
  });
  it('test_les_miserables_graph (its weights, abs 1e-3)', () => {
    expectValues(nodes(classic.lesmis.edges as E[], W, classic.lesmis.nodes), classic.expected['TestWeightedBetweennessCentrality.test_les_miserables_graph'] as Record<string, number>, 1e-3);
  });
  it('test_ladder_graph (weight 1, abs 1e-3)', () => {
    expectValues(nodes(withWeight1(LADDER), { ...W, normalized: false }), halved({ 0: 1.667, 1: 1.667, 2: 6.667, 3: 6.667, 4: 1.667, 5: 1.667 }), 1e-3);
  });
  it('test_G', () => expectValues(nodes(WEIGHTED_G, { ...W, normalized: false }), { 0: 2, 1: 0, 2: 4, 3: 3, 4: 4, 5: 0 }));
  it('test_G2 (directed)', () => expectValues(nodes(G2, { weight: 'length', normalized: false }), { y: 5, x: 5, s: 4, u: 2, v: 2 }));
  it('test_G3 and test_G4 (multigraphs) are not ported: a graph file with parallel edges is refused (the stated rule)', () => {
    const node = (key: string) => ({ key, attributes: { stage: 'mining', country: 'CN' } });
    const edge = (length: number) => ({ source: 's', target: 'x', attributes: { flow: 1, length } });
    expect(() => parseGraph({ nodes: [node('s'), node('x')], edges: [edge(5), edge(6)] }, 'g4.json')).toThrow('parallel edge');
  });
});

const edgeValues = (edges: readonly E[], options: BetweennessOptions) => betweenness(graph(edges), options).edges;
const keyed = (answer: [string | number, string | number, number][], scale = 1) => Object.fromEntries(answer.map(([u, v, x]) => [`${u}->${v}`, x * scale]));
const BALANCED_TREE: E[] = [[0, 1], [0, 2], [1, 3], [1, 4], [2, 5], [2, 6]];
const TREE_ANSWER: [number, number, number][] = [[0, 1, 12], [0, 2, 12], [1, 3, 6], [1, 4, 6], [2, 5, 6], [2, 6, 6]];
const E_LIST: E[] = [[0, 1, 5], [0, 2, 4], [0, 3, 3], [0, 4, 2], [1, 2, 4], [1, 3, 1], [1, 4, 3], [2, 4, 5], [3, 4, 4]];
const E_ANSWER: [number, number, number][] = [[0, 1, 0], [0, 2, 1], [0, 3, 2], [0, 4, 1], [1, 2, 2], [1, 3, 3.5], [1, 4, 1.5], [2, 4, 1], [3, 4, 0.5]];

describe('networkx TestEdgeBetweennessCentrality', () => {
  it('test_K5 and test_normalized_K5', () => {
    const k5 = complete(5);
    expectValues(edgeValues(k5, { ...U, normalized: false }), keyed(k5.map(([u, v]) => [u, v, 1])));
    expectValues(edgeValues(k5, U), keyed(k5.map(([u, v]) => [u, v, 1 / 10])));
  });
  it('test_C4 (normalized: 2 / 6)', () => expectValues(edgeValues(cycle(4), U), keyed(cycle(4).map(([u, v]) => [u, v, 2 / 6]))));
  it('test_P4 and test_normalized_P4', () => {
    expectValues(edgeValues(path([0, 1, 2, 3]), { ...U, normalized: false }), keyed([[0, 1, 3], [1, 2, 4], [2, 3, 3]]));
    expectValues(edgeValues(path([0, 1, 2, 3]), U), keyed([[0, 1, 3], [1, 2, 4], [2, 3, 3]], 1 / 6));
  });
  it('test_balanced_tree', () => expectValues(edgeValues(BALANCED_TREE, { ...U, normalized: false }), keyed(TREE_ANSWER)));
  it('test_edge_betweenness_k (k = 2, seed 42 selects 0 and 2): 9 / 4, normalized 3 / 4', () => {
    const closure = symmetricClosure(graph(path([0, 1, 2])), null);
    const csr = buildCsr(closure.graph);
    const sources = Int32Array.from([0, 2].map((p) => csr.nodeKeys.indexOf(String(p))));
    for (const [normalized, want] of [[false, 9 / 4], [true, 3 / 4]] as const) {
      const arcs = betweennessRecords(csr, betweennessCsr(csr, { sources, normalized, undirected: true })).edges;
      const folded = Object.fromEntries([...closure.arcs].map(([key, [a, b]]) => [key, (arcs[a] ?? 0) + (arcs[b] ?? 0)]));
      expectValues(folded, { '0->1': want, '1->2': want });
    }
  });
});

describe('networkx TestWeightedEdgeBetweennessCentrality', () => {
  it('test_K5, test_C4, test_P4, test_balanced_tree (weight 1)', () => {
    expectValues(edgeValues(withWeight1(complete(5)), { ...W, normalized: false }), keyed(complete(5).map(([u, v]) => [u, v, 1])));
    expectValues(edgeValues(withWeight1(cycle(4)), { ...W, normalized: false }), keyed(cycle(4).map(([u, v]) => [u, v, 2])));
    expectValues(edgeValues(withWeight1(path([0, 1, 2, 3])), { ...W, normalized: false }), keyed([[0, 1, 3], [1, 2, 4], [2, 3, 3]]));
    expectValues(edgeValues(withWeight1(BALANCED_TREE), { ...W, normalized: false }), keyed(TREE_ANSWER));
  });
  it('test_weighted_graph and test_normalized_weighted_graph (norm n(n-1)/2)', () => {
    expectValues(edgeValues(E_LIST, { ...W, normalized: false }), keyed(E_ANSWER));
    expectValues(edgeValues(E_LIST, W), keyed(E_ANSWER, 1 / 10));
  });
});
