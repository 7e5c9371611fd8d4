/**
 * The allocation bound: the most supply the sinks can receive when material may be
 * rerouted through spare capacity but every node obeys its recipes (docs/scenarios.md,
 * "The allocation bound"; the LP is `allocation-lp.ts`, solved by HiGHS through
 * `highs-adapter.ts`). A realistic best case: between max flow (no recipes) and the
 * Leontief proportional bound (no rerouting).
 *
 * - objective `total`: maximise delivered = sum of sink activities.
 * - objective `fair`: maximise lambda such that every end use g receives at least lambda
 *   x D_g (D_g = sum of its sinks' `demand ?? IN`), then maximise delivered with lambda
 *   fixed; lambda is `fairLevel` (null when no end use has demand).
 *
 * Shadow prices: for each node with a finite capacity (after the actions, or overridden),
 * the dual of its row cap(v), i.e. delivered t/yr gained per extra t/yr of capacity at
 * the optimum found (for `fair`, of the phase-2 LP); 0 for a node without a finite
 * capacity (relaxing no bound gains nothing). A country's shadow price is the largest of
 * its nodes' (where one more tonne of capacity in that country helps most), with the node.
 * Input prices: for each node and input material k, minus the dual of row in(v,k):
 * delivered t/yr gained per extra tonne of k arriving at v. Duals of a degenerate LP are
 * not unique; these are those of the optimal basis HiGHS returns.
 */
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { AppliedScenario } from '../scenario/apply-scenario.js';
import { buildAllocationLp, fairPhaseTwo, servedFirst, OBJECTIVES, type AllocationLp, type AllocationLpOptions, type Objective } from './allocation-lp.js';
import { allocationNetwork, isSink, type AllocationNetwork } from './allocation-network.js';
import { solveLp, solveLpObjectives } from './highs-adapter.js';
import { restrictColumns, type LpBasis, type LpSolution } from './linear-program.js';
import { liveNodes } from './live-nodes.js';
import type { ResolvedRecipe } from './recipes.js';
import { requireSupplyChain } from '../model/supply-chain.js';

export interface AllocationOptions extends AllocationLpOptions {
  /** The baseline active graph whose flows give the default recipes (when the input is a graph); default: the input graph. */
  base?: SupplyGraph;
  /**
   * What is read back from the optimum: `full` (default) everything; `deliveries` only
   * delivered, fairLevel, bySink and byEndUse, with edgeFlow, activity, shadowPrice and
   * inputPrice left empty (a lean scenario evaluation, which reports only losses).
   */
  detail?: 'full' | 'deliveries';
}

const KNOWN = new Set(['objective', 'extraSupply', 'nodeCapacity', 'edgeCapacity', 'sinkLimit', 'base', 'detail']);

export interface CountryShadowPrice {
  /** Largest shadow price of the country's nodes. */
  price: number;
  /** The node with that price (first by key on ties); null when the country has no node with a finite capacity. */
  node: string | null;
}

export interface AllocationResult {
  objective: Objective;
  /** Delivered to all sinks, t/yr. */
  delivered: number;
  /** The fair level lambda (objective `fair`), else null. */
  fairLevel: number | null;
  bySink: Record<string, number>;
  /** Delivered per end use (sinks grouped by sector). */
  byEndUse: Record<string, number>;
  /** Flow on each edge in the optimum found. */
  edgeFlow: Record<string, number>;
  /** Total activity (sum over recipes) of each node. */
  activity: Record<string, number>;
  shadowPrice: { nodes: Record<string, number>; countries: Record<string, CountryShadowPrice> };
  /** Per node, per input material with a row: delivered gained per extra tonne arriving. */
  inputPrice: Record<string, Record<string, number>>;
  /** Size of the LP solved. */
  lp: { rows: number; columns: number };
}

export type AllocationInput = SupplyGraph | AppliedScenario | AllocationNetwork;

/** The LP (objective total) each result of `solveAllocation` was solved on, with its optimal basis: `servedFirstAllocation` starts from them. */
const solvedLps = new WeakMap<AllocationResult, { net: AllocationNetwork; options: AllocationLpOptions; built: AllocationLp; basis: LpBasis | undefined }>();

