/**
 * What a scenario side reads off the maximum flow of its compact graph (an active graph's),
 * as pure functions of that compact graph: the knockout bottlenecks (`compactBottlenecks`),
 * the flow on each edge (`preparedFlowArray`) and the max flow into groups of sinks alone
 * (`sink-max-flow.ts`). All start from the one solve `withPreparedFlow` prepares per compact
 * graph, and none depends on the calls before it, so the numbers are the same in any
 * thread and any order: the baseline worker (baseline-worker.ts) computes the baseline's
 * (`baselineFlowFigures`) while the calling thread evaluates the scenario. This file
 * imports only the flow code, so the worker starts without the rest of the evaluation.
 */
import type { CompactGraph } from '../model/compact.js';
import { topKnockout } from '../metrics/flow/knockout-top.js';
import { sinkMaxFlow, withPreparedFlow } from './sink-max-flow.js';

/**
 * The `top` nodes of the compact graph of an active graph with the largest knockoutLoss,
 * sinks (no out-edge) left out, as (node key, loss), from the maximum flow prepared on it
 * (`withPreparedFlow`): a pure function of the compact graph.
 */
export function compactBottlenecks(compact: CompactGraph, top: number): [string, number][] {
  return withPreparedFlow(compact, (solved) => topKnockout(solved, top, (i) => (compact.outDegree[i] as number) > 0).ranking.map(({ node, loss }): [string, number] => [compact.nodes[node] as string, loss]));
}

/**
 * The value and the flow on each edge (by edge index of the compact graph) of the maximum
 * flow prepared on it: what `maxFlow` returns for the active graph (the same solve).
 */
export function preparedFlowArray(compact: CompactGraph): { value: number; edgeFlow: Float64Array } {
  return withPreparedFlow(compact, ({ supply, value }) => ({ value, edgeFlow: Float64Array.from(compact.edges, (_edge, e) => supply.network.flow[supply.edgePair[e] as number] as number) }));
}

/** What the baseline worker reads off a compact graph's maximum flow (see the header). */
export interface FlowFigures {
  /** `compactBottlenecks(compact, top)` (empty when top is 0). */
  bottlenecks: [string, number][];
  value: number;
  edgeFlow: Float64Array;
  /** `sinkMaxFlow(compact, group)` of each group, in the order asked. */
  groups: number[];
}

export function baselineFlowFigures(compact: CompactGraph, top: number, groups: readonly (readonly string[])[]): FlowFigures {
  const { value, edgeFlow } = preparedFlowArray(compact);
  return { bottlenecks: top > 0 ? compactBottlenecks(compact, top) : [], value, edgeFlow, groups: groups.map((group) => sinkMaxFlow(compact, new Set(group))) };
}
