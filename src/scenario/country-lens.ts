/**
 * Country lens: a scenario's result read for one country's end uses only (the sinks
 * whose `country` is c), so a loss that falls outside China is not averaged away by
 * China's own end uses.
 *
 *   proportional_c = Σ over sinks t of c of delivered_t          (no rerouting)
 *   maxFlow_c      = sinkMaxFlow(G, sinks of c)                   (rerouting, c served alone)
 *   loss_c         = (baseline_c - scenario_c) / baseline_c       for each bound; null when baseline_c = 0
 *
 * and the same per end use (the country's sinks of one `sector`, served jointly and
 * alone, as in `evaluate.ts`). maxFlow_c is the most c's end uses can get when every
 * other sink takes nothing: an optimistic bound for c (other buyers compete for the same
 * material in reality). Bottlenecks for c: knockoutLoss (`knockout.ts`) on the graph
 * whose other sinks take nothing (their in-edges at capacity 0), i.e. the share of what
 * c can get that is lost without the node; sinks left out. Reference for sinkMaxFlow:
 * `sink-max-flow.ts`.
 *
 *   allocation_c = servedFirstAllocation(LP, sinks of c)          (objective total: rerouting
 *                  under recipes, c served first; unique, the allocation analogue of maxFlow_c)
 *                = Σ over sinks t of c of allocation_t            (objective fair: c's share of
 *                  the one fair optimum found)
 *
 * and the same per end use of c; `binding` as in `evaluate.ts` (the input that limits the
 * sink of the end use that lost most under the allocation bound, null without a loss).
 */
import { compactGraph, type CompactGraph } from '../model/compact.js';
import { UsageError } from '../model/errors.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import { topKnockoutLosses } from '../metrics/flow/knockout-top.js';
import { bindingInput } from '../allocation/binding-input.js';
import type { Objective } from '../allocation/allocation-lp.js';
import type { AllocationNetwork } from '../allocation/allocation-network.js';
import { servedFirstAllocation, type AllocationResult } from '../allocation/solve-allocation.js';
import type { Bottleneck, EndUseLoss, Loss, Supply } from './evaluate.js';
import { groupMaxFlow, remember, servedFirstOf, type Side } from './evaluation-side.js';
import { naturalCompare } from './natural-sort.js';
import { sinkMaxFlow } from './sink-max-flow.js';

export interface CountryLens {
  country: string;
  /** The country's sinks (end-use nodes), sorted. */
  sinks: string[];
  baseline: { maxFlow: number; allocation: number; proportional: number };
  scenario: { maxFlow: number; allocation: number; proportional: number };
  loss: Loss;
  byEndUse: EndUseLoss[];
  bottlenecks: { before: Bottleneck[]; after: Bottleneck[] };
}

export interface LensInput {
  /** The active graph before and after the scenario (`applyScenario`). */
  before: SupplyGraph;
  after: SupplyGraph;
  baseline: Supply;
  scenario: Supply;
  country: string;
  /** How many bottlenecks to list. */
  top: number;
  /** The allocation LP before and after (`evaluate.ts`), and its objective. */
  allocation: { before: { network: AllocationNetwork; result: AllocationResult }; after: { network: AllocationNetwork; result: AllocationResult }; objective: Objective };
  /**
   * The evaluation's sides (`evaluation-side.ts`) of `before` and `after`, with the same
   * allocation networks and optima: per-group figures are then remembered on them (a
   * prepared baseline computes the baseline's once). Same results without.
   */
  sides?: { before: Side; after: Side };
}

interface Bounds {
  maxFlow: number;
  allocation: number;
  proportional: number;
}

const relativeLoss = (before: number, after: number): number | null => (before > 0 ? (before - after) / before : null);

/** The graph with every sink outside `sinks` taking nothing (its in-edges at capacity 0). A copy. */
function servingOnly(graph: SupplyGraph, sinks: ReadonlySet<string>): SupplyGraph {
  const copy = graph.copy();
  copy.forEachNode((node) => {
    if (copy.outDegree(node) === 0 && copy.inDegree(node) > 0 && !sinks.has(node)) copy.forEachInEdge(node, (edge) => copy.setEdgeAttribute(edge, 'capacity', 0));
  });
  return copy;
}

/** The `top` largest knockout losses of `graph` serving only `sinks` (exact, `knockout-top.ts`). */
function lensRanking(graph: SupplyGraph, sinks: ReadonlySet<string>, top: number): Bottleneck[] {
  const restricted = servingOnly(graph, sinks);
  return topKnockoutLosses(restricted, top, (node) => restricted.outDegree(node) > 0).map(([node, loss]) => {
    const a = restricted.getNodeAttributes(node);
    return { node, label: nodeLabel(node, a), stage: a.stage, country: a.country, loss };
  });
}

