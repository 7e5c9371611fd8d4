/**
 * The bottlenecks after the scenario (for the lens country's end uses when a lens is
 * set): knockout loss now and at baseline; nodes that were not in the baseline's top
 * list are marked "new in top" (their baseline value is still shown when known).
 */
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { scenarioBottleneckRows } from '../bottlenecks.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';

export function renderScenarioBottlenecks(container: Element, result: ScenarioResult | null, baselineOf: (node: string) => number | undefined, select: (node: string) => void): void {
  const source = result?.lens ? { changes: result.changes, bottlenecks: result.lens.bottlenecks } : result;
  const rows = scenarioBottleneckRows(source, 8, result?.lens ? undefined : baselineOf);
  if (rows.length === 0) {
    container.replaceChildren(h('p', { class: 'muted' }, 'Change the scenario to see which nodes become the bottlenecks.'));
    return;
  }
  const body = rows.map((row) => {
    const link = h('button', { type: 'button', class: 'link', title: row.label }, shortLabel(row.label, 28));
    link.addEventListener('click', () => select(row.node));
    return h(
      'tr',
      { 'data-node': row.node },
      h('td', {}, link, h('span', { class: 'muted' }, ` ${row.country} · ${row.stage}`), row.isNew ? h('span', { class: 'new-tag', title: 'not among the top bottlenecks at baseline' }, ' new in top') : ''),
      h('td', { class: 'num' }, formatPercent(row.loss)),
      h('td', { class: 'num' }, row.before === null ? h('span', { class: 'muted', title: 'below the baseline top list' }, 'below top') : formatPercent(row.before)),
    );
  });
  const head = h('tr', {}, h('th', { scope: 'col' }, 'node'), h('th', { scope: 'col', class: 'num' }, 'knockout loss now'), h('th', { scope: 'col', class: 'num' }, 'at baseline'));
  container.replaceChildren(h('table', { class: 'data', 'data-testid': 'scenario-bottlenecks' }, h('thead', {}, head), h('tbody', {}, ...body)));
}
