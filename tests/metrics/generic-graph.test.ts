/**
 * The generic-graph path (issue 10): a networkx-written GraphML of a scale-free graph
 * with no stage, country or flow (tests/fixtures/networkx/scale-free.graphml, written by
 * scripts/fixtures/scale_free.py with networkx 2.8.8) loads through the library, and the
 * graph metrics equal networkx's (scale-free.json, same script): betweenness
 * (`betweenness_centrality`, `edge_betweenness_centrality`), PageRank (`pagerank`,
 * weight=None and weight="weight"), degree, closeness (`closeness_centrality`), weakly
 * and strongly connected components, maximum flow / minimum cut values for s-t pairs
 * (capacity="capacity", and unit capacities). The supply-chain analyses refuse the graph
 * with a UsageError naming what it lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { betweenness, computeMetrics, degree, evaluateScenario, loadGraph, maxFlow, pagerank, stageConcentration, supplyRisk, throughput, UsageError, type SupplyGraph } from '../../src/index.js';
import { closeness } from '../../src/metrics/centrality/closeness.js';
import { components } from '../../src/metrics/graph/components.js';
import { sweepScenarios } from '../../src/scenario/sweep.js';
import { solveAllocation } from '../../src/allocation/solve-allocation.js';
import { graphStyles } from '../../src/formats/map-style.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'networkx');
const GRAPHML = join(DIR, 'scale-free.graphml');
interface Expected {
  nodes: number;
  edges: number;
  betweenness: Record<string, number>;
  edgeBetweenness: Record<string, number>;
  pagerank: Record<string, number>;
  pagerankWeight: Record<string, number>;
  inDegree: Record<string, number>;
  outDegree: Record<string, number>;
  closeness: Record<string, number>;
  weakComponents: string[][];
  strongComponents: string[][];
  flows: { source: string; target: string; maxFlow: number; minCut: number; unitMaxFlow: number }[];
  /** x, y, color per node as nx.read_graphml read them from chokepoint's GraphML export. */
  exported: Record<string, [number, number, string | null]>;
}
const expected = JSON.parse(readFileSync(join(DIR, 'scale-free.json'), 'utf8')) as Expected;

/** Every key of `want` in `got`, equal within `rel` of the larger magnitude (absolute `abs` near 0). */
function expectClose(got: Record<string, number>, want: Record<string, number>, rel: number, abs = 1e-12): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [key, value] of Object.entries(want)) {
    const diff = Math.abs((got[key] as number) - value);
    if (diff > Math.max(abs, rel * Math.max(Math.abs(value), Math.abs(got[key] as number)))) expect.fail(`${key}: got ${got[key]}, networkx ${value}`);
  }
}

/** Components as sorted lists of sorted node lists, from node -> component number. */
function partition(byNode: Record<string, number>): string[][] {
  const groups = new Map<number, string[]>();
  for (const [node, c] of Object.entries(byNode)) groups.set(c, [...(groups.get(c) ?? []), node]);
  const sortStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].map((g) => g.sort(sortStrings)).sort((a, b) => sortStrings(a.join('\u0000'), b.join('\u0000')));
}
/** Python's sort order of the fixture (code points), for comparing partitions. */
const pythonSorted = (lists: string[][]): string[][] => partition(Object.fromEntries(lists.flatMap((list, i) => list.map((node) => [node, i]))));

let graph: SupplyGraph;
beforeAll(async () => {
  ({ graph } = await loadGraph(GRAPHML));
});

