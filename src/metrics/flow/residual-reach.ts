/**
 * Residual reachability: breadth-first search over arcs with residual capacity beyond rounding (`hasResidual`).
 * From `root` along residual arcs (reversed = 0: the vertices `root` reaches), or against
 * them (reversed = 1: the vertices that reach `root`). Optionally records, for each vertex
 * found, the arc of the search tree that found it (`treeArc[w]`). O(V + E).
 *
 * Reference: R. K. Ahuja, T. L. Magnanti and J. B. Orlin, Network Flows, Prentice Hall,
 * 1993, section 6.5 (the residual network).
 */
import type { FlowNetwork } from './flow-network.js';

/** inside[v] = 1 for the vertices found (root included). */
export function residualReach(network: FlowNetwork, root: number, reversed: 0 | 1, treeArc?: Int32Array): Uint8Array {
  const { vertexCount: n, start, adj, head } = network;
  const inside = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qTail = 0;
  inside[root] = 1;
  queue[qTail++] = root;
  for (let qHead = 0; qHead < qTail; qHead++) {
    const v = queue[qHead] as number;
    for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
      const a = (adj[i] as number) ^ reversed;
      const w = head[adj[i] as number] as number;
      if (inside[w] || !network.hasResidual(a)) continue;
      inside[w] = 1;
      if (treeArc) treeArc[w] = a;
      queue[qTail++] = w;
    }
  }
  return inside;
}
