/**
 * The ranges of the losses (an uncertainty ensemble): one row per end use with a bar and
 * whiskers from P10 to P90, a tick at P50 and a dot at the point loss, and P50 (P10-P90)
 * in figures; a choice of bound and headline drives the tornado chart (tornado.ts).
 */
import type { EnsembleResult } from '../../../src/uncertainty/ensemble.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';
import { whiskerRows } from '../ranges.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function renderLossRanges(container: Element, result: EnsembleResult | null, bound: string, onPick: (endUse: string | null) => void): void {
  if (!result) {
    container.replaceChildren();
    return;
  }
  const rows = whiskerRows(result, bound).map((r) => {
    const track = h('div', { class: 'whisker-track', title: `P10 ${pct(r.p10)}, P50 ${pct(r.p50)}, P90 ${pct(r.p90)}; point ${r.point === null ? '-' : pct(r.point)}` });
    const range = h('div', { class: 'whisker-range' });
    range.style.left = pct(r.left);
    range.style.width = pct(r.width);
    const median = h('div', { class: 'whisker-median' });
    median.style.left = pct(r.median);
    track.append(range, median);
    if (r.dot !== null) {
      const dot = h('div', { class: 'whisker-point' });
      dot.style.left = pct(r.dot);
      track.append(dot);
    }
    const link = h('button', { type: 'button', class: 'link', title: `sensitivity of ${r.label}` }, shortLabel(r.label, 24));
    link.addEventListener('click', () => onPick(r.endUse));
    return h('tr', { 'data-end-use': r.label }, h('td', {}, link), h('td', { class: 'whisker-cell' }, track), h('td', { class: 'num' }, `${formatPercent(r.p50)} (${formatPercent(r.p10)}–${formatPercent(r.p90)})`));
  });
  container.replaceChildren(
    h('p', { class: 'muted' }, `${result.samples} members, seed ${result.seed}, ${result.inputs.length} uncertain inputs; bar: P10–P90, tick: P50, dot: published figures.`),
    h('table', { class: 'data ranges', 'data-testid': 'loss-ranges' }, h('thead', {}, h('tr', {}, h('th', {}, 'end use'), h('th', {}, '0 – 100% loss'), h('th', { class: 'num' }, 'P50 (P10–P90)'))), h('tbody', {}, ...rows)),
  );
}
