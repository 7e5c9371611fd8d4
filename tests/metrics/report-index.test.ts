/**
 * The report reads one graph index (issue 15): its values must equal, bit for bit, those
 * of each metric computed the old way on a graphology graph (graphology-reference.ts),
 * on the default dataset and on generated graphs with recycling loops, non-operating
 * nodes and node keys that are numbers (which graphology walks in a different order).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { readGraphFile } from '../../src/io/read-graph.js';
import { buildMetrics } from '../../src/metrics/report.js';
import { supplyRiskOfShares } from '../../src/metrics/concentration/supply-risk.js';
import type { MetricsReport } from '../../src/metrics/report-types.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { indexGraph, keptIndex, operatingIndex, operatingOverlay } from '../../src/model/graph-index.js';
import { graphologyEdgeOrder } from '../../src/model/index-graphology.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { referenceMetrics } from './graphology-reference.js';

const DEFAULT_DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');
const ALL = ['betweenness', 'throughput', 'flowShare', 'knockoutLoss', 'minCut', 'concentration', 'supplyRisk', 'degree', 'pagerank', 'origin', 'closeness', 'components'] as const;

interface Generated {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { source: string; target: string }[];
}

/** A generated graph with back edges, every `offEvery`-th node planned, keys renamed by `rename`. */
function generated(nodes: number, seed: number, offEvery: number, rename: (key: string, i: number) => string = (key) => key): SupplyGraph {
  const data = generateSupplyGraph({ nodes, seed, backEdges: 0.08 }) as unknown as Generated;
  const names = new Map(data.nodes.map((node, i) => [node.key, rename(node.key, i)]));
  data.nodes.forEach((node, i) => {
    node.key = names.get(node.key) as string;
    if (i % offEvery === offEvery - 1) node.attributes.status = 'planned';
  });
  for (const edge of data.edges) {
    edge.source = names.get(edge.source) as string;
    edge.target = names.get(edge.target) as string;
  }
  return parseGraph(data, 'generated.json').graph;
}

/** Compares every field of the report with the old graphology computations, exactly. */
function expectSameAsGraphology(graph: SupplyGraph, report: MetricsReport): void {
  const ref = referenceMetrics(graph);
  const on = (id: string) => ref.active.hasNode(id);
  for (const row of report.nodes) {
    const active = on(row.id);
    expect(row.betweenness, `betweenness of ${row.id}`).toBe(active ? ref.betweenness.nodes[row.id] : 0);
    expect(row.throughput, `throughput of ${row.id}`).toBe(active ? ref.throughput[row.id] : 0);
    expect(row.flowShare, `flowShare of ${row.id}`).toBe(active ? ref.flowShare[row.id] : 0);
    expect(row.inDegree).toBe(active ? ref.inDegree[row.id] : 0);
    expect(row.outDegree).toBe(active ? ref.outDegree[row.id] : 0);
    expect(row.pagerank, `pagerank of ${row.id}`).toBe(active ? ref.pagerank[row.id] : 0);
    expect(row.closeness, `closeness of ${row.id}`).toBe(active ? ref.closeness[row.id] : 0);
    expect(row.weakComponent).toBe(active ? ref.weak[row.id] : undefined);
    expect(row.strongComponent).toBe(active ? ref.strong[row.id] : undefined);
    expect(row.origin, `origin of ${row.id}`).toEqual(active ? ref.origin[row.id] : { mining: {}, separation: {} });
    expect(row.knockoutLoss, `knockoutLoss of ${row.id}`).toBe(active ? ref.knockout.nodes[row.id] : 0);
    expect(row.minCut).toBe(ref.minCut.nodes.includes(row.id));
  }
  for (const row of report.edges) {
    expect(row.betweenness, `betweenness of edge ${row.id}`).toBe(ref.betweenness.edges[row.id] ?? 0);
    expect(row.minCut).toBe(ref.minCut.edges.includes(row.id));
  }
  const risk = supplyRiskOfShares(ref.stages, graph.getAttributes().countries ?? {});
  expect(report.stages).toEqual(ref.stages.map((row) => ({ ...row, supplyRisk: risk.stages[row.stage] ?? null })));
  for (const row of report.countries) expect(row.knockoutLoss, `knockoutLoss of ${row.country}`).toBe(ref.knockout.countries[row.country] ?? 0);
  expect(report.supply).toEqual({ maxFlow: ref.maxFlow, observed: ref.observed });
}

