/**
 * Unbounded flow detection: a source-sink path on which every arc has infinite capacity
 * would carry an unbounded flow, so maxFlow is undefined (+Infinity). As networkx does
 * (`maximum_flow` raises NetworkXUnbounded "Infinite capacity path, flow unbounded
 * above."), this is an error rather than a number.
 *
 * Method: breadth-first search from the source over forward arcs of infinite capacity
 * only; the path to the sink, if found, is returned as its arcs. O(V + E).
 *
 * Reference: networkx, algorithms/flow/utils.py `build_residual_network` (the same test).
 */
import type { FlowNetwork } from './flow-network.js';

/** The forward arcs of one source-sink path of infinite capacity, source first; null when none exists. */
export function unboundedPath(network: FlowNetwork): number[] | null {
  const { vertexCount: n, source, sink, start, adj, head, cap } = network;
  const arcInto = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qTail = 0;
  seen[source] = 1;
  queue[qTail++] = source;
  for (let qHead = 0; qHead < qTail; qHead++) {
    const v = queue[qHead] as number;
    for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
      const a = adj[i] as number;
      if (a & 1 || (cap[a >> 1] as number) !== Infinity) continue;
      const w = head[a] as number;
      if (seen[w]) continue;
      seen[w] = 1;
      arcInto[w] = a;
      if (w === sink) {
        const path: number[] = [];
        for (let x = sink; x !== source; x = head[(arcInto[x] as number) ^ 1] as number) path.push(arcInto[x] as number);
        return path.reverse();
      }
      queue[qTail++] = w;
    }
  }
  return null;
}
