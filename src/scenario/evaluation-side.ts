/**
 * One side of a scenario evaluation (`evaluate.ts`): the baseline or the scenario's
 * modified active graph with the three bounds computed on it, and the per-group figures
 * read from it (end uses served first under the allocation bound, max flow into a group
 * of sinks, knockout bottlenecks), each computed once per side and remembered.
 *
 * The baseline side depends only on the graph and the LP's objective, so
 * `prepareBaseline` computes it once and every evaluation of a scenario on that graph can
 * reuse it (the server, per loaded graph: src/server/baseline-cache.ts). Remembered
 * figures are the same numbers a fresh side computes: a memo entry is keyed by everything
 * it depends on besides the side (the sorted sinks of a group, the country of a lens).
 * A side must not be used after its graph changes.
 *
 * A lean side (`SideOptions`: only some bounds, no per-sink max flows) computes only what
 * the losses need (`evaluateLosses` in evaluate-losses.ts, one ensemble member each): the same
 * functions on the same graph, so every figure it has is the number a full side has;
 * figures it leaves out are NaN, and without the allocation bound it has no LP.
 */
import { servedFirstAllocation, solveBuiltAllocation, type AllocationResult, type AllocationSolve } from '../allocation/solve-allocation.js';
import { allocationNetwork, type AllocationNetwork } from '../allocation/allocation-network.js';
import { buildAllocationLp, withCapacities, type AllocationLp, type Objective } from '../allocation/allocation-lp.js';
import { compactGraph, type CompactGraph } from '../model/compact.js';
import { overlaidCapacities, type IndexOverlay } from '../model/graph-index.js';
import { activeSubgraph, type SupplyGraph } from '../model/graph.js';
import { maxFlow } from '../metrics/flow/max-flow.js';
import type { AppliedScenario } from './apply-scenario.js';
import { proportionalFlow, type ProportionalResult } from './proportional-flow.js';
import { preparedFlowArray } from './compact-flows.js';
import { preparedMaxFlow, sinkMaxFlowSolver } from './sink-max-flow.js';
import { BOUNDS, type Bound, type SinkSupply, type Supply } from './evaluate.js';

export interface Side {
  applied: AppliedScenario;
  supply: Supply;
  /** Per edge key, the flow under the proportional bound. */
  edgeFlow: Record<string, number>;
  /** The allocation optimum found, and the network it was solved on (absent when the side leaves out the allocation bound). */
  allocation?: AllocationResult;
  network?: AllocationNetwork;
  /** The allocation LP the optimum was solved on (absent with the allocation bound). */
  lp?: AllocationLp;
  compact: CompactGraph;
  /** `sinkMaxFlow` on `compact` (one flow network, reset per call). */
  sinkMaxFlow: (targets: ReadonlySet<string>) => number;
  /** Objective of the allocation LP. */
  objective: Objective;
  /** What was computed (`SideOptions`, resolved). */
  computed: { bounds: ReadonlySet<Bound>; detail: 'full' | 'losses' };
  memo: Map<string, unknown>;
}

/** Nodes with in-edges and no out-edge. */
export const sinksOf = (graph: SupplyGraph) => graph.filterNodes((node) => graph.outDegree(node) === 0 && graph.inDegree(node) > 0);

/** What a side computes (default: everything, as `evaluateScenario` reports it). */
export interface SideOptions {
  /** The bounds computed (default all three); a bound left out is NaN in `supply`, total and per sink. */
  bounds?: readonly Bound[];
  /**
   * `full` (default): everything `evaluateScenario` reports. `losses`: no per-sink max
   * flows (each sink's `maxFlow` and `ownMaxFlow` are NaN; the max flow of a group of
   * sinks is still `groupMaxFlow`, the same `sink-max-flow.ts` solver, hence the same
   * numbers) and of the allocation optimum only the deliveries (`detail: 'deliveries'` of
   * `solveAllocation`: no edge flows, activities or prices).
   */
  detail?: 'full' | 'losses';
  /**
   * The baseline side of the same input graph (no action, same objective): when `applied`
   * is an overlay on it (`AppliedScenario.overlay`, no node activated), the side's compact
   * graph, allocation network and LP are the baseline's with the overlay's capacities (what
   * `compactGraph`, `allocationNetwork` and `buildAllocationLp` build for `applied.graph`,
   * as nothing else differs), instead of being built again. Same results without.
   */
  from?: SideStart;
}

