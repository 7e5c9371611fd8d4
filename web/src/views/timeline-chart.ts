/**
 * The time chart (uPlot): delivered share of demand per end use by month under each bound
 * the timeline reports (solid: allocation, dashed: proportional), the months with a
 * scenario action in force shaded, values in uPlot's live legend (the hovered month, else
 * the latest: `legendText`, through uPlot's documented `series.value` callback, which it
 * calls with a null index when nothing is hovered), and a CSV
 * download. Its settings (the calendar start, the months the page's actions are in force
 * (from/to) and the months of cover at manufacturers: a slider, "graph" = the graph's own
 * stock figures) sit in the scenario panel when the page gives a `settings` container,
 * else above the chart. Keeps its own settings (`controls`, reported through
 * `onControls` so the page can keep them in the URL); the page calls `refresh` with the
 * scenario whenever it changes.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Scenario } from '../../../src/scenario/schema.js';
import type { TimelineResult } from '../../../src/timeline/timeline.js';
import { h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { chartData, INITIAL_CONTROLS, legendText, timelineCsv, timelineQuery, windowedScenario, type ChartData, type TimelineControls } from '../timeline.js';

export type FetchTimeline = (graph: string, scenario: Scenario, query: string, signal: AbortSignal) => Promise<TimelineResult>;

export interface TimelineView {
  /** Recomputes the timeline for this graph and scenario. */
  refresh(graph: string, scenario: Scenario): Promise<void>;
  /** The last result shown (for tests). */
  readonly result: TimelineResult | null;
  /** The current settings. */
  readonly controls: TimelineControls;
  /** Replaces the settings (e.g. from the URL on Back) and recomputes. */
  setControls(controls: TimelineControls): void;
  /** Shows `message` instead of a chart, asking nothing (e.g. a big graph's baseline, not evaluated); `refresh` draws again. */
  clear(message: string): void;
}

export interface TimelineViewOptions {
  /** Where the settings go (the scenario panel); default: above the chart. */
  settings?: HTMLElement;
  /** Initial settings (e.g. from the URL); default INITIAL_CONTROLS. */
  initial?: TimelineControls;
  /** Called after the user changes a setting. */
  onControls?: (controls: TimelineControls) => void;
}

const COLORS = ['#1c7ed6', '#e8590c', '#2b8a3e', '#c2255c', '#6741d9', '#0c8599', '#e67700', '#5c940d', '#862e9c', '#495057'];
const HEIGHT = 190;

function numberOrNull(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : null;
}

function chartOptions(data: ChartData, width: number, unit: string): uPlot.Options {
  const endUses = [...new Set(data.series.map((s) => s.endUse))];
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false }, y: { range: [0, 1.05] } },
    axes: [
      { values: (_u, ticks) => ticks.map((t) => data.labels[Math.round(t) - 1] ?? '') },
      { values: (_u, ticks) => ticks.map((t) => `${Math.round(t * 100)}%`), size: 50 },
    ],
    series: [
      { label: 'month', value: (_u, _v, _s, idx) => legendText(data, 0, idx) },
      ...data.series.map((s) => ({
        label: `${shortLabel(s.endUse, 28)} (${s.bound})`,
        stroke: COLORS[endUses.indexOf(s.endUse) % COLORS.length],
        width: s.bound === 'allocation' ? 2 : 1.5,
        ...(s.bound === 'proportional' ? { dash: [6, 4] } : {}),
        value: (_u: uPlot, _v: number, seriesIdx: number, idx: number | null) => legendText(data, seriesIdx, idx),
        points: { show: false },
      })),
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    hooks: {
      drawClear: [
        (u) => {
          if (!data.window) return;
          const left = u.valToPos(data.window.first - 0.5, 'x', true);
          const right = u.valToPos(data.window.last + 0.5, 'x', true);
          const x0 = Math.max(u.bbox.left, left);
          const x1 = Math.min(u.bbox.left + u.bbox.width, right);
          u.ctx.save();
          u.ctx.fillStyle = 'rgba(250, 82, 82, 0.10)';
          u.ctx.fillRect(x0, u.bbox.top, Math.max(0, x1 - x0), u.bbox.height);
          u.ctx.restore();
        },
      ],
    },
    title: `Delivered share of demand by month (${unit}); shaded: scenario in force`,
  };
}

