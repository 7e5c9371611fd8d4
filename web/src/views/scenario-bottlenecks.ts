/** The bottlenecks after the scenario: knockout loss now and at baseline, new ones marked. */
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { scenarioBottleneckRows } from '../bottlenecks.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent } from '../format.js';

export function renderScenarioBottlenecks(container: Element, result: ScenarioResult | null, select: (node: string) => void): void {
  const rows = scenarioBottleneckRows(result);
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
      h('td', {}, link, h('span', { class: 'muted' }, ` ${row.country} · ${row.stage}`), row.isNew ? h('span', { class: 'new-tag' }, ' new') : ''),
      h('td', { class: 'num' }, formatPercent(row.loss)),
      h('td', { class: 'num' }, row.before === null ? '—' : formatPercent(row.before)),
    );
  });
  const head = h('tr', {}, h('th', { scope: 'col' }, 'node'), h('th', { scope: 'col' }, 'knockout loss now'), h('th', { scope: 'col' }, 'at baseline'));
  container.replaceChildren(h('table', { class: 'data', 'data-testid': 'scenario-bottlenecks' }, h('thead', {}, head), h('tbody', {}, ...body)));
}
