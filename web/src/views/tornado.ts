/**
 * The tornado chart: the inputs that move one headline loss most, by Spearman's rho
 * (src/uncertainty/ensemble.ts); bars grow right of the centre when the loss rises with
 * the input, left when it falls.
 */
import type { EnsembleResult } from '../../../src/uncertainty/ensemble.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { tornadoBars } from '../ranges.js';

export function renderTornado(container: Element, result: EnsembleResult | null, endUse: string | null, bound: string): void {
  if (!result) {
    container.replaceChildren();
    return;
  }
  const bars = tornadoBars(result, endUse, bound);
  const rows = bars.map((b) => {
    const bar = h('div', { class: `tornado-bar ${b.side}` });
    bar.style.width = `${(b.length * 50).toFixed(1)}%`;
    return h('div', { class: 'tornado-row', title: `${b.input}: rho ${b.rho.toFixed(2)}` }, h('span', { class: 'tornado-label' }, shortLabel(b.input, 34)), h('div', { class: 'tornado-track' }, bar), h('span', { class: 'num' }, b.rho.toFixed(2)));
  });
  container.replaceChildren(
    h('p', { class: 'muted' }, `What moves the loss of ${endUse ?? 'the total'} (${bound}): Spearman rank correlation with each uncertain input; right = the loss rises with the input.`),
    rows.length > 0 ? h('div', { class: 'tornado', 'data-testid': 'tornado' }, ...rows) : h('p', { class: 'muted', 'data-testid': 'tornado' }, 'No input moves this loss.'),
  );
}
