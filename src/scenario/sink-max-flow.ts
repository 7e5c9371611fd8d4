/**
 * Max flow to a subset of the sinks: the most that can reach those sinks alone, when the
 * other sinks take nothing. Unlike the split of one maximum flow among the sinks (max
 * flows are not unique, so that split is one of many), this value is unique.
 *
 *   sinkMaxFlow(G, T) = maxFlow(G with every in-edge of a sink outside T at capacity 0)
 *
 * Zeroing capacities (rather than removing the other sinks) keeps the sets of sources
 * and sinks of G, as `max-flow.ts` defines them. Edge weights are capacities.
 * Reference: Ford and Fulkerson, Flows in Networks (1962); see `max-flow.ts`.
 */
import type { CompactGraph } from '../model/compact.js';
import { solveMaxFlow } from '../metrics/flow/max-flow.js';

/** Max flow into the sinks in `targets` (node keys) of the compact graph `graph`. */
export function sinkMaxFlow(graph: CompactGraph, targets: ReadonlySet<string>): number {
  const edgeCapacity = graph.edgeCapacity.slice();
  graph.edges.forEach((_edge, e) => {
    const target = graph.edgeTarget[e] as number;
    if ((graph.outDegree[target] as number) === 0 && !targets.has(graph.nodes[target] as string)) edgeCapacity[e] = 0;
  });
  return solveMaxFlow({ ...graph, edgeCapacity }).value;
}
