/** The sortable bottleneck table: click a column head to sort by it (again to flip). */
import type { MetricsReport } from '../../../src/metrics/report-types.js';
import { bottleneckRows } from '../bottlenecks.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent, formatScore } from '../format.js';
import { METRIC_LABELS, SIZE_METRICS, type SizeMetric, type ViewState } from '../state.js';

const SHOW: Record<SizeMetric, (v: number | undefined) => string> = {
  knockoutLoss: (v) => formatPercent(v),
  betweenness: (v) => formatScore(v),
  flowShare: (v) => formatPercent(v),
};

export function renderBottleneckTable(
  container: Element,
  report: MetricsReport,
  state: ViewState,
  actions: { sort: (key: SizeMetric) => void; select: (node: string) => void },
  sinks: ReadonlySet<string> = new Set(),
): void {
  if (report.metrics.length === 0) {
    container.replaceChildren(h('p', { class: 'muted', 'data-testid': 'bottleneck-table' }, 'The metrics are being computed…'));
    return;
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'node'),
    ...SIZE_METRICS.map((key) => {
      const sorted = state.sortKey === key;
      const button = h('button', { type: 'button', class: 'sort', 'data-testid': `sort-${key}` }, METRIC_LABELS[key], sorted ? (state.sortDescending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => actions.sort(key));
      return h('th', { scope: 'col', 'aria-sort': sorted ? (state.sortDescending ? 'descending' : 'ascending') : 'none' }, button);
    }),
  );
  const rows = bottleneckRows(report, state.sortKey, state.sortDescending, 15, sinks).map((n) => {
    const link = h('button', { type: 'button', class: 'link', title: n.label }, shortLabel(n.label, 28));
    link.addEventListener('click', () => actions.select(n.id));
    return h(
      'tr',
      { class: state.selected === n.id ? 'selected' : '', 'data-node': n.id },
      h('td', {}, link, h('span', { class: 'muted' }, ` ${n.country} · ${n.stage}`)),
      ...SIZE_METRICS.map((key) => h('td', { class: 'num' }, SHOW[key](n[key]))),
    );
  });
  container.replaceChildren(h('table', { class: 'data', 'data-testid': 'bottleneck-table' }, h('thead', {}, head), h('tbody', {}, ...rows)));
}
