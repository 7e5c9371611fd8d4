/**
 * The map legend under the map: what colour, size, halo, border and line styles mean.
 * The country colours themselves are listed with the country toggles (one swatch each);
 * the PNG export draws them with these keys (`legendKeys`).
 */
import { h } from '../dom.js';
import type { KnockoutStatus } from '../page/knockout.js';
import { KNOCKOUT_ON_DEMAND_NOTE, METRIC_LABELS, type MapMetric } from '../state.js';

/**
 * The legend's entries as [class, text]. The halos and the knockout sizing need the
 * knockout loss, asked for only when a view shows it (page/knockout.ts): until it is
 * there the legend says so instead of naming halos the map does not draw. On a graph above
 * KNOCKOUT_DEFAULT_MAX_NODES nodes (`onDemand`) a size other than knockout loss says why
 * (state.ts `defaultMetric`).
 */
function entries(metric: MapMetric, aggregated: boolean, knockout: KnockoutStatus, onDemand: boolean): [string, string][] {
  const pending = knockout === 'computing' ? ' (computing…)' : knockout === 'ready' ? '' : ' (not computed)';
  const halos = knockout === 'ready' ? 'top 5 bottlenecks (knockout loss)' : knockout === 'computing' ? 'top 5 bottlenecks (knockout loss: computing…)' : 'top 5 bottlenecks (knockout loss: not computed; open the bottleneck table)';
  const size = aggregated ? `size: ${METRIC_LABELS[metric]} (${metric === 'flowShare' ? 'sum' : 'largest'} of the group)` : `size: ${METRIC_LABELS[metric]}`;
  return [
    ['key-color', 'colour: country (see Countries)'],
    ['key-size', metric === 'knockoutLoss' ? `${size}${pending}` : onDemand ? `${size} (${KNOCKOUT_ON_DEMAND_NOTE})` : size],
    ['key-width', 'line width: flow (log scale)'],
    ['key-bottleneck', halos],
    ['key-mincut', 'in the minimum cut'],
    ['key-inactive', 'planned / prospective, not active'],
    ['key-cut', 'cut by the scenario'],
    ...(aggregated ? ([['key-group', 'one node per country and stage: click to expand']] as [string, string][]) : []),
  ];
}

export function legendKeys(metric: MapMetric, aggregated = false, knockout: KnockoutStatus = 'ready', onDemand = false): string[] {
  return entries(metric, aggregated, knockout, onDemand).map(([, text]) => text);
}

export function renderLegend(container: Element, metric: MapMetric, aggregated = false, knockout: KnockoutStatus = 'ready', onDemand = false): void {
  container.replaceChildren(
    h('ul', { class: 'legend-keys', 'data-knockout': knockout }, ...entries(metric, aggregated, knockout, onDemand).map(([className, text]) => h('li', {}, h('span', { class: `key ${className}`, 'aria-hidden': 'true' }), text))),
  );
}
