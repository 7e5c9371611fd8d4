/**
 * The map legend under the map: what colour, size, halo, border and line styles mean.
 * The country colours themselves are listed with the country toggles (one swatch each);
 * the PNG export draws them with these keys (`legendKeys`).
 */
import { h } from '../dom.js';
import { METRIC_LABELS, type MapMetric } from '../state.js';

/** The legend's entries as [class, text]. */
function entries(metric: MapMetric, aggregated: boolean): [string, string][] {
  return [
    ['key-color', 'colour: country (see Countries)'],
    ['key-size', aggregated ? `size: ${METRIC_LABELS[metric]} (${metric === 'flowShare' ? 'sum' : 'largest'} of the group)` : `size: ${METRIC_LABELS[metric]}`],
    ['key-width', 'line width: flow (log scale)'],
    ['key-bottleneck', 'top 5 bottlenecks'],
    ['key-mincut', 'in the minimum cut'],
    ['key-inactive', 'planned / prospective, not active'],
    ['key-cut', 'cut by the scenario'],
    ...(aggregated ? ([['key-group', 'one node per country and stage: click to expand']] as [string, string][]) : []),
  ];
}

export function legendKeys(metric: MapMetric, aggregated = false): string[] {
  return entries(metric, aggregated).map(([, text]) => text);
}

export function renderLegend(container: Element, metric: MapMetric, aggregated = false): void {
  container.replaceChildren(
    h('ul', { class: 'legend-keys' }, ...entries(metric, aggregated).map(([className, text]) => h('li', {}, h('span', { class: `key ${className}`, 'aria-hidden': 'true' }), text))),
  );
}
