/**
 * Compare: pick presets to set side by side with the current scenario; the table gives
 * each scenario's loss per end use under both bounds (for the lens country when one is
 * set) and each difference from the current scenario, in percentage points.
 */
import { BOUNDS, type Comparison } from '../../../src/scenario/compare.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';
import type { Preset } from '../scenario.js';

const points = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(1)}`);

export function renderCompare(container: Element, presets: Preset[], chosen: readonly string[], comparison: Comparison | null, pending: boolean, toggle: (id: string) => void): void {
  const boxes = presets
    .filter((p) => !p.error)
    .map((p) => {
      const input = h('input', { type: 'checkbox', 'data-testid': `compare-${p.id}` });
      input.checked = chosen.includes(p.id);
      input.addEventListener('change', () => toggle(p.id));
      return h('li', {}, h('label', { title: p.description ?? '' }, input, ` ${p.name}`));
    });
  const parts: (HTMLElement | null)[] = [h('ul', { class: 'compare-list' }, ...boxes)];
  if (pending) parts.push(h('p', { class: 'muted' }, 'Evaluating…'));
  else if (comparison) {
    const names = h('ol', { class: 'compare-names muted' }, ...comparison.names.map((n) => h('li', {}, n)));
    const head = h(
      'tr',
      {},
      h('th', { rowspan: 2 }, 'end use'),
      ...comparison.names.map((_n, i) => h('th', { colspan: BOUNDS.length, class: 'num' }, i === 0 ? 'current' : `${i + 1}`)),
      ...comparison.names.slice(1).map((_n, i) => h('th', { rowspan: 2, class: 'num', title: 'difference from the current scenario, no rerouting, percentage points' }, `${i + 2} − 1`)),
    );
    const sub = h('tr', {}, ...comparison.names.flatMap(() => BOUNDS.map((b) => h('th', { class: 'num', title: b }, b === 'proportional' ? 'no rer.' : b === 'allocation' ? 'recipes' : 'rer.'))));
    const rows = comparison.rows.map((r) =>
      h(
        'tr',
        { 'data-end-use': r.endUse },
        h('td', { title: r.endUse }, shortLabel(r.endUse, 22)),
        ...r.loss.flatMap((l) => BOUNDS.map((b) => h('td', { class: 'num' }, formatPercent(l[b], 0)))),
        ...r.diff.slice(1).map((d) => h('td', { class: 'num' }, points(d.proportional))),
      ),
    );
    parts.push(names, h('div', { class: 'scroll-x' }, h('table', { class: 'data compare', 'data-testid': 'compare-table' }, h('thead', {}, head, sub), h('tbody', {}, ...rows))));
  } else parts.push(h('p', { class: 'muted' }, 'Tick presets to compare them with the current scenario, per end use and bound.'));
  container.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}
