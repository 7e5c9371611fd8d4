/**
 * The allocation bound month by month, with stocks: the recipe LP of issue 11
 * (`src/allocation/allocation-lp.ts`, one builder, solved by HiGHS) on each month's
 * modified active graph, myopic (no foresight of the scenario: each month maximises its
 * own delivery from the stocks the previous month left).
 *
 * Per month t, on the month's graph (`month-graphs.ts`), in the LP's t/yr units:
 *   extraSupply_v = 12 x S_v          stock at v as extra supply (column s_v of the LP:
 *                                     output without inputs or capacity, any output mix)
 *   ramp r_v of a project: its capacity and its edges' capacities x r_v
 *   objective: maximise delivered - eps x sum_v s_v, eps = 1e-4 per t/yr
 * so a stock is drawn only where it raises delivery (eps breaks ties towards arrivals;
 * it changes delivery only where a tonne of stock would deliver less than eps). Then
 *   draw_v = s_v / 12 tonnes,  S_v <- S_v - draw_v,  delivered to sink t = (x_t + s_t) / 12.
 * Stocks are not refilled in this bound (the LP sends no material it cannot deliver in
 * the month), so after a disruption it holds what is left; see docs/scenarios.md.
 * Objective `total` only (the `fair` objective is not run month by month).
 *
 * A month whose LP is the same as an earlier month's (same applied graph, same ramps, same
 * stocks: e.g. every month after a disruption once no stock moves) reuses that month's
 * solution instead of solving again.
 */
import { buildAllocationLp, lpName } from '../allocation/allocation-lp.js';
import { allocationNetwork, isSink, type AllocationNetwork } from '../allocation/allocation-network.js';
import { solveLp } from '../allocation/highs-adapter.js';
import type { AppliedScenario } from '../scenario/apply-scenario.js';
import type { MonthGraph } from './month-graphs.js';
import type { BoundTimeline } from './proportional-timeline.js';

/** Objective cost of drawing one t/yr of stock. */
export const STOCK_DRAW_PENALTY = 1e-4;

/** Runs the allocation bound over `months`; `onMonth(done)` after each month. */
export function allocationTimeline(months: readonly MonthGraph[], initial: ReadonlyMap<string, number>, onMonth?: (done: number) => void): BoundTimeline {
  const stock = new Map(initial);
  const networks = new Map<AppliedScenario, AllocationNetwork>();
  const solved = new Map<AppliedScenario, Map<string, { draws: Map<string, number>; delivered: Map<string, number> }>>();
  const bySink: Record<string, number[]> = {};
  const stockSeries: Record<string, number[]> = {};
  for (const node of initial.keys()) stockSeries[node] = [];
  months.forEach((m, i) => {
    const graph = m.applied.graph;
    let net = networks.get(m.applied);
    if (!net) {
      net = allocationNetwork(graph);
      networks.set(m.applied, net);
    }
    const extraSupply = new Map<string, number>();
    for (const [node, tonnes] of stock) if (tonnes > 0 && graph.hasNode(node)) extraSupply.set(node, 12 * tonnes);
    const nodeCapacity = new Map<string, number>();
    const edgeCapacity = new Map<string, number>();
    for (const [node, r] of Object.entries(m.ramp)) {
      const v = net.nodes.indexOf(node);
      if (v < 0) continue;
      const capacity = net.nodeCapacity[v] as number;
      if (Number.isFinite(capacity)) nodeCapacity.set(node, r * capacity);
      for (const e of [...(net.inEdges[v] ?? []), ...(net.outEdges[v] ?? [])]) {
        const edge = net.edges[e] as string;
        edgeCapacity.set(edge, r * Math.min(edgeCapacity.get(edge) ?? Infinity, net.edgeCapacity[e] as number));
      }
    }
    const key = JSON.stringify([Object.entries(m.ramp), [...extraSupply]]);
    const memo = solved.get(m.applied) ?? solved.set(m.applied, new Map()).get(m.applied);
    const found = memo?.get(key);
    const { draws, delivered } = found ?? solveMonth(net, extraSupply, nodeCapacity, edgeCapacity);
    if (!found) memo?.set(key, { draws, delivered });
    for (const [node, drawn] of draws) {
      const s = stock.get(node) ?? 0;
      stock.set(node, Math.max(0, s - Math.min(s, drawn)));
    }
    for (const [node, series] of Object.entries(stockSeries)) series.push(stock.get(node) ?? 0);
    for (const [node, monthly] of delivered) {
      const series = (bySink[node] ??= new Array<number>(i).fill(0));
      series.push(monthly);
    }
    for (const series of Object.values(bySink)) if (series.length < i + 1) series.push(0);
    onMonth?.(i + 1);
  });
  return { bySink, stock: stockSeries };
}

/** One month's LP: tonnes drawn per stocked node and delivered per sink, t/month. */
function solveMonth(
  net: AllocationNetwork,
  extraSupply: ReadonlyMap<string, number>,
  nodeCapacity: ReadonlyMap<string, number>,
  edgeCapacity: ReadonlyMap<string, number>,
): { draws: Map<string, number>; delivered: Map<string, number> } {
  const built = buildAllocationLp(net, { objective: 'total', extraSupply, nodeCapacity, edgeCapacity });
  const cost = built.lp.cost.slice();
  for (const node of extraSupply.keys()) {
    const j = built.lp.columnIndex.get(lpName('s', node));
    if (j !== undefined) cost[j] = (cost[j] ?? 0) - STOCK_DRAW_PENALTY;
  }
  const lp = { ...built.lp, cost };
  const solution = solveLp(lp);
  const value = (name: string) => {
    const j = lp.columnIndex.get(name);
    return j === undefined ? 0 : Math.max(0, solution.columnValue[j] ?? 0);
  };
  const draws = new Map<string, number>();
  for (const node of extraSupply.keys()) draws.set(node, value(lpName('s', node)) / 12);
  const delivered = new Map<string, number>();
  net.nodes.forEach((node, v) => {
    if (!isSink(net, v)) return;
    const annual = (net.recipes[v] ?? []).reduce((total, r) => total + value(lpName('x', node, r.name)), 0) + value(lpName('s', node));
    delivered.set(node, annual / 12);
  });
  return { draws, delivered };
}