/**
 * The first part of a side (`startSide`): its compact graph and, with the allocation
 * bound, its allocation network and LP, built but not solved; `completeSide` finishes it.
 * Figures remembered on it (`memo`: bottlenecks, the bounds without the LP) carry over to
 * the side, so a caller may compute them while the LP is solved elsewhere
 * (evaluate-parallel.ts: on a worker thread).
 */
export interface SideStart {
  applied: AppliedScenario;
  compact: CompactGraph;
  sinkMaxFlow: (targets: ReadonlySet<string>) => number;
  objective: Objective;
  computed: { bounds: ReadonlySet<Bound>; detail: 'full' | 'losses' };
  network?: AllocationNetwork;
  lp?: AllocationLp;
  memo: Map<string, unknown>;
}

/** The side's compact graph, allocation network and LP (see `SideStart`); `evaluateSide`'s arguments. */
export function startSide(applied: AppliedScenario, base: SupplyGraph, objective: Objective, options: SideOptions = {}): SideStart {
  const bounds = new Set<Bound>(options.bounds ?? BOUNDS);
  const detail = options.detail ?? 'full';
  const derived = deriveFrom(applied, base, objective, options.from);
  // `applied.graph` (capacities read) only when nothing is derived from `from`.
  const compact = derived?.compact ?? compactGraph(applied.graph);
  const network = bounds.has('allocation') ? (derived?.network() ?? allocationNetwork(applied.graph, base)) : undefined;
  const lp = network ? ((derived && derived.lp(network)) ?? buildAllocationLp(network, { objective })) : undefined;
  return { applied, compact, sinkMaxFlow: sinkMaxFlowSolver(compact), objective, computed: { bounds, detail }, ...(network && lp ? { network, lp } : {}), memo: new Map() };
}

/** The proportional bound of a side (when it computes it), remembered on it. */
export function proportionalOf(start: SideStart): ProportionalResult | undefined {
  const { applied } = start;
  // It reads no capacity: the shape (`applied.graph` may not be built).
  return remember(start, 'proportional', () => (start.computed.bounds.has('proportional') ? proportionalFlow(applied.shape, { pass: applied.pass, limit: applied.limit }) : undefined));
}

/**
 * The max-flow and proportional bounds of a side (what needs no LP), remembered on it.
 * `prepared`: the value and edge flows (by compact edge index) of the maximum flow of the
 * side's compact graph computed elsewhere (`preparedFlowArray`, compact-flows.ts: the
 * baseline worker), read as if solved here; used only where that solve is (an active graph).
 */
export function boundsWithoutLp(start: SideStart, prepared?: { value: number; edgeFlow: Float64Array }): { flow: { value: number; edgeFlow: Record<string, number> } | undefined; maxFlowValue: number; proportional: ProportionalResult | undefined } {
  return remember(start, 'bounds-without-lp', () => {
    const { applied, compact } = start;
    const { shape } = applied;
    const { bounds, detail } = start.computed;
    const sinkMaxFlows = detail === 'full';
    // The total max flow and the per-sink flows: on an active graph (whose compact graph is
    // the one `maxFlow` builds, so `maxFlow` would make the same solve) read from the solve
    // on the side's compact graph that the sinks' and end uses' max flows start from, else
    // from `maxFlow` (of `applied.graph`: capacities).
    const active = activeSubgraph(shape) === shape;
    const flow = bounds.has('maxFlow') && sinkMaxFlows ? (active ? edgeFlowsByKey(compact, prepared ?? preparedFlowArray(compact)) : maxFlow(applied.graph)) : undefined;
    const maxFlowValue = flow?.value ?? (bounds.has('maxFlow') ? (active ? (prepared?.value ?? preparedMaxFlow(compact)) : maxFlow(applied.graph).value) : Number.NaN);
    return { flow, maxFlowValue, proportional: proportionalOf(start) };
  });
}

