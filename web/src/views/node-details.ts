/** The clicked node: its attributes and metrics. */
import type { NodeMetrics } from '../../../src/metrics/report-types.js';
import { h } from '../dom.js';
import type { GraphData } from '../elements.js';
import { formatPercent, formatScore, formatTonnes } from '../format.js';

const ATTRIBUTES = ['stage', 'country', 'status', 'startYear', 'capacity', 'sector', 'confidence', 'source', 'notes'] as const;

export function renderNodeDetails(container: Element, node: GraphData['nodes'][number] | undefined, metrics: NodeMetrics | undefined, countryName: (code: string) => string): void {
  if (!node) {
    container.replaceChildren(h('p', { class: 'hint' }, 'Click a node to see its attributes and metrics.'));
    return;
  }
  const a = node.attributes;
  const rows: [string, string][] = [];
  for (const name of ATTRIBUTES) {
    const value = a[name];
    if (value === undefined || value === null || value === '') continue;
    if (name === 'capacity' && typeof value === 'number') rows.push(['capacity', `${formatTonnes(value)} t/yr`]);
    else if (name === 'country') rows.push(['country', `${String(value)} ${countryName(String(value))}`]);
    else rows.push([name, String(value)]);
  }
  if (metrics) {
    rows.push(['throughput', `${formatTonnes(metrics.throughput)} t/yr`]);
    rows.push(['flow share', formatPercent(metrics.flowShare)]);
    rows.push(['knockout loss', formatPercent(metrics.knockoutLoss)]);
    rows.push(['betweenness', formatScore(metrics.betweenness)]);
    if (metrics.minCut) rows.push(['minimum cut', 'member']);
  }
  container.replaceChildren(
    h('h3', { 'data-testid': 'node-title' }, a.label ?? node.key),
    h('p', { class: 'node-key' }, node.key),
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}
