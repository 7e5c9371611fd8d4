/**
 * Throughput and flow share.
 *
 * throughput(v) = max(sum of `flow` on v's in-edges, sum of `flow` on v's out-edges), in
 * the graph's unit (t REO/yr). For a source it is its out-flow, for a sink its in-flow;
 * taking the larger side counts a node with unbalanced flows at its busier side.
 *
 * flowShare(v) = throughput(v) / sum of throughput(u) over the nodes u of v's stage
 * (0 when that sum is 0): v's share of everything its stage handles.
 */
import type { SupplyGraph } from '../../model/graph.js';
import { requireSupplyChain } from '../../model/supply-chain.js';

/** throughput(v) for every node. */
export function throughput(graph: SupplyGraph): Record<string, number> {
  requireSupplyChain(graph, 'throughput', ['flow']);
  const result: Record<string, number> = {};
  graph.forEachNode((node) => {
    let inFlow = 0;
    let outFlow = 0;
    graph.forEachInEdge(node, (_edge, attributes) => {
      inFlow += attributes.flow;
    });
    graph.forEachOutEdge(node, (_edge, attributes) => {
      outFlow += attributes.flow;
    });
    result[node] = Math.max(inFlow, outFlow);
  });
  return result;
}

/** Sum of throughput per stage. */
export function stageThroughput(graph: SupplyGraph, values: Record<string, number> = throughput(graph)): Record<string, number> {
  requireSupplyChain(graph, 'stage throughput', ['stage']);
  const totals: Record<string, number> = {};
  graph.forEachNode((node, attributes) => {
    totals[attributes.stage] = (totals[attributes.stage] ?? 0) + (values[node] ?? 0);
  });
  return totals;
}

/** flowShare(v) for every node. */
export function flowShare(graph: SupplyGraph, values: Record<string, number> = throughput(graph)): Record<string, number> {
  requireSupplyChain(graph, 'flowShare', ['stage']);
  const totals = stageThroughput(graph, values);
  const result: Record<string, number> = {};
  graph.forEachNode((node, attributes) => {
    const total = totals[attributes.stage] ?? 0;
    result[node] = total > 0 ? (values[node] ?? 0) / total : 0;
  });
  return result;
}