/**
 * The side `start` begins: the bounds without the LP (`boundsWithoutLp`), the allocation
 * LP solved (or `solved`, `solveAllocationLp` of `start.lp` computed elsewhere: the same
 * numbers), and the per-sink figures.
 */
export function completeSide(start: SideStart, solved?: AllocationSolve): Side {
  const { applied, compact, sinkMaxFlow, objective, computed, network, lp, memo } = start;
  // Sinks and edges only: the shape (`applied.graph` may not be built).
  const graph = applied.shape;
  const detail = computed.detail;
  const sinkMaxFlows = detail === 'full';
  const { flow, maxFlowValue, proportional } = boundsWithoutLp(start);
  const allocation = network && lp ? solveBuiltAllocation(network, lp, { objective, detail: detail === 'full' ? 'full' : 'deliveries' }, solved) : undefined;
  const bySink: Record<string, SinkSupply> = {};
  for (const sink of sinksOf(graph)) {
    bySink[sink] = {
      maxFlow: flow ? graph.reduceInEdges(sink, (total, edge) => total + (flow.edgeFlow[edge] ?? 0), 0) : Number.NaN,
      ownMaxFlow: flow && sinkMaxFlows ? groupMaxFlow(start, [sink]) : Number.NaN,
      allocation: allocation ? (allocation.bySink[sink] ?? 0) : Number.NaN,
      proportional: proportional ? (proportional.bySink[sink] ?? 0) : Number.NaN,
    };
  }
  const supply = {
    maxFlow: maxFlowValue,
    allocation: allocation?.delivered ?? Number.NaN,
    proportional: proportional?.delivered ?? Number.NaN,
    fairLevel: allocation?.fairLevel ?? null,
    bySink,
  };
  return { applied, supply, edgeFlow: proportional?.edgeFlow ?? {}, ...(allocation && network && lp ? { allocation, network, lp } : {}), compact, sinkMaxFlow, objective, computed, memo };
}

/**
 * The bounds on `applied`, per sink too; `base` is the baseline active graph whose flows
 * give the default recipes. `options` may leave figures out (a lean side, see the header).
 */
export function evaluateSide(applied: AppliedScenario, base: SupplyGraph, objective: Objective, options: SideOptions = {}): Side {
  return completeSide(startSide(applied, base, objective, options));
}

/**
 * What a side whose applied scenario is an overlay on the baseline side `from` takes from
 * it (see `SideOptions.from`): the compact graph with the overlay's capacities, and on
 * demand the allocation network and LP likewise. Undefined unless `applied.overlay` and
 * `from` are on the same input graph, `from` is that graph with no action (an overlay
 * without overrides) and `base` is its graph (the default recipes are then the same).
 */
function deriveFrom(applied: AppliedScenario, base: SupplyGraph, objective: Objective, from: SideStart | undefined): { compact: CompactGraph; network: () => AllocationNetwork | undefined; lp: (network: AllocationNetwork) => AllocationLp | undefined } | undefined {
  const overlay = applied.overlay;
  const origin = from?.applied.overlay;
  if (!from || !overlay || !origin || overlay.input !== origin.input || origin.nodeCapacity.size + origin.edgeCapacity.size > 0 || base !== from.applied.graph || from.objective !== objective) return undefined;
  // The overlay by node and edge id of the baseline's compact graph (numbered as its index), and the capacities under it.
  const c = from.compact;
  const edgeIndex = overlay.edgeCapacity.size > 0 ? new Map(c.edges.map((edge, e) => [edge, e])) : new Map<string, number>();
  const byId: IndexOverlay = {
    nodeCapacity: new Map([...overlay.nodeCapacity].map(([node, capacity]) => [c.index.get(node) as number, capacity])),
    edgeCapacity: new Map([...overlay.edgeCapacity].map(([edge, capacity]) => [edgeIndex.get(edge) as number, capacity])),
  };
  const { node: nodeCapacity, edge: edgeCapacity } = overlaidCapacities({ ...c, n: c.nodes.length, m: c.edges.length }, byId);
  const compact: CompactGraph = { ...c, nodeCapacity, edgeCapacity };
  return {
    compact,
    // allocationNetwork takes both capacities from the compact graph: the same arrays.
    network: () => (from.network ? { ...from.network, nodeCapacity, edgeCapacity } : undefined),
    lp: (network) => (from.lp && from.network && network !== from.network ? withCapacities(from.lp, network) : undefined),
  };
}

