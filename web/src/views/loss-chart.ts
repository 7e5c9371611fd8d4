/**
 * The loss chart: one row per end use of the scope (the world or the lens country), a
 * bar for each bound (no rerouting dark, with rerouting light), 0 to 100% of the end
 * use's baseline. A gain (negative loss) is drawn as an empty bar with its value. Without
 * a result it says why when the page gives a reason (`idle`).
 * Bar widths are set through the CSSOM (the CSP forbids inline style attributes).
 */
import { BOUND_LABELS, BOUNDS, viewOf } from '../../../src/scenario/compare.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';

export function renderLossChart(container: Element, result: ScenarioResult | null, idle: string | null = null): void {
  if (!result) {
    // No answer: evaluating (the delivered panel says so), or a big graph's baseline that is
    // not evaluated (`idle`: why, so the heading above is not left empty).
    container.replaceChildren(...(idle ? [h('p', { class: 'muted', 'data-testid': 'loss-chart-idle' }, idle)] : []));
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
