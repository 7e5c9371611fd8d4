/**
 * Minimum s-t cut from a maximum flow (max-flow min-cut theorem).
 *
 * The source side S is every vertex reachable from the source in the residual network
 * (arcs with residual capacity beyond rounding, `hasResidual`). The cut is every forward arc from S to its complement; once
 * the flow is maximum each is saturated and each arc back into S carries nothing, so the
 * cut's capacity equals the flow value. Among the minimum cuts this is the one closest to
 * the source. Arcs of capacity 0 that cross are members too (they add nothing).
 *
 * Reference: L. R. Ford and D. R. Fulkerson, "Maximal flow through a network", Canadian
 * J. Math. 8 (1956) 399-404.
 */
import type { FlowNetwork } from './flow-network.js';
import { residualReach } from './residual-reach.js';

export interface ResidualCut {
  /** sourceSide[v] = 1 when v is reachable from the source in the residual network. */
  sourceSide: Uint8Array;
  /** Pairs whose forward arc crosses from the source side to the sink side. */
  pairs: number[];
  /** Sum of their capacities. */
  capacity: number;
}

export function residualCut(network: FlowNetwork): ResidualCut {
  const { head } = network;
  const sourceSide = residualReach(network, network.source, 0);
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
