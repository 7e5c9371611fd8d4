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
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';

export interface DegreeResult {
  /** Node -> number of in-edges. */
  inDegree: Record<string, number>;
  /** Node -> number of out-edges. */
  outDegree: Record<string, number>;
}

export function degree(graph: SupplyGraph): DegreeResult {
  const active = activeSubgraph(graph);
  const inDegree: Record<string, number> = {};
  const outDegree: Record<string, number> = {};
  active.forEachNode((node) => {
    inDegree[node] = active.inDegree(node);
    outDegree[node] = active.outDegree(node);
  });
  return { inDegree, outDegree };
}
