/** The country toggles: one checkbox per country (checked = its supply is on). */
import { h } from '../dom.js';

export interface CountryEntry {
  code: string;
  name: string;
  color: string;
  nodes: number;
}

export function renderCountryToggles(container: Element, countries: CountryEntry[], off: readonly string[], onToggle: (code: string) => void): void {
  const items = countries.map((c) => {
    const input = h('input', { type: 'checkbox', 'data-testid': `country-toggle-${c.code}`, id: `country-${c.code}`, 'aria-label': `${c.name} supply on` });
    input.checked = !off.includes(c.code);
    input.addEventListener('change', () => onToggle(c.code));
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.backgroundColor = c.color;
    return h(
      'li',
      { class: off.includes(c.code) ? 'off' : '' },
      h('label', { for: `country-${c.code}` }, input, swatch, h('span', { class: 'code' }, c.code), ' ', h('span', { class: 'name' }, c.name), h('span', { class: 'count' }, c.nodes)),
    );
  });
  container.replaceChildren(h('ul', { class: 'country-list' }, ...items));
}
