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
 */
import { compactGraph, type CompactGraph } from '../model/compact.js';
import { UsageError } from '../model/errors.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import { knockoutLoss } from '../metrics/flow/knockout.js';
import type { Bottleneck, EndUseLoss, Loss, Supply } from './evaluate.js';
import { naturalCompare } from './natural-sort.js';
import { sinkMaxFlow } from './sink-max-flow.js';

export interface CountryLens {
  country: string;
  /** The country's sinks (end-use nodes), sorted. */
  sinks: string[];
  baseline: { maxFlow: number; proportional: number };
  scenario: { maxFlow: number; proportional: number };
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

function lensBottlenecks(graph: SupplyGraph, sinks: ReadonlySet<string>, top: number): Bottleneck[] {
  if (top === 0 || sinks.size === 0) return [];
  const restricted = servingOnly(graph, sinks);
  const losses = knockoutLoss(restricted).nodes;
  return Object.entries(losses)
    .filter(([node, loss]) => loss > 0 && restricted.outDegree(node) > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, top)
    .map(([node, loss]) => {
      const a = restricted.getNodeAttributes(node);
      return { node, label: nodeLabel(node, a), stage: a.stage, country: a.country, loss };
    });
}

/** The lens of `country` (which must own a node of the graph); see the file header. */
export function countryLens(input: LensInput): CountryLens {
  const { before, after, baseline, scenario, country, top } = input;
  if (!before.someNode((_n, a) => a.country === country)) {
    throw new UsageError(`scenario/country-lens: country "${country}" has no active node in the graph`);
  }
  const isSinkOf = (graph: SupplyGraph, node: string) => graph.getNodeAttribute(node, 'country') === country;
  const sinks = [...new Set([...Object.keys(baseline.bySink).filter((s) => isSinkOf(before, s)), ...Object.keys(scenario.bySink).filter((s) => after.hasNode(s) && isSinkOf(after, s))])].sort();
  const compactBefore = compactGraph(before);
  const compactAfter = compactGraph(after);
  const proportionalOf = (supply: Supply, group: string[]) => group.reduce((total, s) => total + (supply.bySink[s]?.proportional ?? 0), 0);
  const bounds = (group: string[], supply: Supply, compact: CompactGraph) => ({ maxFlow: group.length > 0 ? sinkMaxFlow(compact, new Set(group)) : 0, proportional: proportionalOf(supply, group) });
  const loss = (b: { maxFlow: number; proportional: number }, s: { maxFlow: number; proportional: number }): Loss => ({
    maxFlow: relativeLoss(b.maxFlow, s.maxFlow),
    proportional: relativeLoss(b.proportional, s.proportional),
  });

  const groups = new Map<string, string[]>();
  for (const sink of sinks) {
    const graph = after.hasNode(sink) ? after : before;
    const a = graph.getNodeAttributes(sink);
    const endUse = a.sector ?? nodeLabel(sink, a);
    groups.set(endUse, [...(groups.get(endUse) ?? []), sink]);
  }
  const byEndUse = [...groups]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([endUse, group]) => {
      const b = bounds(group, baseline, compactBefore);
      const s = bounds(group, scenario, compactAfter);
      return { endUse, sinks: group, baseline: b, scenario: s, loss: loss(b, s) };
    });
  const totalBefore = bounds(sinks, baseline, compactBefore);
  const totalAfter = bounds(sinks, scenario, compactAfter);
  const own = new Set(sinks);
  return {
    country,
    sinks,
    baseline: totalBefore,
    scenario: totalAfter,
    loss: loss(totalBefore, totalAfter),
    byEndUse,
    bottlenecks: { before: lensBottlenecks(before, own, top), after: lensBottlenecks(after, own, top) },
  };
}
