/**
 * The loss chart: one row per end use of the scope (the world or the lens country), a
 * bar for each bound (no rerouting dark, with rerouting light), 0 to 100% of the end
 * use's baseline. A gain (negative loss) is drawn as an empty bar with its value.
 * Bar widths are set through the CSSOM (the CSP forbids inline style attributes).
 */
import { BOUND_LABELS, BOUNDS, viewOf } from '../../../src/scenario/compare.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';

export function renderLossChart(container: Element, result: ScenarioResult | null): void {
  if (!result) {
    container.replaceChildren();
    return;
  }
  const view = viewOf(result);
  const rows = view.byEndUse.map((u) =>
    h(
      'div',
      { class: 'chart-row', 'data-end-use': u.endUse },
      h('span', { class: 'chart-label', title: u.endUse }, shortLabel(u.endUse, 24)),
      h(
        'span',
        { class: 'chart-bars' },
        ...BOUNDS.map((b) => {
          const value = u.loss[b];
          const bar = h('span', { class: `bar bar-${b}`, title: `${BOUND_LABELS[b]}: ${formatPercent(value)}` });
          bar.style.width = `${Math.max(0, Math.min(1, value ?? 0)) * 100}%`;
          return h('span', { class: 'bar-track' }, bar, h('span', { class: 'bar-value' }, formatPercent(value, 0)));
        }),
      ),
    ),
  );
  container.replaceChildren(
    h(
      'div',
      { class: 'loss-chart', 'data-testid': 'loss-chart', role: 'img', 'aria-label': 'loss per end use under both bounds' },
      h('div', { class: 'chart-key muted' }, h('span', { class: 'bar-key bar-proportional' }), 'no rerouting ', h('span', { class: 'bar-key bar-allocation' }), 'rerouting under recipes ', h('span', { class: 'bar-key bar-maxFlow' }), 'full rerouting'),
      ...rows,
    ),
  );
}
