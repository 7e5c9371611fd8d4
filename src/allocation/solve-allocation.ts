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
import { buildAllocationLp, fairPhaseTwo, lpName, servedFirst, OBJECTIVES, type AllocationLpOptions, type Objective } from './allocation-lp.js';
import { allocationNetwork, isSink, type AllocationNetwork } from './allocation-network.js';
import { solveLp, solveLpObjectives } from './highs-adapter.js';
import { dualOf, type LpSolution } from './linear-program.js';
import { requireSupplyChain } from '../model/supply-chain.js';

export interface AllocationOptions extends AllocationLpOptions {
  /** The baseline active graph whose flows give the default recipes (when the input is a graph); default: the input graph. */
  base?: SupplyGraph;
}

const KNOWN = new Set(['objective', 'extraSupply', 'nodeCapacity', 'edgeCapacity', 'sinkLimit', 'base']);

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
  for (const name of ['extraSupply', 'nodeCapacity', 'edgeCapacity'] as const) {
    for (const [key, value] of options[name] ?? []) {
      if (!(value >= 0)) throw new UsageError(`allocation: ${name} of "${key}" must be a number >= 0 (got ${value})`);
    }
  }
  return options;
}

/** Solves the allocation LP of a graph, an applied scenario or a prepared network. */
export function solveAllocation(input: AllocationInput, options: AllocationOptions = {}): AllocationResult {
  const { base, ...lpOptions } = resolveOptions(options);
  const net = networkOf(input, base);
  const objective = lpOptions.objective ?? 'total';
  const built = buildAllocationLp(net, lpOptions);
  let solution: LpSolution = solveLp(built.lp);
  let lp = built.lp;
  let fairLevel: number | null = null;
  if (objective === 'fair' && built.lambda >= 0) {
    fairLevel = Math.min(1, solution.objective);
    lp = fairPhaseTwo(built, solution.objective);
    solution = solveLp(lp);
  }

  const value = (j: number) => solution.columnValue[j] ?? 0;
  const edgeFlow: Record<string, number> = {};
  net.edges.forEach((edge) => (edgeFlow[edge] = value(lp.columnIndex.get(lpName('f', edge)) ?? -1)));
  const activity: Record<string, number> = {};
  const bySink: Record<string, number> = {};
  const byEndUse: Record<string, number> = {};
  const nodes: Record<string, number> = {};
  const countries: Record<string, CountryShadowPrice> = {};
  const inputPrice: Record<string, Record<string, number>> = {};
  let delivered = 0;
  net.nodes.forEach((node, v) => {
    const recipes = net.recipes[v] ?? [];
    const act = recipes.reduce((s, r) => s + value(lp.columnIndex.get(lpName('x', node, r.name)) ?? -1), 0);
    activity[node] = act;
    if (isSink(net, v)) {
      const got = act + value(lp.columnIndex.get(lpName('s', node)) ?? -1);
      bySink[node] = got;
      delivered += got;
      const endUse = net.endUse[v] as string;
      byEndUse[endUse] = (byEndUse[endUse] ?? 0) + got;
    }
    const price = Math.max(0, dualOf(lp, solution, lpName('cap', node)));
    nodes[node] = price;
    const country = net.country[v] as string;
    const hasCap = lp.rowIndex.has(lpName('cap', node));
    const current = countries[country];
    if (!current) countries[country] = { price, node: hasCap ? node : null };
    else if (hasCap && (current.node === null || price > current.price || (price === current.price && node < current.node))) countries[country] = { price, node };
    const prices: Record<string, number> = {};
    const materials = new Set(['*', ...(net.inEdges[v] ?? []).map((e) => net.edgeMaterial[e] as string), ...recipes.flatMap((r) => (r.inputs === 'pooled' ? [] : [...r.inputs.keys()]))]);
    for (const k of materials) {
      const row = lp.rowIndex.get(lpName('in', node, k));
      if (row !== undefined) prices[k] = Math.max(0, -(solution.rowDual[row] ?? 0));
    }
    if (Object.keys(prices).length > 0) inputPrice[node] = prices;
  });
  return { objective, delivered, fairLevel, bySink, byEndUse, edgeFlow, activity, shadowPrice: { nodes, countries }, inputPrice, lp: { rows: lp.rowNames.length, columns: lp.columnNames.length } };
}

/**
 * For each group of sinks (e.g. an end use), the most the group can receive when served
 * first: the allocation LP (objective `total`, same options) maximising only the group's
 * sinks. Unlike the split of one optimum among the sinks (not unique), this is unique;
 * it is the allocation analogue of `sink-max-flow.ts`. One LP, re-solved per group from
 * the previous basis (`solveLpObjectives`).
 */
export function servedFirstAllocation(input: AllocationInput, groups: Record<string, readonly string[]>, options: AllocationOptions = {}): Record<string, number> {
  const { base, ...lpOptions } = resolveOptions(options);
  const net = networkOf(input, base);
  const built = buildAllocationLp(net, { ...lpOptions, objective: 'total' });
  const index = new Map(net.nodes.map((node, v) => [node, v]));
  const names = Object.keys(groups);
  const costs = names.map((group) => servedFirst(built, (groups[group] ?? []).map((s) => index.get(s)).filter((v): v is number => v !== undefined)).cost);
  const values = solveLpObjectives(built.lp, costs);
  return Object.fromEntries(names.map((group, i) => [group, values[i] ?? 0]));
}
