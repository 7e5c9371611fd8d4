/**
 * Scenario bottlenecks: the nodes of a side's graph with the largest knockoutLoss
 * (`knockout.ts`, exact; found without the full table by `knockout-top.ts`), sinks left
 * out (a sink's knockout is only its own share of delivery). `compactBottlenecks`
 * (compact-flows.ts) is the ranking as a pure function of a compact graph, so a worker
 * (baseline-worker.ts) can compute it without the rest of the evaluation.
 */
import { activeSubgraph, nodeLabel } from '../model/graph.js';
import { topKnockoutLosses } from '../metrics/flow/knockout-top.js';
import { compactBottlenecks } from './compact-flows.js';
import type { Bottleneck } from './evaluate.js';
import { remember, type SideStart } from './evaluation-side.js';

/**
 * The `top` nodes of the side's graph with the largest knockoutLoss (exact, `knockout-top.ts`;
 * remembered per `top`). On an active graph the knockouts start from the side's own solved
 * maximum flow (`withPreparedFlow`: the solve `topKnockoutLosses` would repeat on the same
 * compact graph, so the same ranking: `compactBottlenecks`), else `topKnockoutLosses` solves
 * the active subgraph. `ranked`: that ranking computed elsewhere (evaluate-parallel.ts: on
 * its worker, from the same compact graph), for an active graph only.
 */
export function bottlenecks(side: SideStart, top: number, ranked?: readonly (readonly [string, number])[]): Bottleneck[] {
  if (top === 0) return [];
  // Labels, stages and countries from the shape; capacities (a graph that is not active) from `graph`.
  const graph = side.applied.shape;
  const { compact } = side;
  const rank = (): readonly (readonly [string, number])[] => ranked ?? (activeSubgraph(graph) === graph ? compactBottlenecks(compact, top) : topKnockoutLosses(side.applied.graph, top, (node) => graph.outDegree(node) > 0));
  const ranking = remember(side, `bottlenecks:${top}`, () =>
    rank().map(([node, loss]) => {
      const a = graph.getNodeAttributes(node);
      return { node, label: nodeLabel(node, a), stage: a.stage, country: a.country, loss };
    }),
  );
  return ranking.map((b) => ({ ...b }));
}
