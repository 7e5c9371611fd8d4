/**
 * Throughput and flow share.
 *
 * throughput(v) = max(sum of `flow` on v's in-edges, sum of `flow` on v's out-edges), in
 * the graph's unit (t REO/yr). For a source it is its out-flow, for a sink its in-flow;
 * taking the larger side counts a node with unbalanced flows at its busier side.
 *
 * flowShare(v) = throughput(v) / sum of throughput(u) over the nodes u of v's stage
 * (0 when that sum is 0): v's share of everything its stage handles.
 *
 * Every node of the graph counts (the metrics report passes the operating part). The
 * `...OfIndex` functions compute on a graph index (model/graph-index.ts), summing a node's
 * flows in graphology's edge order so that the values equal the graph functions' bit for
 * bit; the graph functions index the graph and call them. Weights are volumes (`flow`).
 */
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, type GraphIndex } from '../../model/graph-index.js';
import { graphologyEdgeOrder } from '../../model/index-graphology.js';
import { requireSupplyChain } from '../../model/supply-chain.js';

/** throughput(v) by node id of `index` (every edge has a flow: check with requireSupplyChain first). */
export function throughputOfIndex(index: GraphIndex): Float64Array {
  const { inEdges, outEdges } = graphologyEdgeOrder(index);
  const { inOffsets, outOffsets, edgeFlow } = index;
  const result = new Float64Array(index.n);
  for (let v = 0; v < index.n; v++) {
    let inFlow = 0;
    let outFlow = 0;
    for (let p = inOffsets[v] as number; p < (inOffsets[v + 1] as number); p++) inFlow += edgeFlow[inEdges[p] as number] as number;
    for (let p = outOffsets[v] as number; p < (outOffsets[v + 1] as number); p++) outFlow += edgeFlow[outEdges[p] as number] as number;
    result[v] = Math.max(inFlow, outFlow);
  }
  return result;
}

/** Sum of throughput per stage id of `index` (`values` by node id; nodes without a stage left out). */
export function stageThroughputOfIndex(index: GraphIndex, values: Float64Array = throughputOfIndex(index)): Float64Array {
  const totals = new Float64Array(index.stages.length);
  for (let v = 0; v < index.n; v++) {
    const stage = index.nodeStage[v] as number;
    if (stage >= 0) totals[stage] = (totals[stage] as number) + (values[v] as number);
  }
  return totals;
}

/** flowShare(v) by node id of `index` (`values`: throughput by node id). */
export function flowShareOfIndex(index: GraphIndex, values: Float64Array = throughputOfIndex(index)): Float64Array {
  const totals = stageThroughputOfIndex(index, values);
  const result = new Float64Array(index.n);
  for (let v = 0; v < index.n; v++) {
    const total = totals[index.nodeStage[v] as number] ?? 0;
    result[v] = total > 0 ? (values[v] as number) / total : 0;
  }
  return result;
}

/** A value per node id as a record keyed by node. */
export function byNode(index: GraphIndex, values: ArrayLike<number>): Record<string, number> {
  const result: Record<string, number> = {};
  index.nodes.forEach((node, v) => (result[node] = values[v] as number));
  return result;
}

/** throughput(v) for every node. */
export function throughput(graph: SupplyGraph): Record<string, number> {
  requireSupplyChain(graph, 'throughput', ['flow']);
  const index = indexGraph(graph);
  return byNode(index, throughputOfIndex(index));
}

/** A record keyed by node as values by node id of `index` (a node missing from it: 0). */
function byId(index: GraphIndex, values: Record<string, number>): Float64Array {
  return Float64Array.from(index.nodes, (node) => values[node] ?? 0);
}

/** Sum of throughput per stage (the stages that have a node). */
export function stageThroughput(graph: SupplyGraph, values: Record<string, number> = throughput(graph)): Record<string, number> {
  requireSupplyChain(graph, 'stage throughput', ['stage']);
  const index = indexGraph(graph);
  const sums = stageThroughputOfIndex(index, byId(index, values));
  const totals: Record<string, number> = {};
  for (let v = 0; v < index.n; v++) {
    const stage = index.nodeStage[v] as number;
    totals[index.stages[stage] as string] = sums[stage] as number;
  }
  return totals;
}

/** flowShare(v) for every node. */
export function flowShare(graph: SupplyGraph, values: Record<string, number> = throughput(graph)): Record<string, number> {
  requireSupplyChain(graph, 'flowShare', ['stage']);
  const index = indexGraph(graph);
  return byNode(index, flowShareOfIndex(index, byId(index, values)));
}
