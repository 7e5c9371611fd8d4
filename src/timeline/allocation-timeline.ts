/**
 * The allocation bound month by month, with stocks: the recipe LP of issue 11
 * (`src/allocation/allocation-lp.ts`, one builder, solved by HiGHS) on each month's
 * modified active graph, myopic (no foresight of the scenario: each month maximises its
 * own delivery from the stocks the previous month left).
 *
 * Per month t, on the month's graph (`month-graphs.ts`), in the LP's t/yr units, with
 * S_v the stock left at v and S0_v its initial stock (tonnes):
 *   extraSupply_v = 12 x S_v          stock at v as extra supply (column s_v of the LP:
 *                                     output without inputs or capacity, any output mix)
 *   refill_v      = 12 x (S0_v - S_v) headroom of a stocked non-source v (column q_v:
 *                                     input in v's input mix, counted in v's capacity
 *                                     row, no output)
 *   ramp r_v of a project: its capacity and its edges' capacities x r_v
 *   thrifting: a sink's limit x (1 - cut) of its end use (`thrifting.ts`)
 * Stage 1, delivery: objective `total` maximises delivered - eps x sum_v s_v (eps = 1e-4
 * per t/yr); objective `fair` maximises the common share lambda of every end use's
 * demand, then delivered - eps x sum_v s_v with lambda held (`fairPhaseTwo`). So a stock
 * is drawn only where it raises delivery (eps breaks ties towards arrivals; it changes
 * delivery only where a tonne of stock would deliver less than eps). q_v costs nothing
 * here and cannot raise delivery.
 * Stage 2, refill (only when some stocked node below S0 drew nothing in stage 1): the same
 * LP with every sink's activities x_t (so its delivery) and every draw s_v fixed at their
 * stage-1 values (column bounds: held exactly), q_v = 0 where v drew, maximising
 * sum_v q_v. Lexicographic, so a refill never takes delivery from any sink, and a node
 * never draws and refills in the same month: stock is drawn only when arrivals fall
 * short of what the node uses, and refilled only from arrivals above that. Then
 *   draw_v = s_v / 12,  refill_v = q_v / 12 tonnes,  S_v <- S_v - draw_v + refill_v,
 *   delivered to sink t = (x_t + s_t) / 12 (stage 1).
 * Assumptions: refilling counts against the node's capacity like its activity (so a node
 * at capacity cannot refill, and drawing in one month and refilling the next cannot lift
 * it above its capacity for good);
 * one tonne of input refills one tonne of stock (the draw, too, counts one tonne of stock
 * as one tonne of output); the refill comes in the input mix of the node's first recipe
 * with stated inputs (the default recipe: its baseline mix). With capacity = flow
 * everywhere upstream nothing can arrive above use, so a stock never refills.
 *
 * A month whose LP is the same as an earlier month's (same applied graph, ramps, stocks,
 * thrifting: e.g. every month after a disruption once no stock moves) reuses that month's
 * solution instead of solving again.
 */
import { buildAllocationLp, fairPhaseTwo, lpName, type Objective } from '../allocation/allocation-lp.js';
import { allocationNetwork, isSink, isSource, type AllocationNetwork } from '../allocation/allocation-network.js';
import { solveLp } from '../allocation/highs-adapter.js';
import type { LinearProgram, LpSolution } from '../allocation/linear-program.js';
import type { AppliedScenario } from '../scenario/apply-scenario.js';
import type { MonthGraph } from './month-graphs.js';
import type { BoundTimeline } from './proportional-timeline.js';
import type { DemandResponse } from './thrifting.js';

/** Objective cost of drawing one t/yr of stock. */
export const STOCK_DRAW_PENALTY = 1e-4;

export interface AllocationTimelineOptions {
  objective?: Objective;
  /** Demand response of this bound (`thrifting.ts`). */
  demand?: DemandResponse;
  onMonth?: (done: number) => void;
}

interface MonthSolution {
  draws: Map<string, number>;
  refills: Map<string, number>;
  delivered: Map<string, number>;
}

