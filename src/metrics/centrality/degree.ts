/**
 * In-degree and out-degree: how many edges enter and leave each node, as counts
 * (unweighted, not normalised; networkx `in_degree()` / `out_degree()`, not
 * `in_degree_centrality`). A supplier's out-degree counts its customers, a buyer's
 * in-degree its suppliers. Computed on the active graph (operating nodes only), so edges
 * to planned nodes are not counted. The graph is not changed.
 *
 * Reference: L. C. Freeman, "Centrality in social networks: conceptual clarification",
 * Social Networks 1 (1978) 215-239 (degree centrality).
 */
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';

export interface DegreeResult {
  /** Node -> number of in-edges. */
  inDegree: Record<string, number>;
  /** Node -> number of out-edges. */
  outDegree: Record<string, number>;
}

/** In- and out-degree by node id of an index (pass the operating index, `operatingIndex`: the index's own counts). */
export function degreeOfIndex(index: GraphIndex): { inDegree: Int32Array; outDegree: Int32Array } {
  return { inDegree: index.inDegree, outDegree: index.outDegree };
}

/** In- and out-degree of every operating node (see the header). */
export function degree(graph: SupplyGraph): DegreeResult {
  const active = operatingIndex(indexGraph(graph));
  const { inDegree: ins, outDegree: outs } = degreeOfIndex(active);
  const inDegree: Record<string, number> = {};
  const outDegree: Record<string, number> = {};
  active.nodes.forEach((node, v) => {
    inDegree[node] = ins[v] as number;
    outDegree[node] = outs[v] as number;
  });
  return { inDegree, outDegree };
}
