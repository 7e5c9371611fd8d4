import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { betweenness } from '../../src/metrics/centrality/betweenness.js';
import { buildMetrics, computeMetrics } from '../../src/metrics/report.js';
import { METRIC_NAMES } from '../../src/metrics/report-types.js';
import { metricsCsv, tableRows } from '../../src/metrics/tables.js';
import { InputError, UsageError } from '../../src/model/errors.js';
import { activeSubgraph } from '../../src/model/graph.js';
import { flowFixtures } from './flow/flow-fixtures.js';

const fixture = (name: string) => flowFixtures().find((f) => f.name === name)!;
const CHAIN = fixture('chain').graph;
const DISCONNECTED = fixture('disconnected').graph;
const DEFAULT_DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');

describe('computeMetrics', () => {
  it('computes every metric by default (shadowPrice, an LP, origin, a table per node, closeness and components only when named), in the stable shape', () => {
    const report = computeMetrics(CHAIN);
    expect(report.metrics).toEqual(METRIC_NAMES.filter((name) => !['shadowPrice', 'origin', 'closeness', 'components'].includes(name)));
    // The chain names no unit: "units", never t REO/yr for a graph that did not say so (issue 10).
    expect(report.graph).toEqual({ name: 'hand chain', nodes: 5, edges: 5, unit: 'units' });
    // Hand-computed in tests/metrics/flow/max-flow.test.ts: maxFlow 80; observed = flow
    // into the sink c = 70 + 20.
    expect(report.supply).toEqual({ maxFlow: 80, observed: 90 });
    const b = report.nodes.find((n) => n.id === 'b')!;
    expect(Object.keys(b)).toEqual(['id', 'label', 'stage', 'country', 'status', 'betweenness', 'throughput', 'flowShare', 'knockoutLoss', 'minCut', 'inDegree', 'outDegree', 'pagerank']);
    expect(b).toMatchObject({ label: 'b', stage: 'separation', country: 'CN', status: 'operating', throughput: 80, minCut: true, inDegree: 2, outDegree: 1 });
    expect(b.knockoutLoss).toBeCloseTo(0.75, 12);
    // Separation throughput: b 80, e 20.
    expect(b.flowShare).toBeCloseTo(0.8, 12);
    expect(report.edges.filter((e) => e.minCut).map((e) => e.id)).toEqual(['e->c']);
    expect(report.edges.find((e) => e.id === 'd->b')).toMatchObject({ source: 'd', target: 'b', flow: 30, capacity: 40, minCut: false });
    expect(report.countries.map((c) => [c.country, c.name, c.knockoutLoss, c.throughput])).toEqual([
      ['AU', 'Australia', 0.375, 50],
      ['CN', 'China', 0.75, 130],
      ['JP', 'Japan', 1, 90],
      ['MY', 'Malaysia', 0.25, 20],
    ]);
    const mining = report.stages[0]!;
    // Mining throughput a 50, d 50: CN 0.5, AU 0.5, HHI 0.5; risk 0.25 * 7 + 0.25 * 1.5.
    expect(mining).toMatchObject({ stage: 'mining', throughput: 100, hhi: 0.5, topCountry: 'AU', topShare: 0.5, shares: { AU: 0.5, CN: 0.5 } });
    expect(mining.supplyRisk).toBeCloseTo(2.125, 12);
    expect(report.stages.find((s) => s.stage === 'refining')).toMatchObject({ hhi: null, topCountry: null, supplyRisk: null });
  });

  it('uses betweenness on the active graph, with 0 for inactive nodes', () => {
    const report = computeMetrics(DISCONNECTED, { metrics: ['betweenness'] });
    const expected = betweenness(activeSubgraph(DISCONNECTED));
    for (const row of report.nodes) expect(row.betweenness).toBe(expected.nodes[row.id] ?? 0);
    for (const row of report.edges) expect(row.betweenness).toBe(expected.edges[row.id] ?? 0);
  });

  it('lists inactive nodes with 0 / false values and their status', () => {
    const report = computeMetrics(DISCONNECTED);
    const planned = report.nodes.find((n) => n.id === 'p1')!;
    expect(planned).toMatchObject({ status: 'planned', betweenness: 0, throughput: 0, flowShare: 0, knockoutLoss: 0, minCut: false, inDegree: 0, outDegree: 0, pagerank: 0 });
    expect(report.edges.find((e) => e.id === 'p1->b3')).toMatchObject({ betweenness: 0, minCut: false });
    expect(report.countries.find((c) => c.country === 'CA')).toEqual({ country: 'CA', name: 'CA', knockoutLoss: 0, throughput: 0 });
    expect(report.supply.maxFlow).toBeCloseTo(fixture('disconnected').expected.maxFlow, 9);
  });

  it('computes only the metrics named', () => {
    const report = computeMetrics(CHAIN, { metrics: ['throughput'] });
    expect(report.metrics).toEqual(['throughput']);
    expect(Object.keys(report.nodes[0]!)).toEqual(['id', 'label', 'stage', 'country', 'status', 'throughput']);
    expect(Object.keys(report.edges[0]!)).toEqual(['id', 'source', 'target', 'flow', 'capacity']);
    expect(report.stages).toEqual([]);
    expect(report.supply).toEqual({ observed: 90 });
    expect(report.countries[0]).toEqual({ country: 'AU', name: 'Australia', throughput: 50 });
    expect(computeMetrics(CHAIN, { metrics: ['minCut'] }).supply.maxFlow).toBe(80);
    expect(computeMetrics(CHAIN, { metrics: ['supplyRisk'] }).stages[0]).toHaveProperty('supplyRisk');
  });

  it('explains nulls and zero flows in notes', () => {
    expect(buildMetrics(fixture('zero').graph).notes).toEqual([
      'maxFlow is 0: nothing can reach a sink, so every knockoutLoss is 0 and the minimum cut is trivial',
      "supplyRisk: the graph's country table has no governance scores; every stage is null",
    ]);
  });

  it('refuses unknown metrics and options, and betweenness options without betweenness', () => {
    expect(() => computeMetrics(CHAIN, { metrics: ['betweeness'] } as never)).toThrow(/unknown metric "betweeness" \(valid: betweenness, throughput/);
    expect(() => computeMetrics(CHAIN, { metrics: [] })).toThrow(UsageError);
    expect(() => computeMetrics(CHAIN, { metric: ['throughput'] } as never)).toThrow(UsageError);
    expect(() => computeMetrics(CHAIN, { metrics: ['throughput'], weight: 'flow' })).toThrow(/only apply to betweenness/);
    expect(() => computeMetrics(CHAIN, { sample: 0 })).toThrow(UsageError);
    expect(() => computeMetrics(CHAIN, null as never)).toThrow(/options must be an object/);
    expect(() => computeMetrics(CHAIN, { metrics: 'throughput' } as never)).toThrow(/must be a list of metric names/);
  });

  it('checks the betweenness weight attribute on every edge', () => {
    expect(() => computeMetrics(CHAIN, { weight: 'distance' })).toThrow(UsageError);
    const graph = CHAIN.copy();
    graph.setEdgeAttribute('a->b', 'distance', 2);
    expect(() => computeMetrics(graph, { weight: 'distance' })).toThrow(InputError);
    graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, 'distance', 1));
    expect(computeMetrics(graph, { weight: 'distance', metrics: ['betweenness'] }).nodes[0]?.betweenness).toBe(0);
  });

  it('does not change the graph', () => {
    const before = JSON.stringify(DISCONNECTED.export());
    computeMetrics(DISCONNECTED);
    expect(JSON.stringify(DISCONNECTED.export())).toBe(before);
  });

  it.skipIf(!existsSync(DEFAULT_DATASET))('finds China at about 0.69 of mining and a mining HHI of about 0.50 in the default dataset', async () => {
    const { graph } = await readGraphFile(DEFAULT_DATASET);
    const mining = computeMetrics(graph, { metrics: ['concentration'] }).stages.find((s) => s.stage === 'mining')!;
    expect(mining.topCountry).toBe('CN');
    expect(Math.abs(mining.topShare - 0.69)).toBeLessThanOrEqual(0.02);
    expect(Math.abs((mining.hhi ?? NaN) - 0.5)).toBeLessThanOrEqual(0.02);
  });
});