/** Runs the allocation bound over `months` from the initial stocks (tonnes). */
export function allocationTimeline(months: readonly MonthGraph[], initial: ReadonlyMap<string, number>, options: AllocationTimelineOptions = {}): BoundTimeline {
  const objective = options.objective ?? 'total';
  const stock = new Map(initial);
  const networks = new Map<AppliedScenario, AllocationNetwork>();
  const solved = new Map<AppliedScenario, Map<string, MonthSolution>>();
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
    const index = new Map(net.nodes.map((node, v) => [node, v]));
    const extraSupply = new Map<string, number>();
    const refill = new Map<string, number>();
    for (const [node, tonnes] of stock) {
      const v = index.get(node);
      if (v === undefined || (net.inEdges[v] ?? []).length + (net.outEdges[v] ?? []).length === 0) continue;
      if (tonnes > 0) extraSupply.set(node, 12 * tonnes);
      const headroom = 12 * ((initial.get(node) ?? 0) - tonnes);
      if (headroom > 1e-9 * 12 * (initial.get(node) ?? 0) && !isSource(net, v)) refill.set(node, headroom);
    }
    const nodeCapacity = new Map<string, number>();
    const edgeCapacity = new Map<string, number>();
    for (const [node, r] of Object.entries(m.ramp)) {
      const v = index.get(node);
      if (v === undefined) continue;
      const capacity = net.nodeCapacity[v] as number;
      if (Number.isFinite(capacity)) nodeCapacity.set(node, r * capacity);
      for (const e of [...(net.inEdges[v] ?? []), ...(net.outEdges[v] ?? [])]) {
        const edge = net.edges[e] as string;
        edgeCapacity.set(edge, r * Math.min(edgeCapacity.get(edge) ?? Infinity, net.edgeCapacity[e] as number));
      }
    }
    const sinkLimit = new Map<string, number>();
    for (const [sink, f] of options.demand?.factors() ?? []) {
      const v = index.get(sink);
      if (v !== undefined && isSink(net, v)) sinkLimit.set(sink, f * (net.sinkLimit[v] as number));
    }
    const key = JSON.stringify([Object.entries(m.ramp), [...extraSupply], [...refill], [...sinkLimit]]);
    const memo = solved.get(m.applied) ?? solved.set(m.applied, new Map()).get(m.applied);
    const found = memo?.get(key);
    const month = found ?? solveMonth(net, objective, { extraSupply, refill, nodeCapacity, edgeCapacity, sinkLimit });
    if (!found) memo?.set(key, month);
    for (const [node, drawn] of month.draws) {
      const s = stock.get(node) ?? 0;
      stock.set(node, Math.max(0, s - Math.min(s, drawn)));
    }
    for (const [node, refilled] of month.refills) {
      const s = stock.get(node) ?? 0;
      stock.set(node, Math.min(initial.get(node) ?? 0, s + refilled));
    }
    for (const [node, series] of Object.entries(stockSeries)) series.push(stock.get(node) ?? 0);
    for (const [node, monthly] of month.delivered) {
      const series = (bySink[node] ??= new Array<number>(i).fill(0));
      series.push(monthly);
    }
    for (const series of Object.values(bySink)) if (series.length < i + 1) series.push(0);
    options.demand?.record(month.delivered);
    options.onMonth?.(i + 1);
  });
  return { bySink, stock: stockSeries };
}

interface MonthInputs {
  extraSupply: ReadonlyMap<string, number>;
  refill: ReadonlyMap<string, number>;
  nodeCapacity: ReadonlyMap<string, number>;
  edgeCapacity: ReadonlyMap<string, number>;
  sinkLimit: ReadonlyMap<string, number>;
}

/** One month's LP (both stages of the header): tonnes drawn and refilled per stocked node, delivered per sink, t/month. */
function solveMonth(net: AllocationNetwork, objective: Objective, inputs: MonthInputs): MonthSolution {
  const built = buildAllocationLp(net, { objective, ...inputs });
  const withDrawPenalty = (lp: LinearProgram): LinearProgram => {
    const cost = lp.cost.slice();
    for (const node of inputs.extraSupply.keys()) {
      const j = lp.columnIndex.get(lpName('s', node));
      if (j !== undefined) cost[j] = (cost[j] ?? 0) - STOCK_DRAW_PENALTY;
    }
    return { ...lp, cost };
  };
  let lp: LinearProgram;
  let solution: LpSolution;
  if (objective === 'fair' && built.lambda >= 0) {
    const level = solveLp(built.lp).objective;
    lp = withDrawPenalty(fairPhaseTwo(built, level));
  } else {
    lp = withDrawPenalty(built.lp);
  }
  solution = solveLp(lp);
  const column = (name: string) => lp.columnIndex.get(name);
  const value = (s: LpSolution, name: string) => {
    const j = column(name);
    return j === undefined ? 0 : Math.max(0, s.columnValue[j] ?? 0);
  };
  const draws = new Map<string, number>();
  for (const node of inputs.extraSupply.keys()) draws.set(node, value(solution, lpName('s', node)) / 12);
  const delivered = new Map<string, number>();
  net.nodes.forEach((node, v) => {
    if (!isSink(net, v)) return;
    const annual = (net.recipes[v] ?? []).reduce((total, r) => total + value(solution, lpName('x', node, r.name)), 0) + value(solution, lpName('s', node));
    delivered.set(node, annual / 12);
  });

  const refills = new Map<string, number>();
  const candidates = [...inputs.refill.keys()].filter((node) => column(lpName('q', node)) !== undefined && (draws.get(node) ?? 0) <= 1e-9 * (inputs.extraSupply.get(node) ?? 0));
  if (candidates.length === 0) return { draws, refills, delivered };

  // Stage 2: hold deliveries and draws, maximise refill.
  const cost = lp.cost.map(() => 0);
  const colLower = lp.colLower.slice();
  const colUpper = lp.colUpper.slice();
  for (const node of inputs.extraSupply.keys()) {
    const j = column(lpName('s', node));
    if (j === undefined) continue;
    colLower[j] = colUpper[j] = Math.max(0, solution.columnValue[j] ?? 0);
  }
  for (const node of inputs.refill.keys()) {
    const j = column(lpName('q', node));
    if (j === undefined) continue;
    if (candidates.includes(node)) cost[j] = 1;
    else colUpper[j] = 0;
  }
  net.nodes.forEach((node, v) => {
    if (!isSink(net, v)) return;
    for (const r of net.recipes[v] ?? []) {
      const j = column(lpName('x', node, r.name));
      if (j !== undefined) colLower[j] = colUpper[j] = Math.max(0, solution.columnValue[j] ?? 0);
    }
  });
  const stage2: LinearProgram = { ...lp, cost, colLower, colUpper };
  solution = solveLp(stage2);
  for (const node of candidates) refills.set(node, value(solution, lpName('q', node)) / 12);
  return { draws, refills, delivered };
}