/** Whether two option sets give the same LP up to its objective: every other option the same value (maps: the same object). */
function sameLp(a: AllocationLpOptions, b: AllocationLpOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('objective');
  return [...keys].every((key) => a[key as keyof AllocationLpOptions] === b[key as keyof AllocationLpOptions]);
}

function networkOf(input: AllocationInput, base: SupplyGraph | undefined): AllocationNetwork {
  if ('recipes' in input && 'edgeMaterial' in input) return input;
  const graph = 'pass' in input && 'limit' in input ? input.graph : (input as SupplyGraph);
  requireSupplyChain(graph, 'allocation', ['country', 'flow']);
  return allocationNetwork(graph, base ?? graph);
}

function resolveOptions(options: AllocationOptions): AllocationOptions {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`allocation: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  if (options.objective !== undefined && !(OBJECTIVES as readonly string[]).includes(options.objective)) {
    throw new UsageError(`allocation: objective must be one of ${OBJECTIVES.join(', ')} (got "${String(options.objective)}")`);
  }
  if (options.detail !== undefined && options.detail !== 'full' && options.detail !== 'deliveries') {
    throw new UsageError(`allocation: detail must be "full" or "deliveries" (got "${String(options.detail)}")`);
  }
  for (const name of ['extraSupply', 'nodeCapacity', 'edgeCapacity'] as const) {
    for (const [key, value] of options[name] ?? []) {
      if (!(value >= 0)) throw new UsageError(`allocation: ${name} of "${key}" must be a number >= 0 (got ${value})`);
    }
  }
  return options;
}

/** Solves the allocation LP of a graph, an applied scenario or a prepared network. */
export function solveAllocation(input: AllocationInput, options: AllocationOptions = {}): AllocationResult {
  const { base, detail, ...lpOptions } = resolveOptions(options);
  const net = networkOf(input, base);
  return solveBuiltAllocation(net, buildAllocationLp(net, lpOptions), detail === undefined ? lpOptions : { ...lpOptions, detail });
}

/** The LP solve(s) behind an allocation result: the optimal solution read back, the fair level (objective fair) and the size of the LP solved. */
export interface AllocationSolve {
  solution: LpSolution;
  fairLevel: number | null;
  size: { rows: number; columns: number };
}

/** What `solveAllocationLp` reads of an allocation LP (all a worker thread needs: scenario/allocation-worker.ts). */
export type AllocationLpCore = Pick<AllocationLp, 'lp' | 'lambda' | 'delivered'>;

/**
 * The solves of `solveBuiltAllocation` alone: `built.lp` with HiGHS, and under objective
 * fair (with a lambda column) phase two (`fairPhaseTwo`) at the level found. A pure
 * function of its input: the same LP gives the same solution in any thread.
 */
export function solveAllocationLp(built: AllocationLpCore, objective: Objective): AllocationSolve {
  let solution: LpSolution = solveLp(built.lp);
  let lp = built.lp;
  let fairLevel: number | null = null;
  if (objective === 'fair' && built.lambda >= 0) {
    fairLevel = Math.min(1, solution.objective);
    lp = fairPhaseTwo(built, solution.objective);
    solution = solveLp(lp);
  }
  return { solution, fairLevel, size: { rows: lp.rowNames.length, columns: lp.columnNames.length } };
}

/**
 * `solveAllocation` of the network `net` on `built`, which must be `buildAllocationLp(net,
 * options)` (for instance `withCapacities` of another network's LP: the same LP): what
 * callers that already hold the LP use. `base` is not an option here (the network is given).
 * `solved`: `solveAllocationLp(built, objective)` computed elsewhere (a worker thread:
 * evaluate-parallel.ts), read back as if solved here; default: solved here.
 */
export function solveBuiltAllocation(net: AllocationNetwork, built: AllocationLp, options: Omit<AllocationOptions, 'base'> = {}, solved?: AllocationSolve): AllocationResult {
  const { detail = 'full', ...lpOptions } = resolveOptions(options);
  const objective = lpOptions.objective ?? 'total';
  const full = detail === 'full';
  const { solution, fairLevel, size } = solved ?? solveAllocationLp(built, objective);

  // Read back by the indices the builder recorded (the same columns and rows as by name).
  const value = (j: number) => solution.columnValue[j] ?? 0;
  const edgeFlow: Record<string, number> = {};
  if (full) net.edges.forEach((edge, e) => (edgeFlow[edge] = value(built.flowColumn[e] as number)));
  const activity: Record<string, number> = {};
  const bySink: Record<string, number> = {};
  const byEndUse: Record<string, number> = {};
  const nodes: Record<string, number> = {};
  const countries: Record<string, CountryShadowPrice> = {};
  const inputPrice: Record<string, Record<string, number>> = {};
  let delivered = 0;
  net.nodes.forEach((node, v) => {
    const recipes = net.recipes[v] ?? [];
    const act = (built.activityColumns[v] ?? []).reduce((s, j) => s + value(j), 0);
    if (isSink(net, v)) {
      const got = act + value(built.stockColumn[v] as number);
      bySink[node] = got;
      delivered += got;
      const endUse = net.endUse[v] as string;
      byEndUse[endUse] = (byEndUse[endUse] ?? 0) + got;
    }
    if (!full) return;
    activity[node] = act;
    const capRow = built.capRow[v] as number;
    const hasCap = capRow >= 0;
    const price = Math.max(0, hasCap ? (solution.rowDual[capRow] ?? 0) : 0);
    nodes[node] = price;
    const country = net.country[v] as string;
    const current = countries[country];
    if (!current) countries[country] = { price, node: hasCap ? node : null };
    else if (hasCap && (current.node === null || price > current.price || (price === current.price && node < current.node))) countries[country] = { price, node };
    const prices: Record<string, number> = {};
    const materials = new Set(['*', ...(net.inEdges[v] ?? []).map((e) => net.edgeMaterial[e] as string), ...recipes.flatMap((r) => (r.inputs === 'pooled' ? [] : [...r.inputs.keys()]))]);
    const inRows = built.inputRows[v];
    for (const k of materials) {
      const row = inRows?.get(k);
      if (row !== undefined) prices[k] = Math.max(0, -(solution.rowDual[row] ?? 0));
    }
    if (Object.keys(prices).length > 0) inputPrice[node] = prices;
  });
  const result: AllocationResult = { objective, delivered, fairLevel, bySink, byEndUse, edgeFlow, activity, shadowPrice: { nodes, countries }, inputPrice, lp: { ...size } };
  if (objective === 'total') solvedLps.set(result, { net, options: lpOptions, built, basis: solution.basis });
  return result;
}

/** Options of `servedFirstAllocation`: those of the LP, and an optimum already found. */
export interface ServedFirstOptions extends AllocationOptions {
  /**
   * An optimum `solveAllocation` found on the same input with the same options (any
   * objective): its deliveries are one feasible plan, used to skip groups it already
   * serves in full (see `servedFirstAllocation`). Default: the objective `total` is solved first.
   */
  optimum?: AllocationResult;
}

/** A sink is at its limit L in a plan delivering d when d >= L - AT_LIMIT max(1, L). */
const AT_LIMIT = 1e-9;

/**
 * For each group of sinks (e.g. an end use), the most the group can receive when served
 * first: the allocation LP (objective `total`, same options) maximising only the group's
 * sinks. Unlike the split of one optimum among the sinks (not unique), this is unique;
 * it is the allocation analogue of `sink-max-flow.ts`. One LP, re-solved per group from
 * the previous basis (`solveLpObjectives`), for the groups the shortcut below leaves; the
 * first from the optimal basis of objective `total` (the `optimum`'s, when `solveAllocation`
 * solved it on this same network object with the same overrides, else solved here).
 *
 * Shortcut (exact): let P be the feasible plans of the LP and d_t(y) what sink t receives
 * in plan y (its activities plus its stock). Every plan obeys the row demand(t), so
 * d_t(y) <= L_t (L_t = `demand ?? IN`, or the `sinkLimit` override), hence
 *   servedFirst(G) = max_{y in P} sum_{t in G} d_t(y) <= sum_{t in G} L_t.
 * If one plan y* in P (the optimum of objective `total`, or the `optimum` option: any
 * optimum of the same LP, which is a plan in P since the fair rows only add constraints)
 * gives every t in G its limit, d_t(y*) = L_t, the bound is reached:
 *   servedFirst(G) = sum_{t in G} L_t,
 * and no LP is solved for G. Groups with a sink of infinite limit (no demand row), or
 * below its limit in y*, are solved. A listed node that is not a sink of the network
 * counts 0 on both sides (it has no activity the objective counts). "At the limit" allows
 * the solver's rounding: d_t >= L_t - 1e-9 max(1, L_t), so the value returned is within
 * that of the LP's own optimum. Corollary: in the baseline (no action) with capacities >=
 * flows and no stated `demand`, the observed flows are a plan giving every sink L_t = IN_t,
 * so every optimum of objective `total` delivers sum_t L_t and, as no d_t exceeds its L_t,
 * gives each sink exactly L_t: every group is served in full and no LP is solved at all.
 *
 * The same argument holds with any per-sink bound U_t >= d_t(y) for every plan y; a sink
 * below its limit in y* is settled by the first of these that y* reaches (the same
 * tolerance), and a group whose sinks are all settled gets the sum of their bounds:
 * - U_t = 0 when t is not live (`live-nodes.ts`: no plan gives it activity or stock);
 * - U_t = min(L_t, c_t + s_t, I_t + s_t), with c_t its capacity (row cap(t): activity
 *   <= c_t), s_t its stock (extraSupply, 0 without) and, when t has one recipe, I_t =
 *   min over its input materials k with a_k > 0 of (sum of the capacities of t's in-edges
 *   of k from live nodes) / a_k (row in(t,k); pooled inputs: all live in-edges, a = 1;
 *   in-edges from nodes that are not live carry nothing); I_t = Infinity otherwise.
 * The groups left are solved on the LP without the columns of nodes that are not live
 * (their activities, stocks, mixes, refills) and of edges from or to such nodes: the
 * former are 0 in every plan, and setting the latter (and refills of nodes that are not
 * live) to 0 in a plan keeps it feasible (less flow into a node that makes nothing, less
 * flow out of a node under its out rows) with the same deliveries, so the optimum is the
 * same (`restrictColumns`). With every node live, that is the full LP, warm-started as above.
 */
export function servedFirstAllocation(input: AllocationInput, groups: Record<string, readonly string[]>, options: ServedFirstOptions = {}): Record<string, number> {
  const { optimum, ...rest } = options;
  const { base, ...lpOptions } = resolveOptions(rest);
  const net = networkOf(input, base);
  const index = new Map(net.nodes.map((node, v) => [node, v]));
  const names = Object.keys(groups);
  const members = names.map((group) => (groups[group] ?? []).map((s) => index.get(s)).filter((v): v is number => v !== undefined));
  // The optimum's own LP and basis when it was solved on this network with these overrides.
  const known = optimum ? solvedLps.get(optimum) : undefined;
  const reuse = known && known.net === net && sameLp(known.options, lpOptions) ? known : undefined;
  let built: AllocationLp | undefined = reuse?.built;
  let basis: LpBasis | undefined = reuse?.basis;
  const lp = () => (built ??= buildAllocationLp(net, { ...lpOptions, objective: 'total' }));
  let received: (v: number) => number;
  if (optimum) {
    received = (v) => optimum.bySink[net.nodes[v] as string] ?? 0;
  } else {
    const { lp: total, sinkEntries } = lp();
    const solution = solveLp(total);
    const plan = solution.columnValue;
    basis = solution.basis;
    received = (v) => (sinkEntries.get(v) ?? []).reduce((s, [j, c]) => s + c * (plan[j] ?? 0), 0);
  }
  const live = liveNodes(net, lpOptions);
  const reaches = (v: number, bound: number) => received(v) >= bound - AT_LIMIT * Math.max(1, bound);
  // Per sink, the bound of the header that y* reaches, or undefined.
  const settled = (v: number): number | undefined => {
    if (!isSink(net, v)) return 0;
    const limit = lpOptions.sinkLimit?.get(net.nodes[v] as string) ?? (net.sinkLimit[v] as number);
    if (Number.isFinite(limit) && reaches(v, limit)) return limit;
    if (live[v] === 0) return 0;
    const bound = sinkBound(net, v, limit, live, lpOptions);
    return Number.isFinite(bound) && reaches(v, bound) ? bound : undefined;
  };
  const full = members.map((sinks) => {
    let sum = 0;
    for (const v of sinks) {
      const bound = settled(v);
      if (bound === undefined) return undefined;
      sum += bound;
    }
    return sum;
  });
  const open = names.map((_g, i) => i).filter((i) => full[i] === undefined);
  const values = open.length === 0 ? [] : solveOpen(net, lp(), open.map((i) => members[i] ?? []), live, basis);
  const solved = new Map(open.map((i, k) => [i, values[k] ?? 0]));
  return Object.fromEntries(names.map((group, i) => [group, full[i] ?? solved.get(i) ?? 0]));
}

/** U_t of `servedFirstAllocation`'s header for a live sink `v` with limit `limit`. */
function sinkBound(net: AllocationNetwork, v: number, limit: number, live: Uint8Array, options: AllocationLpOptions): number {
  const node = net.nodes[v] as string;
  const stock = options.extraSupply?.get(node) ?? 0;
  const capacity = options.nodeCapacity?.get(node) ?? (net.nodeCapacity[v] as number);
  const recipes = net.recipes[v] ?? [];
  let inputs = Infinity;
  if (recipes.length === 1) {
    const recipe = recipes[0] as ResolvedRecipe;
    const arriving = (k: string | undefined) =>
      (net.inEdges[v] ?? []).reduce((s, e) => s + (live[net.edgeSource[e] as number] === 1 && (k === undefined || net.edgeMaterial[e] === k) ? (options.edgeCapacity?.get(net.edges[e] as string) ?? (net.edgeCapacity[e] as number)) : 0), 0);
    if (recipe.inputs === 'pooled') inputs = arriving(undefined);
    else for (const [k, a] of recipe.inputs) if (a > 0) inputs = Math.min(inputs, arriving(k) / a);
  }
  return Math.min(limit, capacity + stock, inputs + stock);
}

/**
 * servedFirst of each group (sink indices) by LP: on the columns of live nodes and edges
 * (see the header), or on the full LP from `basis` when every column is kept.
 */
function solveOpen(net: AllocationNetwork, built: AllocationLp, groups: readonly (readonly number[])[], live: Uint8Array, basis: LpBasis | undefined): number[] {
  const keep = new Uint8Array(built.lp.columnNames.length).fill(1);
  built.columnNode.forEach((v, j) => {
    if (v >= 0 && live[v] === 0) keep[j] = 0;
  });
  built.flowColumn.forEach((j, e) => {
    if (live[net.edgeSource[e] as number] === 0 || live[net.edgeTarget[e] as number] === 0) keep[j] = 0;
  });
  if (keep.every((k) => k === 1)) return solveLpObjectives(built.lp, groups.map((sinks) => servedFirst(built, sinks).cost), basis ? { basis } : {});
  const restricted = restrictColumns(built.lp, keep);
  const costs = groups.map((sinks) => {
    const cost = new Array<number>(restricted.lp.columnNames.length).fill(0);
    for (const v of sinks) {
      for (const [j, c] of built.sinkEntries.get(v) ?? []) {
        const k = restricted.column[j] as number;
        if (k >= 0) cost[k] = (cost[k] ?? 0) + c;
      }
    }
    return cost;
  });
  return solveLpObjectives(restricted.lp, costs);
}