describe('metrics tables', () => {
  const report = computeMetrics(CHAIN);

  it('flattens stage shares into share_CC columns', () => {
    const { columns, rows } = tableRows(report, 'stages');
    expect(columns).toEqual(['stage', 'throughput', 'hhi', 'topCountry', 'topShare', 'supplyRisk', 'share_AU', 'share_CN', 'share_JP', 'share_MY']);
    expect(rows[0]).toMatchObject({ stage: 'mining', share_AU: 0.5, share_CN: 0.5, share_JP: 0, share_MY: 0 });
    expect(rows.find((r) => r.stage === 'refining')).toMatchObject({ hhi: null, share_CN: null });
  });

  it('writes CSV with the JSON field names, empty cells for null and true/false', () => {
    const csv = metricsCsv(report, 'stages').split('\n');
    expect(csv[0]).toBe('stage,throughput,hhi,topCountry,topShare,supplyRisk,share_AU,share_CN,share_JP,share_MY');
    expect(csv[3]).toBe('refining,0,,,0,,,,,');
    const nodes = metricsCsv(report, 'nodes').split('\n');
    expect(nodes[0]).toBe('id,label,stage,country,status,betweenness,throughput,flowShare,knockoutLoss,minCut,inDegree,outDegree,pagerank');
    expect(nodes[3]).toMatch(/^b,b,separation,CN,operating,[\d.e-]+,80,0\.8,0\.75,true,2,1,/);
    expect(metricsCsv(report, 'countries').split('\n')[0]).toBe('country,name,knockoutLoss,throughput');
    expect(metricsCsv(report, 'edges').split('\n')[0]).toBe('id,source,target,betweenness,flow,capacity,minCut');
  });

  it('refuses an unknown table', () => {
    expect(() => metricsCsv(report, 'links' as never)).toThrow(/unknown table "links" \(valid: nodes, edges, stages, countries\)/);
  });
});