export function createTimelineView(container: HTMLElement, fetchTimeline: FetchTimeline, options: TimelineViewOptions = {}): TimelineView {
  let controls: TimelineControls = { ...(options.initial ?? INITIAL_CONTROLS) };
  let last: { graph: string; scenario: Scenario } | null = null;
  let result: TimelineResult | null = null;
  let chart: uPlot | null = null;
  let controller: AbortController | null = null;

  const start = h('input', { type: 'month', value: controls.start, 'data-testid': 'timeline-start', required: true });
  const from = h('input', { type: 'number', min: 1, max: 600, step: 1, placeholder: '1', 'data-testid': 'timeline-from' });
  const to = h('input', { type: 'number', min: 1, max: 600, step: 1, placeholder: 'end', 'data-testid': 'timeline-to' });
  const cover = h('input', { type: 'range', min: 0, max: 12, step: 0.5, value: 0, 'data-testid': 'timeline-cover', 'aria-label': 'months of cover at manufacturers' });
  const coverText = h('span', { class: 'muted', 'data-testid': 'timeline-cover-value' }, 'graph');
  /** Shows `controls` in the inputs. */
  const showControls = () => {
    start.value = controls.start;
    from.value = controls.from === null ? '' : String(controls.from);
    to.value = controls.to === null ? '' : String(controls.to);
    cover.value = String(controls.cover ?? 0);
    coverText.textContent = controls.cover === null ? 'graph' : `${controls.cover}`;
  };
  showControls();
  const coverReset = h('button', { type: 'button', class: 'link', 'data-testid': 'timeline-cover-reset' }, 'use the graph\'s');
  const download = h('button', { type: 'button', class: 'button', 'data-testid': 'timeline-csv', disabled: true }, 'CSV');
  const status = h('p', { class: 'muted', 'data-testid': 'timeline-status' });
  const plot = h('div', { class: 'timeline-plot', 'data-testid': 'timeline-plot' });
  const fields = [
    h('label', {}, 'month 1 ', start),
    h('label', {}, 'actions from month ', from),
    h('label', {}, 'to ', to),
    h('label', {}, 'months of cover at manufacturers ', cover, ' ', coverText, ' ', coverReset),
  ];
  if (options.settings) {
    options.settings.replaceChildren(
      h('h3', {}, 'Time ', h('span', { class: 'muted' }, '(the chart under the map)')),
      h('div', { class: 'timeline-controls timeline-settings', 'data-testid': 'timeline-settings' }, ...fields),
    );
    container.replaceChildren(h('div', { class: 'timeline-controls' }, h('strong', {}, 'Over time'), download), status, plot);
  } else {
    container.replaceChildren(h('div', { class: 'timeline-controls' }, h('strong', {}, 'Over time'), ...fields, download), status, plot);
  }

  const set = (change: Partial<TimelineControls>) => {
    controls = { ...controls, ...change };
    coverText.textContent = controls.cover === null ? 'graph' : `${controls.cover}`;
    options.onControls?.(controls);
    if (last) void view.refresh(last.graph, last.scenario);
  };
  start.addEventListener('change', () => {
    if (/^\d{4}-\d{2}$/.test(start.value)) set({ start: start.value });
  });
  from.addEventListener('change', () => set({ from: numberOrNull(from.value, 1, 600) }));
  to.addEventListener('change', () => set({ to: numberOrNull(to.value, 1, 600) }));
  cover.addEventListener('change', () => set({ cover: Number(cover.value) }));
  coverReset.addEventListener('click', () => {
    cover.value = '0';
    set({ cover: null });
  });
  download.addEventListener('click', () => {
    if (!result) return;
    const blob = new Blob([timelineCsv(result)], { type: 'text/csv' });
    const link = h('a', { href: URL.createObjectURL(blob), download: 'timeline.csv' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });

  function draw(r: TimelineResult): void {
    const data = chartData(r);
    const width = Math.max(320, plot.clientWidth || container.clientWidth || 600);
    chart?.destroy();
    const aligned: uPlot.AlignedData = [data.months, ...data.series.map((s) => s.share)];
    chart = new uPlot(chartOptions(data, width, r.unit), aligned, plot);
  }

  const view: TimelineView = {
    get result() {
      return result;
    },
    get controls() {
      return controls;
    },
    setControls(next) {
      controls = { ...next };
      showControls();
      if (last) void view.refresh(last.graph, last.scenario);
    },
    clear(message) {
      last = null;
      controller?.abort();
      controller = null;
      result = null;
      chart?.destroy();
      chart = null;
      download.disabled = true;
      status.textContent = message;
      container.dataset.state = 'idle';
    },
    async refresh(graph, scenario) {
      last = { graph, scenario };
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      container.dataset.state = 'loading';
      status.textContent = `Computing month by month (${controls.months} months)…`;
      try {
        const r = await fetchTimeline(graph, windowedScenario(scenario, controls), timelineQuery(controls), mine.signal);
        if (mine.signal.aborted) return;
        result = r;
        const short = r.endUses.filter((e) => Object.values(e).some((b) => typeof b === 'object' && b !== null && 'monthsToShortage' in b && b.monthsToShortage !== null));
        status.textContent = short.length === 0 ? `No end use runs short within ${r.months} months.` : `${short.length} end use(s) run short within ${r.months} months.`;
        download.disabled = false;
        draw(r);
        container.dataset.state = 'ready';
      } catch (error) {
        if (mine.signal.aborted) return;
        status.textContent = `Timeline failed: ${error instanceof Error ? error.message : String(error)}`;
        container.dataset.state = 'error';
      }
    },
  };
  return view;
}
