/**
 * Closeness centrality, networkx's `closeness_centrality(G)` (unweighted, wf_improved):
 * how near a node is to the nodes that reach it.
 *
 *   C(u) = (r(u) - 1) / sum_{v reaches u} d(v, u)  x  (r(u) - 1) / (n - 1)
 *
 * with d(v, u) the number of edges on a shortest path from v to u (INCOMING distance, as
 * networkx on a directed graph: reverse the graph for outgoing), r(u) the number of nodes
 * that reach u, u included, and n the number of active nodes. The second factor is
 * Wasserman and Faust's correction for graphs that are not strongly connected (networkx
 * `wf_improved=True`); C(u) = 0 when no other node reaches u, and for a graph of one node.
 * Hop counts only (edge attributes are not read). Computed on the active graph; the
 * graph is not changed. One breadth-first search per node over in-edges: O(n (n + m)).
 * `closenessOfIndex` computes it on a graph index (model/graph-index.ts); `closeness`
 * builds the operating index of a graphology graph and calls it.
 *
 * Reference: L. C. Freeman, "Centrality in social networks: conceptual clarification",
 * Social Networks 1 (1978) 215-239; S. Wasserman and K. Faust, Social Network Analysis,
 * Cambridge University Press, 1994, p. 201.
 */
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';

/** Closeness by node id of `index` (every node of it counts: pass the operating index). */
export function closenessOfIndex(index: GraphIndex): Float64Array {
  const { n, inOffsets, inEdges, edgeSource } = index;
  const distance = new Int32Array(n);
  const queue = new Int32Array(n);
  const result = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    distance.fill(-1);
    distance[u] = 0;
    queue[0] = u;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++] as number;
      const next = (distance[v] as number) + 1;
      for (let p = inOffsets[v] as number; p < (inOffsets[v + 1] as number); p++) {
        const w = edgeSource[inEdges[p] as number] as number;
        if (distance[w] !== -1) continue;
        distance[w] = next;
        total += next;
        queue[tail++] = w;
      }
    }
    const reached = tail; // r(u), u included
    result[u] = total > 0 && n > 1 ? ((reached - 1) / total) * ((reached - 1) / (n - 1)) : 0;
  }
  return result;
}

/** Node -> closeness on the operating nodes (see the header). */
export function closeness(graph: SupplyGraph): Record<string, number> {
  const active = operatingIndex(indexGraph(graph));
  const values = closenessOfIndex(active);
  const result: Record<string, number> = {};
  active.nodes.forEach((node, v) => (result[node] = values[v] as number));
  return result;
}
