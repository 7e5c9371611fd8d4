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
import { buildSupplyNetwork, type SupplyNetwork } from '../metrics/flow/supply-network.js';
import { solveMaxFlow, solveSupplyNetwork } from '../metrics/flow/max-flow.js';

/** Edge capacities of `graph` with every in-edge of a sink outside `targets` at 0. */
function capacitiesFor(graph: CompactGraph, targets: ReadonlySet<string>): Float64Array {
  const edgeCapacity = graph.edgeCapacity.slice();
  graph.edges.forEach((_edge, e) => {
    const target = graph.edgeTarget[e] as number;
    if ((graph.outDegree[target] as number) === 0 && !targets.has(graph.nodes[target] as string)) edgeCapacity[e] = 0;
  });
  return edgeCapacity;
}

/** Max flow into the sinks in `targets` (node keys) of the compact graph `graph`. */
export function sinkMaxFlow(graph: CompactGraph, targets: ReadonlySet<string>): number {
  return solveMaxFlow({ ...graph, edgeCapacity: capacitiesFor(graph, targets) }).value;
}

/**
 * `sinkMaxFlow(graph, targets)` for many target sets: the flow network is built once and
 * each call resets its capacities (`FlowNetwork.reset`) to those `sinkMaxFlow` would
 * build it with, so the values are the same, without rebuilding the network each time.
 */
export function sinkMaxFlowSolver(graph: CompactGraph): (targets: ReadonlySet<string>) => number {
  let supply: SupplyNetwork | undefined;
  let caps: Float64Array | undefined;
  return (targets) => {
    const edgeCapacity = capacitiesFor(graph, targets);
    const restricted = { ...graph, edgeCapacity };
    if (!supply || !caps) {
      supply = buildSupplyNetwork(restricted);
      caps = supply.network.cap.slice();
    } else {
      for (let e = 0; e < edgeCapacity.length; e++) caps[supply.edgePair[e] as number] = edgeCapacity[e] as number;
      supply.network.reset(caps);
    }
    return solveSupplyNetwork(restricted, supply).value;
  };
}
