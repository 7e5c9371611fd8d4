/**
 * Stage concentration before and after the scenario: HHI of country shares of each
 * stage's throughput (0..1; 1 = one country does everything) and the top country.
 * Before the first evaluation, the report's baseline HHI alone; before the baseline metrics
 * have arrived, "computing…".
 */
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { h } from '../dom.js';
import { formatPercent, formatScore } from '../format.js';
import type { PageData } from '../page-data.js';

export function renderStageTable(target: Element, data: PageData, result: ScenarioResult | null): void {
  const rows = result
    ? result.stages.map((s) => ({ stage: s.stage, before: s.before, after: s.after }))
    : data.report.stages.map((s) => ({ stage: s.stage, before: s, after: null }));
  // Nothing to show yet: the baseline metrics (the first part) are still being computed.
  if (rows.length === 0 && !data.metricsReady) {
    target.replaceChildren(h('p', { class: 'muted', 'data-testid': 'stage-table', 'data-state': 'computing' }, 'Stage concentration: computing…'));
    return;
  }
  const top = (s: { topCountry: string | null; topShare: number } | null) => (s?.topCountry ? `${s.topCountry} ${formatPercent(s.topShare, 0)}` : '–');
  target.replaceChildren(
    h(
      'table',
      { class: 'data', 'data-testid': 'stage-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'stage'), h('th', { class: 'num' }, 'HHI before'), h('th', { class: 'num' }, 'after'), h('th', {}, 'top before'), h('th', {}, 'top after')),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, r.stage),
            h('td', { class: 'num' }, formatScore(r.before.hhi)),
            h('td', { class: 'num' }, r.after ? formatScore(r.after.hhi) : '–'),
            h('td', {}, top(r.before)),
            h('td', {}, top(r.after)),
          ),
        ),
      ),
    ),
  );
}
