/**
 * The monthly model: when a shortage hits and for how long.
 *
 * Periods are months 1..N (`months`, default 24); monthly flows and capacities are the
 * annual figures / 12. Each month the scenario's actions in force that month are applied
 * (`month-graphs.ts`), projects ramp, and each bound is solved myopically (no foresight
 * of the scenario) from the stocks the previous month left (`stocks.ts`):
 *
 * - allocation: the recipe LP of the allocation bound each month with stocks as extra
 *   supply (`allocation-timeline.ts`): rerouting through spare capacity, recipes obeyed;
 * - proportional: no rerouting, each node draws its own stock to keep its output while it
 *   lasts (`proportional-timeline.ts`).
 *
 * Per end use (sinks grouped by `sector`, else label, else key, as in `evaluate.ts`):
 *
 *   demand            = sum over its sinks of (demand_sink ?? IN_sink) / 12, IN the baseline
 *                       in-flow (t/month)
 *   delivered[t]      = sum over its sinks of the bound's delivery in month t
 *   demand[t]         = demand x (1 - cut(t)), the demand left after thrifting of the
 *                       end use (`thrifting.ts`; = demand without thrifting)
 *   monthsToShortage  = number of months fully delivered before the first month t with
 *                       delivered[t] < demand[t] x (1 - 1e-9); null when there is none
 *   shortfall         = sum over t of max(0, demand[t] - delivered[t])   (tonnes)
 *   thrifted          = sum over t of (demand - demand[t])   (tonnes removed by thrifting)
 *
 * The start month is `start`, else the scenario's `date` (a preset's: when its event
 * began), else none (months are numbered only). Objective `total` or `fair` is the
 * allocation bound's objective each month (`allocation-timeline.ts`).
 *
 * Pure: no I/O; progress is reported through `onProgress`.
 */
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { OBJECTIVES, type Objective } from '../allocation/allocation-lp.js';
import { applyScenario } from '../scenario/apply-scenario.js';
import { endUseOf } from '../scenario/end-use-figures.js';
import type { Scenario } from '../scenario/schema.js';
import { monthGraphs } from './month-graphs.js';
import { actionWindows, isoOfMonth, parseIsoMonth, type ActionWindow } from './months.js';
import { allocationTimeline } from './allocation-timeline.js';
import { proportionalTimeline, type BoundTimeline } from './proportional-timeline.js';
import { initialStocks } from './stocks.js';
import { DemandResponse, resolveThrifting, thriftCut, type ThriftingEntry } from './thrifting.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { unitOf } from '../model/units.js';

