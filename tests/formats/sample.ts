/** A small supply graph and a hand-built metrics report for the format tests. */
import { parseGraph } from '../../src/model/parse-graph.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import type { MetricsReport } from '../../src/metrics/report-types.js';

export const SAMPLE_DATA = {
  attributes: {
    name: 'Sample chain',
    description: 'Test data for exports & imports',
    unit: 't REO/yr',
    year: 2024,
    countries: { CN: { name: 'China', governance: 3.9 } },
  },
  nodes: [
    { key: 'cn-mine', attributes: { label: 'Bayan Obo <mine> & "co"', stage: 'mining', country: 'CN', capacity: 210000, source: 'USGS', operator: "Baotou's steel" } },
    { key: 'au-mine', attributes: { label: 'Mount Weld', stage: 'mining', country: 'AU', capacity: 12.5, confidence: 'high' } },
    { key: 'cn-sep', attributes: { stage: 'separation', country: 'CN', notes: 'line one\nline two' } },
    { key: 'my-sep', attributes: { label: 'Lynas Malaysia', stage: 'separation', country: 'MY' } },
    { key: 'jp-magnet', attributes: { label: 'Magnets (Japan) é', stage: 'magnet', country: 'JP' } },
    { key: 'se-mine', attributes: { label: 'Norra Kärr', stage: 'mining', country: 'SE', status: 'prospective', startYear: 2030 } },
  ],
  edges: [
    { source: 'cn-mine', target: 'cn-sep', attributes: { flow: 200000, material: 'mixed concentrate', source: 'USGS' } },
    { source: 'au-mine', target: 'my-sep', attributes: { flow: 10.5, capacity: 12, material: 'mixed concentrate', share: 0.25 } },
    { key: 'cn-japan', source: 'cn-sep', target: 'jp-magnet', attributes: { flow: 90, material: 'NdPr oxide' } },
    { source: 'my-sep', target: 'jp-magnet', attributes: { flow: 10, capacity: 20 } },
    { source: 'se-mine', target: 'my-sep', attributes: { flow: 0, capacity: 5 } },
  ],
};

export function sampleGraph(): SupplyGraph {
  return parseGraph(structuredClone(SAMPLE_DATA), 'sample.json').graph;
}

const node = (id: string, fields: Partial<MetricsReport['nodes'][number]>) => ({ id, label: id, stage: 'mining', country: 'CN', status: 'operating', ...fields });

/** Hand-built (not computed): only its shape matters to the exporters. */
export function sampleReport(): MetricsReport {
  return {
    graph: { name: 'Sample chain', nodes: 6, edges: 5, unit: 't REO/yr', year: 2024 },
    nodes: [
      node('cn-mine', { betweenness: 0, throughput: 200000, flowShare: 0.9, knockoutLoss: 0.95, minCut: true, inDegree: 0, outDegree: 1 }),
      node('au-mine', { betweenness: 0, throughput: 10.5, flowShare: 0.1, knockoutLoss: 0.05, minCut: false, inDegree: 0, outDegree: 1 }),
      node('cn-sep', { betweenness: 0.125, throughput: 200000, flowShare: Number.NaN, minCut: false, inDegree: 1, outDegree: 1 }),
      node('my-sep', { betweenness: 0.25, throughput: 10.5, minCut: false, inDegree: 2, outDegree: 1 }),
      node('jp-magnet', { betweenness: 0, throughput: 100, minCut: false, inDegree: 2, outDegree: 0 }),
      node('se-mine', { betweenness: 0, throughput: 0, minCut: false, inDegree: 0, outDegree: 1 }),
    ],
    edges: [
      { id: 'cn-mine->cn-sep', source: 'cn-mine', target: 'cn-sep', betweenness: 0.1, flow: 200000, capacity: 200000, minCut: true },
      { id: 'au-mine->my-sep', source: 'au-mine', target: 'my-sep', betweenness: 0.1, flow: 10.5, capacity: 12, minCut: false },
      { id: 'cn-japan', source: 'cn-sep', target: 'jp-magnet', betweenness: 0.2, flow: 90, capacity: 90, minCut: false },
      { id: 'my-sep->jp-magnet', source: 'my-sep', target: 'jp-magnet', betweenness: 0.3, flow: 10, capacity: 20, minCut: false },
      { id: 'se-mine->my-sep', source: 'se-mine', target: 'my-sep', betweenness: 0.1, flow: 0, capacity: 5, minCut: false },
    ],
    stages: [],
    countries: [],
    supply: { maxFlow: 100, observed: 100 },
    metrics: ['betweenness', 'throughput', 'flowShare', 'knockoutLoss', 'minCut', 'degree'],
  };
}

/** The metric attributes `withMetrics` attaches for `sampleReport()`, per node. */
export const METRIC_NODE_FIELDS = ['betweenness', 'throughput', 'flowShare', 'knockoutLoss', 'minCut', 'inDegree', 'outDegree'];