function lensBottlenecks(graph: SupplyGraph, sinks: ReadonlySet<string>, top: number, side: Side | undefined): Bottleneck[] {
  if (top === 0 || sinks.size === 0) return [];
  const ranking = side ? remember(side, `lens-bottlenecks:${top}:${JSON.stringify([...sinks].sort())}`, () => lensRanking(graph, sinks, top)) : lensRanking(graph, sinks, top);
  return ranking.slice(0, top).map((b) => ({ ...b }));
}

/** The lens of `country` (which must own a node of the graph); see the file header. */
export function countryLens(input: LensInput): CountryLens {
  const { before, after, baseline, scenario, country, top, allocation, sides } = input;
  if (!before.someNode((_n, a) => a.country === country)) {
    throw new UsageError(`scenario/country-lens: country "${country}" has no active node in the graph`);
  }
  const isSinkOf = (graph: SupplyGraph, node: string) => graph.getNodeAttribute(node, 'country') === country;
  const sinks = [...new Set([...Object.keys(baseline.bySink).filter((s) => isSinkOf(before, s)), ...Object.keys(scenario.bySink).filter((s) => after.hasNode(s) && isSinkOf(after, s))])].sort();
  const compactBefore = sides?.before.compact ?? compactGraph(before);
  const compactAfter = sides?.after.compact ?? compactGraph(after);
  const sumOf = (supply: Supply, group: string[], bound: 'proportional' | 'allocation') => group.reduce((total, s) => total + (supply.bySink[s]?.[bound] ?? 0), 0);
  const loss = (b: Bounds, s: Bounds): Loss => ({
    maxFlow: relativeLoss(b.maxFlow, s.maxFlow),
    allocation: relativeLoss(b.allocation, s.allocation),
    proportional: relativeLoss(b.proportional, s.proportional),
  });

  const groups = new Map<string, string[]>();
  for (const sink of sinks) {
    const graph = after.hasNode(sink) ? after : before;
    const a = graph.getNodeAttributes(sink);
    const endUse = a.sector ?? nodeLabel(sink, a);
    groups.set(endUse, [...(groups.get(endUse) ?? []), sink]);
  }
  // Served-first allocation per end use of c and for c as a whole (objective total); the key
  // of the whole is not a possible end-use name clash because it is looked up separately.
  const served = (side: { network: AllocationNetwork; result: AllocationResult }, memo: Side | undefined) => {
    if (allocation.objective !== 'total' || sinks.length === 0) return undefined;
    if (memo) {
      const byGroup = Object.fromEntries(servedFirstOf(memo, groups));
      return { byGroup, whole: servedFirstOf(memo, new Map([['all', sinks]])).get('all') ?? 0 };
    }
    const byGroup = servedFirstAllocation(side.network, Object.fromEntries(groups), { optimum: side.result });
    const whole = servedFirstAllocation(side.network, { all: sinks }, { optimum: side.result }).all ?? 0;
    return { byGroup, whole };
  };
  const servedBefore = served(allocation.before, sides?.before);
  const servedAfter = served(allocation.after, sides?.after);
  const maxFlowOf = (group: string[], compact: CompactGraph) => {
    const side = compact === sides?.before.compact ? sides.before : compact === sides?.after.compact ? sides.after : undefined;
    return side ? groupMaxFlow(side, group) : sinkMaxFlow(compact, new Set(group));
  };
  const bounds = (group: string[], supply: Supply, compact: CompactGraph, allocated: number | undefined): Bounds => ({
    maxFlow: group.length > 0 ? maxFlowOf(group, compact) : 0,
    allocation: allocated ?? sumOf(supply, group, 'allocation'),
    proportional: sumOf(supply, group, 'proportional'),
  });
  const byEndUse: EndUseLoss[] = [...groups]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([endUse, group]) => {
      const b = bounds(group, baseline, compactBefore, servedBefore?.byGroup[endUse]);
      const s = bounds(group, scenario, compactAfter, servedAfter?.byGroup[endUse]);
      const lost = (sink: string) => (baseline.bySink[sink]?.allocation ?? 0) - (scenario.bySink[sink]?.allocation ?? 0);
      const worst = group.filter((sink) => after.hasNode(sink)).sort((x, y) => lost(y) - lost(x) || x.localeCompare(y))[0];
      const hasLoss = s.allocation < b.allocation * (1 - 1e-9) - 1e-9;
      const binding = hasLoss && worst !== undefined ? bindingInput(allocation.after.network, allocation.after.result, worst) : null;
      return { endUse, sinks: group, baseline: b, scenario: s, loss: loss(b, s), binding };
    });
  const totalBefore = bounds(sinks, baseline, compactBefore, servedBefore?.whole);
  const totalAfter = bounds(sinks, scenario, compactAfter, servedAfter?.whole);
  const own = new Set(sinks);
  return {
    country,
    sinks,
    baseline: totalBefore,
    scenario: totalAfter,
    loss: loss(totalBefore, totalAfter),
    byEndUse,
    bottlenecks: { before: lensBottlenecks(before, own, top, sides?.before), after: lensBottlenecks(after, own, top, sides?.after) },
  };
}