describe('a generic graph (networkx scale-free GraphML, no stage/country/flow)', () => {
  it('loads with its graph-level data and every node and edge', () => {
    expect(graph.order).toBe(expected.nodes);
    expect(graph.size).toBe(expected.edges);
    expect(graph.getAttribute('name')).toBe('scale-free 200');
    expect(graph.getNodeAttribute('n0', 'stage')).toBeUndefined();
  });

  it('betweenness equals networkx betweenness_centrality and edge_betweenness_centrality', () => {
    const result = betweenness(graph);
    expectClose(result.nodes, expected.betweenness, 1e-9);
    expectClose(result.edges, expected.edgeBetweenness, 1e-9);
  });

  it('PageRank equals networkx pagerank (weight=None by default here: no flow; weight="weight" on request)', () => {
    // Both iterate to L1 change < n x 1e-6, so they agree to about 1e-5 relative.
    expectClose(pagerank(graph), expected.pagerank, 1e-4);
    expectClose(pagerank(graph, { weight: 'weight' }), expected.pagerankWeight, 1e-4);
  });

  it('degree and closeness equal networkx in_degree/out_degree and closeness_centrality', () => {
    const d = degree(graph);
    expect(d.inDegree).toEqual(expected.inDegree);
    expect(d.outDegree).toEqual(expected.outDegree);
    expectClose(closeness(graph), expected.closeness, 1e-12);
  });

  it('components equal networkx weakly_ and strongly_connected_components', () => {
    const c = components(graph);
    expect(partition(c.weak)).toEqual(pythonSorted(expected.weakComponents));
    expect(partition(c.strong)).toEqual(pythonSorted(expected.strongComponents));
    expect(c.weakCount).toBe(expected.weakComponents.length);
    expect(c.strongCount).toBe(expected.strongComponents.length);
  });

  it('max flow and min cut between s-t pairs equal networkx maximum_flow_value / minimum_cut (capacity="capacity")', () => {
    for (const pair of expected.flows) {
      const result = maxFlow(graph, { sources: [pair.source], targets: [pair.target] });
      expect(result.value, `${pair.source} -> ${pair.target}`).toBeCloseTo(pair.maxFlow, 9);
      expect(result.minCut.capacity).toBeCloseTo(pair.minCut, 9);
      const cutCapacity = result.minCut.edges.reduce((sum, edge) => sum + (graph.getEdgeAttribute(edge, 'capacity') as number), 0);
      expect(cutCapacity).toBeCloseTo(pair.minCut, 9);
    }
  });

  it('without capacity or flow every edge has capacity 1 (networkx with capacity=1 on every edge)', () => {
    const bare = graph.copy();
    bare.forEachEdge((edge) => bare.removeEdgeAttribute(edge, 'capacity'));
    for (const pair of expected.flows) {
      expect(maxFlow(bare, { sources: [pair.source], targets: [pair.target] }).value).toBe(pair.unitMaxFlow);
    }
  });

  it('the metrics report computes the graph metrics, notes the supply-chain ones it left out, and says "units"', () => {
    const report = computeMetrics(graph);
    expect(report.metrics).toEqual(['betweenness', 'knockoutLoss', 'minCut', 'degree', 'pagerank']);
    expect(report.graph.unit).toBe('units');
    expect(report.stages).toEqual([]);
    expect(report.countries).toEqual([]);
    expect(report.supply.observed).toBeUndefined();
    const row = report.nodes.find((n) => n.id === 'n0');
    expect(row?.stage).toBeUndefined();
    expectClose(Object.fromEntries(report.nodes.map((n) => [n.id, n.betweenness as number])), expected.betweenness, 1e-9);
    const named = computeMetrics(graph, { metrics: ['closeness', 'components'] });
    expectClose(Object.fromEntries(named.nodes.map((n) => [n.id, n.closeness as number])), expected.closeness, 1e-12);
    expect(partition(Object.fromEntries(named.nodes.map((n) => [n.id, n.strongComponent as number])))).toEqual(pythonSorted(expected.strongComponents));
  });

  it('the GraphML export carries the map layout networkx reads back (nx.read_graphml, scale_free.py): columns by depth, no colour without a country', () => {
    const styles = graphStyles(graph);
    expect(Object.fromEntries(Object.entries(styles).map(([node, s]) => [node, [s.x, s.y, s.color ?? null]]))).toEqual(expected.exported);
    // Sources (no in-edge) sit in column 0; every edge into a node at depth d > 0 comes from depth >= d - 1.
    graph.forEachNode((node) => {
      if (graph.inDegree(node) === 0) expect(styles[node]?.x).toBe(0);
    });
  });

  it('supply-chain analyses refuse it with a UsageError naming what is missing', () => {
    expect(() => computeMetrics(graph, { metrics: ['concentration'] })).toThrow(UsageError);
    expect(() => computeMetrics(graph, { metrics: ['concentration'] })).toThrow('metric concentration needs stages: node "n0" has no stage (nor do 199 others)');
    expect(() => computeMetrics(graph, { metrics: ['throughput'] })).toThrow('metric throughput needs flows: edge "n0 -> n1" has no flow');
    expect(() => stageConcentration(graph)).toThrow('concentration needs stages');
    expect(() => supplyRisk(graph, [])).toThrow('supplyRisk needs stages');
    expect(() => throughput(graph)).toThrow('throughput needs flows');
    expect(() => evaluateScenario(graph, { name: 'x', actions: [] })).toThrow(/^scenario needs stages: node "n0" has no stage .*give every node a "stage" attribute/);
    expect(() => sweepScenarios(graph)).toThrow('sweep needs stages');
    expect(() => solveAllocation(graph)).toThrow('allocation needs countries: node "n0" has no country');
  });
});