describe('the metrics report on one graph index', () => {
  it('equals the graphology computations field by field on the default dataset', async () => {
    const { graph } = await readGraphFile(DEFAULT_DATASET);
    expectSameAsGraphology(graph, buildMetrics(graph, { metrics: [...ALL] }).report);
  });

  it('equals them on generated graphs with loops and planned nodes', () => {
    for (const seed of [3, 8]) {
      const graph = generated(240, seed, 7);
      expect(graph.someNode((_n, a) => a.status !== 'operating')).toBe(true);
      expectSameAsGraphology(graph, buildMetrics(graph, { metrics: [...ALL] }).report);
    }
  });

  it('equals them when node keys are numbers (graphology walks those neighbours in numeric order)', () => {
    // Keys renamed to a scrambled numbering, so numeric order differs from insertion order.
    const graph = generated(200, 5, 9, (_key, i) => String((i * 37) % 211));
    const index = indexGraph(graph);
    expect(graphologyEdgeOrder(index).outEdges).not.toBe(index.outEdges);
    expectSameAsGraphology(graph, buildMetrics(graph, { metrics: [...ALL] }).report);
  });

  it('takes the index from the caller and gives the same report', () => {
    const graph = generated(120, 2, 5);
    const index = indexGraph(graph);
    const direct = buildMetrics(graph, { metrics: [...ALL] });
    expect(buildMetrics(graph, { metrics: [...ALL] }, { index, active: operatingIndex(index) })).toEqual(direct);
    expect(buildMetrics(graph, { metrics: [...ALL] }, { index })).toEqual(direct);
  });
});

describe('keptIndex', () => {
  it('is indexGraph of activeSubgraph under the operating overlay, and the index itself when nothing is off', async () => {
    const graph = generated(90, 4, 4);
    const index = indexGraph(graph);
    const kept = keptIndex(index, operatingOverlay(index));
    const ref = referenceMetrics(graph).active;
    const direct = indexGraph(ref);
    expect(kept.nodes).toEqual(direct.nodes);
    expect(kept.edges).toEqual(direct.edges);
    for (const field of ['edgeSource', 'edgeTarget', 'edgeFlow', 'edgeCapacity', 'nodeCapacity', 'outOffsets', 'outEdges', 'inOffsets', 'inEdges', 'inDegree', 'outDegree'] as const) {
      expect(Array.from(kept[field]), field).toEqual(Array.from(direct[field]));
    }
    expect(kept.country).toEqual(direct.country);
    const { graph: all } = await readGraphFile(DEFAULT_DATASET);
    all.forEachNode((node) => all.setNodeAttribute(node, 'status', 'operating'));
    const whole = indexGraph(all);
    expect(operatingIndex(whole)).toBe(whole);
  });

  it('applies capacity overrides and switched-off edges', () => {
    const graph = generated(40, 1, 1000);
    const index = indexGraph(graph);
    const edgeOff = new Uint8Array(index.m);
    edgeOff[0] = 1;
    const kept = keptIndex(index, { edgeOff, nodeCapacity: new Map([[3, 7]]), edgeCapacity: new Map([[1, 9], [0, 5]]) });
    expect(kept.m).toBe(index.m - 1);
    expect(kept.edges[0]).toBe(index.edges[1]);
    expect(kept.edgeCapacity[0]).toBe(9);
    expect(kept.nodeCapacity[3]).toBe(7);
    expect(index.nodeCapacity[3]).not.toBe(7);
  });
});