/**
 * The value and edge flows (by edge key) of the maximum flow of an active graph's compact
 * graph that `sink-max-flow.ts` prepares (`preparedFlowArray`): the figures `maxFlow`
 * returns for that graph (the same solve of the same compact graph), without solving again.
 */
function edgeFlowsByKey(compact: CompactGraph, prepared: { value: number; edgeFlow: Float64Array }): { value: number; edgeFlow: Record<string, number> } {
  const edgeFlow: Record<string, number> = {};
  compact.edges.forEach((edge, e) => {
    edgeFlow[edge] = prepared.edgeFlow[e] as number;
  });
  return { value: prepared.value, edgeFlow };
}

/** The side's allocation optimum and network; an Error when the side left the allocation bound out (a programming error). */
export function allocationOf(side: Side): { allocation: AllocationResult; network: AllocationNetwork } {
  const { allocation, network } = side;
  if (!allocation || !network) throw new Error('scenario/evaluation-side: this side was evaluated without the allocation bound');
  return { allocation, network };
}

/** `compute()` the first time `key` is asked of `side`, the remembered value afterwards. */
export function remember<T>(side: Pick<Side, 'memo'>, key: string, compute: () => T): T {
  if (side.memo.has(key)) return side.memo.get(key) as T;
  const value = compute();
  side.memo.set(key, value);
  return value;
}

const groupKey = (sinks: readonly string[]) => JSON.stringify([...sinks].sort());

/**
 * Each group of sinks served first under the allocation bound (`servedFirstAllocation`
 * with the side's optimum, objective `total`), groups already asked of this side
 * remembered by their sinks.
 */
export function servedFirstOf(side: Side, groups: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const out = new Map<string, number>();
  const missing: Record<string, readonly string[]> = {};
  for (const [name, sinks] of groups) {
    const key = `served-first:${groupKey(sinks)}`;
    if (side.memo.has(key)) out.set(name, side.memo.get(key) as number);
    else missing[name] = sinks;
  }
  if (Object.keys(missing).length > 0) {
    const { network, allocation } = allocationOf(side);
    const solved = servedFirstAllocation(network, missing, { optimum: allocation });
    for (const [name, value] of Object.entries(solved)) {
      side.memo.set(`served-first:${groupKey(missing[name] ?? [])}`, value);
      out.set(name, value);
    }
  }
  return out;
}

/** Max flow into the group `sinks` alone (`sink-max-flow.ts`), remembered by its sinks. */
export function groupMaxFlow(side: Pick<Side, 'memo' | 'sinkMaxFlow'>, sinks: readonly string[]): number {
  return remember(side, `max-flow:${groupKey(sinks)}`, () => side.sinkMaxFlow(new Set(sinks)));
}

/** Remembers `values[k]` as the max flow of `groups[k]` alone on `side` (`groupMaxFlow` computed elsewhere, from the same compact graph: the baseline worker). */
export function rememberGroupMaxFlows(side: Pick<Side, 'memo'>, groups: readonly (readonly string[])[], values: readonly number[]): void {
  groups.forEach((sinks, k) => {
    const key = `max-flow:${groupKey(sinks)}`;
    if (!side.memo.has(key) && values[k] !== undefined) side.memo.set(key, values[k]);
  });
}

/** The baseline of evaluations on one graph, computed once (see the file header). */
export interface PreparedBaseline {
  /** The graph it was prepared from; evaluations of other graphs refuse it. */
  graph: SupplyGraph;
  objective: Objective;
  side: Side;
}
