/**
 * Minimum s-t cut from a maximum flow (max-flow min-cut theorem).
 *
 * The source side S is every vertex reachable from the source in the residual network
 * (arcs with residual > eps). The cut is every forward arc from S to its complement; once
 * the flow is maximum each is saturated and each arc back into S carries nothing, so the
 * cut's capacity equals the flow value. Among the minimum cuts this is the one closest to
 * the source. Arcs of capacity 0 that cross are members too (they add nothing).
 *
 * Reference: L. R. Ford and D. R. Fulkerson, "Maximal flow through a network", Canadian
 * J. Math. 8 (1956) 399-404.
 */
import type { FlowNetwork } from './flow-network.js';

export interface ResidualCut {
  /** sourceSide[v] = 1 when v is reachable from the source in the residual network. */
  sourceSide: Uint8Array;
  /** Pairs whose forward arc crosses from the source side to the sink side. */
  pairs: number[];
  /** Sum of their capacities. */
  capacity: number;
}

/** sinkSide[v] = 1 when the sink is reachable from v in the residual network (the side of the cut closest to the sink). */
export function residualSinkSide(network: FlowNetwork): Uint8Array {
  const { vertexCount: n, sink, start, adj, head, eps } = network;
  const sinkSide = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qHead = 0;
  let qTail = 0;
  sinkSide[sink] = 1;
  queue[qTail++] = sink;
  while (qHead < qTail) {
    const v = queue[qHead++] as number;
    for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
      const u = head[adj[i] as number] as number;
      if (sinkSide[u] || network.residual((adj[i] as number) ^ 1) <= eps) continue;
      sinkSide[u] = 1;
      queue[qTail++] = u;
    }
  }
  return sinkSide;
}

export function residualCut(network: FlowNetwork): ResidualCut {
  const { vertexCount: n, source, start, adj, head, eps } = network;
  const sourceSide = new Uint8Array(n);
  const queue = new Int32Array(n);
  let qHead = 0;
  let qTail = 0;
  sourceSide[source] = 1;
  queue[qTail++] = source;
  while (qHead < qTail) {
    const v = queue[qHead++] as number;
    for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
      const a = adj[i] as number;
      const w = head[a] as number;
      if (sourceSide[w] || network.residual(a) <= eps) continue;
      sourceSide[w] = 1;
      queue[qTail++] = w;
    }
  }
  const pairs: number[] = [];
  let capacity = 0;
  for (let k = 0; k < network.pairCount; k++) {
    if (sourceSide[head[2 * k + 1] as number] && !sourceSide[head[2 * k] as number]) {
      pairs.push(k);
      capacity += network.cap[k] as number;
    }
  }
  return { sourceSide, pairs, capacity };
}
