/** Shared test data for the page's pure functions: the mini fixture graph and a hand-made report. */
import { readFileSync } from 'node:fs';
import type { MetricsReport, NodeMetrics } from '../../src/metrics/report-types.js';
import type { GraphData } from '../../web/src/elements.js';

export const MINI: GraphData = JSON.parse(readFileSync(new URL('../fixtures/server/graphs/mini.json', import.meta.url), 'utf8')) as GraphData;

/** A report whose values are chosen by hand (not computed): the page only maps them. */
export function handReport(values: Record<string, Partial<NodeMetrics>> = {}): MetricsReport {
  return {
    graph: { name: 'mini', nodes: MINI.nodes.length, edges: MINI.edges.length, unit: 't REO/yr' },
    nodes: MINI.nodes.map((n) => ({
      id: n.key,
      label: n.attributes.label ?? n.key,
      stage: n.attributes.stage,
      country: n.attributes.country,
      status: n.attributes.status ?? 'operating',
      knockoutLoss: 0,
      betweenness: 0,
      flowShare: 0,
      ...values[n.key],
    })),
    edges: MINI.edges.map((e) => ({ id: `${e.source}->${e.target}`, source: e.source, target: e.target, flow: e.attributes.flow, capacity: e.attributes.capacity ?? e.attributes.flow })),
    stages: [],
    countries: [],
    supply: { observed: 255 },
    metrics: ['knockoutLoss', 'betweenness', 'flowShare'],
  };
}
