/**
 * The proportional (no rerouting) bound month by month, with stocks.
 *
 * Each month runs `proportionalFlow` on the month's modified active graph
 * (`month-graphs.ts`) with monthly flows = annual flows / 12 (fractions do not depend on
 * the scale). A node v with stock S_v (tonnes) and nominal in-flow N_v (t/yr in the
 * month's graph) may draw its own stock to keep its output while it lasts:
 *
 *   reserve_v = S_v / (N_v / 12)                     (months of cover left)
 *   f(v)      = min(limit_v x r_v, received_v + reserve_v)
 *   draw_v    = max(0, f(v) - received_v) x N_v / 12                 tonnes
 *   refill_v  = min(S0_v - S_v + draw_v, max(0, received_v - f(v)) x N_v / 12)
 *   S_v      <- S_v - draw_v + refill_v
 *
 * received_v is the fraction of its nominal in-flow that arrives (`proportionalFlow`),
 * limit_v the scenario's limit (0 offline, min(1, k) scaled), r_v a project's ramp. Stock
 * is drawn only when arrivals fall short of what the node would use, and refilled only
 * from arrivals above it, up to the initial stock S0_v: with no node limited below its
 * arrivals (capacity = flow) a stock never refills. An offline node ships nothing, stock
 * or not. Delivered to a sink in month t = f(sink) x N_sink / 12, t/month.
 * Refill needs arrivals above use: in this bound flows never exceed their nominal
 * fraction 1, so only a node limited below what reaches it (limit_v < received_v) refills;
 * spare capacity upstream does not help (no rerouting, no extra supply).
 * Thrifting (`thrifting.ts`): a sink's limit is multiplied by 1 - cut of its end use, so
 * it draws (and asks) only for the demand left.
 * Myopic: each month is solved on its own, from the stocks the previous month left.
 */
import { proportionalFlow } from '../scenario/proportional-flow.js';
import type { MonthGraph } from './month-graphs.js';
import type { DemandResponse } from './thrifting.js';

export interface BoundTimeline {
  /** Delivered per sink, t per month, months 1..N. */
  bySink: Record<string, number[]>;
  /** Stock per stocked node, t at the end of each month. */
  stock: Record<string, number[]>;
}

export interface ProportionalTimelineOptions {
  /** Demand response of this bound (`thrifting.ts`). */
  demand?: DemandResponse;
  onMonth?: (done: number) => void;
}

/** Runs the proportional bound over `months` from the initial stocks (tonnes). */
export function proportionalTimeline(months: readonly MonthGraph[], initial: ReadonlyMap<string, number>, options: ProportionalTimelineOptions = {}): BoundTimeline {
  const stock = new Map(initial);
  const bySink: Record<string, number[]> = {};
  const stockSeries: Record<string, number[]> = {};
  for (const node of initial.keys()) stockSeries[node] = [];
  months.forEach((m, i) => {
    const graph = m.applied.graph;
    const nominal = new Map<string, number>();
    const reserve: Record<string, number> = {};
    for (const [node, tonnes] of stock) {
      if (!graph.hasNode(node)) continue;
      const n = graph.reduceInEdges(node, (total, _e, a) => total + a.flow, 0);
      nominal.set(node, n);
      if (n > 0) reserve[node] = (12 * tonnes) / n;
    }
    let limit = m.limit;
    const thrift = options.demand?.factors();
    if (thrift && thrift.size > 0) {
      limit = { ...m.limit };
      for (const [sink, f] of thrift) if (graph.hasNode(sink)) limit[sink] = (limit[sink] ?? 1) * f;
    }
    const result = proportionalFlow(graph, { pass: m.applied.pass, limit, reserve });
    for (const [node, n] of nominal) {
      const received = result.received[node];
      const f = result.fraction[node];
      if (received === undefined || f === undefined || n <= 0) continue;
      const s = stock.get(node) ?? 0;
      const draw = Math.min(s, (Math.max(0, f - received) * n) / 12);
      const refill = Math.min((initial.get(node) ?? 0) - s + draw, (Math.max(0, received - f) * n) / 12);
      stock.set(node, s - draw + Math.max(0, refill));
    }
    for (const [node, series] of Object.entries(stockSeries)) series.push(stock.get(node) ?? 0);
    for (const [sink, annual] of Object.entries(result.bySink)) {
      const series = (bySink[sink] ??= new Array<number>(i).fill(0));
      series.push(annual / 12);
    }
    for (const series of Object.values(bySink)) if (series.length < i + 1) series.push(0);
    options.demand?.record(Object.fromEntries(Object.entries(bySink).map(([sink, series]) => [sink, series[i] ?? 0])));
    options.onMonth?.(i + 1);
  });
  return { bySink, stock: stockSeries };
}