export interface TimelineOptions {
  /** Horizon in months (1..600). Default 24. */
  months?: number;
  /** The ISO month `YYYY-MM` of month 1; needed when actions give ISO months. Default: the scenario's `date`. */
  start?: string;
  /** Objective of the allocation bound each month: `total` (default) or `fair`. */
  objective?: Objective;
  /** Demand response per end use, added to (and replacing by sector) the scenario's `thrifting`. */
  thrifting?: ThriftingEntry[];
  /** Months of cover at manufacturers: stockMonths of every `manufacturing` node, replacing its own (`stocks.ts`). */
  coverMonths?: number;
  /** Called after each month of each bound with (steps done, steps in all). */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULTS = { months: 24 };
const KNOWN = new Set(['months', 'start', 'objective', 'thrifting', 'coverMonths', 'onProgress']);
/** Relative tolerance under which a month counts as fully delivered. */
export const SHORTAGE_TOLERANCE = 1e-9;
export const MAX_MONTHS = 600;

export interface BoundSeries {
  /** Months fully delivered before the first short month; null when none is short. */
  monthsToShortage: number | null;
  /** Cumulative undelivered tonnes over the horizon (against the demand left after thrifting). */
  shortfall: number;
  /** Delivered, t per month, months 1..N. */
  delivered: number[];
  /** Demand left after thrifting, t per month, months 1..N (the baseline demand without thrifting). */
  demand: number[];
  /** Tonnes of demand removed by thrifting over the horizon (0 without it). */
  thrifted: number;
}

export interface EndUseTimeline {
  endUse: string;
  sinks: string[];
  /** Baseline demand, t per month. */
  demand: number;
  allocation: BoundSeries;
  proportional: BoundSeries;
}

export interface NodeStock {
  node: string;
  /** Stock at the start, tonnes. */
  initial: number;
  /** Tonnes at the end of each month (proportional bound). */
  stock: number[];
  /** Tonnes at the end of each month (allocation bound). */
  allocationStock: number[];
}

export interface TimelineResult {
  name: string;
  /** Unit of `demand` and `delivered`: the graph's unit per month. */
  unit: string;
  months: number;
  /** ISO month of month 1, or null when the run has no start month. */
  start: string | null;
  /** One label per month: its ISO month with a start month, else its number. */
  labels: string[];
  /** When each action is in force (first > last: never within the horizon). */
  windows: ActionWindow[];
  /** Objective of the allocation bound. */
  objective: Objective;
  /** Demand response in force, per end use, with its source (empty: none). */
  thrifting: { endUse: string; share: number; source: string | null }[];
  endUses: EndUseTimeline[];
  nodes: NodeStock[];
  warnings: string[];
}

function resolveOptions(options: TimelineOptions): { months: number; start: string | undefined; objective: Objective; coverMonths: number | undefined } {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`timeline: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const months = options.months ?? DEFAULTS.months;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) throw new UsageError(`timeline: months must be a whole number from 1 to ${MAX_MONTHS} (got ${months})`);
  const cover = options.coverMonths;
  if (cover !== undefined && !(Number.isFinite(cover) && cover >= 0 && cover <= 1200)) throw new UsageError(`timeline: coverMonths must be a number of months from 0 to 1200 (got ${cover})`);
  const objective = options.objective ?? 'total';
  if (!(OBJECTIVES as readonly string[]).includes(objective)) throw new UsageError(`timeline: objective must be one of ${OBJECTIVES.join(', ')} (got "${String(objective)}")`);
  return { months, start: options.start, objective, coverMonths: cover };
}

/** The graph's unit per month: `t REO/yr` -> `t REO/month`. */
export function monthlyUnit(unit: string): string {
  return /\/\s*(yr|year|a)$/i.test(unit) ? unit.replace(/\/\s*(yr|year|a)$/i, '/month') : `${unit} per month`;
}

/**
 * monthsToShortage, shortfall and the demand series of a delivery series against a
 * baseline demand, with thrifting share `share` (none: undefined). The first short month
 * is found against the baseline demand (thrifting starts only after it), then
 * demand[t] = demand x (1 - cut(t)) (`thriftCut`).
 */
export function boundSeries(delivered: number[], demand: number, share?: number): BoundSeries {
  const first = delivered.findIndex((v) => v < demand * (1 - SHORTAGE_TOLERANCE));
  const demands = delivered.map((_v, t) => (share === undefined ? demand : demand * (1 - thriftCut(share, first === -1 ? null : first + 1, t + 1))));
  const shortfall = delivered.reduce((total, v, t) => total + Math.max(0, (demands[t] ?? 0) - v), 0);
  const thrifted = demands.reduce((total, d) => total + (demand - d), 0);
  return { monthsToShortage: first === -1 ? null : first, shortfall, delivered, demand: demands, thrifted };
}

const sumSeries = (series: (number[] | undefined)[], months: number): number[] =>
  Array.from({ length: months }, (_v, t) => series.reduce((total, s) => total + (s?.[t] ?? 0), 0));

/** Runs the monthly model of `scenario` (already validated by `parseScenario`) on `graph`. */
export function timeline(graph: SupplyGraph, scenario: Scenario, options: TimelineOptions = {}): TimelineResult {
  requireSupplyChain(graph, 'timeline');
  const resolved = resolveOptions(options);
  const { months, objective, coverMonths } = resolved;
  const start = resolved.start ?? scenario.date;
  const startMonth = start !== undefined ? parseIsoMonth(start, resolved.start !== undefined ? 'start' : 'scenario date') : undefined;
  const windows = actionWindows(scenario, months, startMonth);
  const baseline = applyScenario(graph, { name: 'baseline', actions: [] }).graph;
  const monthly = monthGraphs(graph, scenario, windows, months, startMonth);
  const initial = initialStocks(graph, baseline, coverMonths);

  // End uses of the baseline's sinks; sinks only in a month's graph (projects) join later.
  const groups = new Map<string, Set<string>>();
  const addSink = (g: SupplyGraph, sink: string) => {
    const endUse = endUseOf(g, sink);
    groups.set(endUse, (groups.get(endUse) ?? new Set()).add(sink));
  };
  baseline.forEachNode((node) => {
    if (baseline.outDegree(node) === 0 && baseline.inDegree(node) > 0) addSink(baseline, node);
  });
  const demandOf = (s: string) => (baseline.hasNode(s) ? (baseline.getNodeAttribute(s, 'demand') ?? baseline.reduceInEdges(s, (x, _e, a) => x + a.flow, 0)) / 12 : 0);

  const thrifting = resolveThrifting([...(scenario.thrifting ?? []), ...(options.thrifting ?? [])], new Set(groups.keys()), `scenario "${scenario.name}"`);
  const shares = new Map([...thrifting].map(([g, e]) => [g, e.share]));
  const response = () => {
    if (shares.size === 0) return undefined;
    const sinkGroups = new Map([...groups].map(([g, set]) => [g, [...set]]));
    const demand = new Map([...groups.values()].flatMap((set) => [...set].map((s): [string, number] => [s, demandOf(s)])));
    return new DemandResponse(sinkGroups, demand, shares, SHORTAGE_TOLERANCE);
  };

  const total = 2 * months;
  const allocationDemand = response();
  const proportionalDemand = response();
  const allocation: BoundTimeline = allocationTimeline(monthly, initial, { objective, ...(allocationDemand ? { demand: allocationDemand } : {}), onMonth: (done) => options.onProgress?.(done, total) });
  const proportional: BoundTimeline = proportionalTimeline(monthly, initial, { ...(proportionalDemand ? { demand: proportionalDemand } : {}), onMonth: (done) => options.onProgress?.(months + done, total) });

  for (const sink of new Set([...Object.keys(proportional.bySink), ...Object.keys(allocation.bySink)])) if (!baseline.hasNode(sink)) addSink(graph, sink);

  const endUses = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([endUse, sinkSet]): EndUseTimeline => {
      const sinks = [...sinkSet].sort();
      const demand = sinks.reduce((t, s) => t + demandOf(s), 0);
      const series = (bound: BoundTimeline) => boundSeries(sumSeries(sinks.map((s) => bound.bySink[s]), months), demand, shares.get(endUse));
      return { endUse, sinks, demand, allocation: series(allocation), proportional: series(proportional) };
    });

  const warnings = [...applyScenario(graph, { name: scenario.name, actions: scenario.actions }).warnings];
  for (const w of windows) if (w.first > w.last) warnings.push(`action ${w.action} (${w.type}) is never in force within the ${months} month(s)`);
  for (const [g, e] of thrifting) if (e.source === undefined) warnings.push(`thrifting of "${g}" (${e.share} a year) has no source: an assumption of the run, not a cited figure`);
  return {
    name: scenario.name,
    unit: monthlyUnit(unitOf(graph.getAttributes())),
    months,
    start: start ?? null,
    objective,
    thrifting: [...thrifting].sort(([a], [b]) => a.localeCompare(b)).map(([endUse, e]) => ({ endUse, share: e.share, source: e.source ?? null })),
    labels: Array.from({ length: months }, (_v, i) => (startMonth ? isoOfMonth(i + 1, startMonth) : String(i + 1))),
    windows,
    endUses,
    nodes: Object.entries(proportional.stock)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, stock]) => ({ node, initial: initial.get(node) ?? 0, stock, allocationStock: allocation.stock[node] ?? [] })),
    warnings,
  };
}
