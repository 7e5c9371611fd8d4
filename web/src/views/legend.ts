/**
 * The map legend under the map: what colour, size, halo, border and line styles mean.
 * The country colours themselves are listed with the country toggles (one swatch each).
 */
import { h } from '../dom.js';
import { METRIC_LABELS, type MapMetric } from '../state.js';

function key(className: string, text: string): HTMLElement {
  return h('li', {}, h('span', { class: `key ${className}`, 'aria-hidden': 'true' }), text);
}

export function renderLegend(container: Element, metric: MapMetric): void {
  container.replaceChildren(
    h(
      'ul',
      { class: 'legend-keys' },
      key('key-color', 'colour: country (see Countries)'),
      key('key-size', `size: ${METRIC_LABELS[metric]}`),
      key('key-width', 'line width: flow (log scale)'),
      key('key-bottleneck', 'top 5 bottlenecks'),
      key('key-mincut', 'in the minimum cut'),
      key('key-inactive', 'planned / prospective, not active'),
      key('key-cut', 'cut by the scenario'),
    ),
  );
}
