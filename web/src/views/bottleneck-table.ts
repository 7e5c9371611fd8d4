/**
 * The sortable bottleneck table: click a column head to sort by it (again to flip). It
 * shows the knockout loss, which the page asks for only when the table is opened
 * (page/knockout.ts): until it has arrived the table says it is being computed (or why it
 * failed, with a button to ask again), never a row without it.
 */
import type { MetricsReport } from '../../../src/metrics/report-types.js';
import { bottleneckRows } from '../bottlenecks.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent, formatScore } from '../format.js';
import type { KnockoutStatus } from '../page/knockout.js';
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
  actions: { sort: (key: SizeMetric) => void; select: (node: string) => void; retry: () => void },
  sinks: ReadonlySet<string> = new Set(),
  knockout: { status: KnockoutStatus; error?: string } = { status: 'ready' },
): void {
  if (report.metrics.length === 0 || knockout.status === 'computing' || knockout.status === 'idle') {
    const what = report.metrics.length === 0 ? 'The metrics are being computed…' : `Computing the knockout loss of ${report.nodes.length.toLocaleString('en-US')} nodes (one maximum flow each)…`;
    container.replaceChildren(h('p', { class: 'muted computing', 'data-testid': 'bottleneck-table', 'data-state': 'computing' }, what));
    return;
  }
  if (knockout.status === 'failed') {
    const again = h('button', { type: 'button', 'data-testid': 'knockout-retry' }, 'Try again');
    again.addEventListener('click', () => actions.retry());
    container.replaceChildren(h('p', { class: 'warnings', 'data-testid': 'bottleneck-table', 'data-state': 'failed' }, `The knockout loss could not be computed: ${knockout.error ?? 'unknown error'} `, again));
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
  container.replaceChildren(h('table', { class: 'data', 'data-testid': 'bottleneck-table', 'data-state': 'ready' }, h('thead', {}, head), h('tbody', {}, ...rows)));
}
