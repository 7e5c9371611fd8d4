/** The map legend: country colours, then what sizes, borders and line styles mean. */
import { h } from '../dom.js';
import { METRIC_LABELS, type SizeMetric } from '../state.js';
import type { CountryEntry } from './country-panel.js';

function swatch(className: string, color?: string): HTMLElement {
  const element = h('span', { class: className, 'aria-hidden': 'true' });
  if (color) element.style.backgroundColor = color;
  return element;
}

export function renderLegend(container: Element, countries: CountryEntry[], metric: SizeMetric): void {
  const countryItems = countries.map((c) => h('li', {}, swatch('swatch', c.color), `${c.code} ${c.name}`));
  container.replaceChildren(
    h('h3', {}, 'Countries'),
    h('ul', { class: 'legend-countries' }, ...countryItems),
    h(
      'ul',
      { class: 'legend-keys' },
      h('li', {}, swatch('key key-size'), `node size: ${METRIC_LABELS[metric]}`),
      h('li', {}, swatch('key key-width'), 'line width: flow (log scale)'),
      h('li', {}, swatch('key key-bottleneck'), 'top bottlenecks (knockout loss)'),
      h('li', {}, swatch('key key-mincut'), 'minimum cut'),
      h('li', {}, swatch('key key-inactive'), 'planned / prospective (not active)'),
      h('li', {}, swatch('key key-cut'), 'cut by the scenario'),
    ),
  );
}
