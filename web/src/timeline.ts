/**
 * The time chart's data, derived from a timeline result (the JSON of `chokepoint
 * timeline`, docs/scenarios.md "Time"): the scenario the page sends (its actions given
 * the panel's from/to months when they have no window of their own), the query, the
 * chart's series (delivered share of demand per end use and bound, by month), the shaded
 * scenario window, and the CSV download. Pure: no DOM.
 */
import type { Scenario, ScenarioAction } from '../../src/scenario/schema.js';
import type { BoundSeries, EndUseTimeline, TimelineResult } from '../../src/timeline/timeline.js';

/** The bounds a timeline may report, best case first. */
export const TIMELINE_BOUNDS = ['allocation', 'proportional'] as const;
export type TimelineBound = (typeof TIMELINE_BOUNDS)[number];

/** The time panel's own settings. */
export interface TimelineControls {
  /** Calendar month of month 1, `YYYY-MM`. */
  start: string;
  /** Horizon in months. */
  months: number;
  /** First and last month (1-based, inclusive) for actions without a window; null: whole horizon. */
  from: number | null;
  to: number | null;
  /** Months of cover at manufacturers; null: the graph's own stock figures. */
  cover: number | null;
}

export const INITIAL_CONTROLS: TimelineControls = { start: '2025-04', months: 24, from: null, to: null, cover: null };

/** The page's scenario with the panel's window on every action that has none. */
export function windowedScenario(scenario: Scenario, controls: TimelineControls): Scenario {
  if (controls.from === null && controls.to === null) return scenario;
  const actions = scenario.actions.map((action): ScenarioAction => {
    if (action.start !== undefined || action.end !== undefined) return action;
    return { ...action, ...(controls.from !== null ? { start: controls.from } : {}), ...(controls.to !== null ? { end: controls.to } : {}) };
  });
  return { ...scenario, actions };
}

/**
 * The time settings in the page's URL, next to the view state (`url-state.ts`), so a link
 * reproduces them: `tstart=YYYY-MM`, `tmonths=N`, `tfrom=N`, `tto=N`, `tcover=M`, each
 * only when it differs from INITIAL_CONTROLS. Values that do not parse fall back to the
 * defaults.
 */
export function controlsFromQuery(search: string): TimelineControls {
  const params = new URLSearchParams(search);
  const whole = (key: string, min: number, max: number): number | null => {
    const text = params.get(key);
    const value = Number(text);
    return text !== null && text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
  };
  const start = params.get('tstart') ?? '';
  const coverText = params.get('tcover');
  const cover = coverText !== null && coverText.trim() !== '' ? Number(coverText) : NaN;
  return {
    start: /^\d{4}-(0[1-9]|1[0-2])$/.test(start) ? start : INITIAL_CONTROLS.start,
    months: whole('tmonths', 1, 600) ?? INITIAL_CONTROLS.months,
    from: whole('tfrom', 1, 600),
    to: whole('tto', 1, 600),
    cover: Number.isFinite(cover) && cover >= 0 && cover <= 1200 ? cover : null,
  };
}

/** `query` (a view-state query string, '' or `?...`) with the time settings that differ from the defaults added. */
export function withTimelineQuery(query: string, controls: TimelineControls): string {
  const params = new URLSearchParams(query);
  if (controls.start !== INITIAL_CONTROLS.start) params.set('tstart', controls.start);
  if (controls.months !== INITIAL_CONTROLS.months) params.set('tmonths', String(controls.months));
  if (controls.from !== null) params.set('tfrom', String(controls.from));
  if (controls.to !== null) params.set('tto', String(controls.to));
  if (controls.cover !== null) params.set('tcover', String(controls.cover));
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** The query string of `POST /api/graphs/:id/timeline`. */
export function timelineQuery(controls: TimelineControls): string {
  const params = new URLSearchParams({ months: String(controls.months), start: controls.start });
  if (controls.cover !== null) params.set('cover', String(controls.cover));
  return `?${params.toString()}`;
}

export interface ChartSeries {
  endUse: string;
  bound: TimelineBound;
  /** Delivered / demand per month; null when the demand is 0. */
  share: (number | null)[];
}

export interface ChartData {
  /** Month numbers 1..N (the x values). */
  months: number[];
  /** One label per month (ISO month or number). */
  labels: string[];
  series: ChartSeries[];
  /** First and last month with an action in force; null when none is. */
  window: { first: number; last: number } | null;
}

function boundOf(endUse: EndUseTimeline, bound: TimelineBound): BoundSeries | undefined {
  return (endUse as unknown as Partial<Record<TimelineBound, BoundSeries>>)[bound];
}

/** The series of the chart: one per end use and bound the result reports. */
export function chartData(result: TimelineResult): ChartData {
  const series: ChartSeries[] = [];
  for (const endUse of result.endUses) {
    for (const bound of TIMELINE_BOUNDS) {
      const s = boundOf(endUse, bound);
      if (!s) continue;
      series.push({ endUse: endUse.endUse, bound, share: s.delivered.map((v) => (endUse.demand > 0 ? v / endUse.demand : null)) });
    }
  }
  const inForce = result.windows.filter((w) => w.first <= w.last);
  const window = inForce.length > 0 ? { first: Math.min(...inForce.map((w) => w.first)), last: Math.max(...inForce.map((w) => w.last)) } : null;
  return { months: result.labels.map((_l, i) => i + 1), labels: result.labels, series, window };
}

/**
 * The month the legend shows while the cursor is not over the chart (0-based index): the
 * latest month, so the legend reads the horizon's end (where the stocks and the scenario
 * have played out) before any hover; null when there are no months.
 */
export function restingIndex(data: ChartData): number | null {
  return data.months.length > 0 ? data.months.length - 1 : null;
}

const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);

/**
 * The legend's text of uPlot series `seriesIdx` (0: the month, then `data.series` in
 * order) at data index `idx`; `idx` null (uPlot's call when the cursor is off the chart,
 * uPlot 1.6.24+) means the resting month, marked "(latest)" on the month entry.
 */
export function legendText(data: ChartData, seriesIdx: number, idx: number | null): string {
  const at = idx ?? restingIndex(data);
  if (at === null) return '–';
  if (seriesIdx === 0) return `${data.labels[at] ?? ''}${idx === null ? ' (latest)' : ''}`;
  return percent(data.series[seriesIdx - 1]?.share[at]);
}

const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per month and end use: demand, then delivered and share under each bound reported. */
export function timelineCsv(result: TimelineResult): string {
  const bounds = TIMELINE_BOUNDS.filter((b) => result.endUses.some((e) => boundOf(e, b)));
  const header = ['month', 'label', 'end_use', 'demand', ...bounds.flatMap((b) => [`${b}_delivered`, `${b}_share`])];
  const rows: (string | number | null)[][] = [];
  result.labels.forEach((label, t) => {
    for (const e of result.endUses) {
      const cells = bounds.flatMap((b) => {
        const v = boundOf(e, b)?.delivered[t] ?? null;
        return [v, v !== null && e.demand > 0 ? v / e.demand : null];
      });
      rows.push([t + 1, label, e.endUse, e.demand, ...cells]);
    }
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
