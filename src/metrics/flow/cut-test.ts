/**
 * Cut test: a cheap proof that a changed flow has no augmenting path, from the residual
 * sides of the maximum flow it was changed from.
 *
 * Let f be a maximum flow, A the vertices the source reaches in f's residual network and
 * B those that reach the sink (disjoint, as f is maximum), M the rest. A is closed under
 * residual arcs (none leaves it) and B under reversed ones (none enters it). Now change
 * the flow on some pairs (the network's journal since `mark()`) and remove some vertices.
 * Take an augmenting path of the new residual network, its last vertex p in A and the
 * first vertex q in B after p. The arc leaving p and the arc entering q had no residual
 * capacity before, so both belong to changed pairs, and every vertex between them lies in
 * M. Hence a path can exist only if a breadth-first search from the heads of changed arcs
 * leaving A, through unremoved vertices of M over arcs with residual > eps, reaches the
 * tail of a changed arc entering B (or such an arc goes straight from A into B). The test
 * is one-sided: true means "a path may exist", false means "none exists". Its cost is the
 * journal plus the part of M it reaches, usually far less than a search from the source.
 * Residual capacities are flows and capacities (weights are capacities), "positive" means
 * > the network's eps, as for A and B themselves.
 *
 * Reference: L. R. Ford and D. R. Fulkerson, Flows in Networks, Princeton, 1962 (residual
 * networks and cuts); R. K. Ahuja, T. L. Magnanti and J. B. Orlin, Network Flows, Prentice
 * Hall, 1993, section 6.5 (the residual network of a maximum flow).
 */
import type { FlowNetwork } from './flow-network.js';
import { residualCut, residualSinkSide } from './min-cut.js';

export class CutTest {
  /** A: reached from the source in the residual network of the maximum flow. */
  readonly sourceSide: Uint8Array;
  /** B: reaching the sink in it. */
  readonly sinkSide: Uint8Array;
  private readonly seen: Uint32Array;
  private readonly target: Uint32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  /** Takes A and B from the network's current flow, which must be maximum. */
  constructor(private readonly network: FlowNetwork) {
    const n = network.vertexCount;
    this.sourceSide = residualCut(network).sourceSide;
    this.sinkSide = residualSinkSide(network);
    this.seen = new Uint32Array(n);
    this.target = new Uint32Array(n);
    this.queue = new Int32Array(n);
  }

  /** False when no augmenting path avoiding `blocked` vertices can exist after the changes since mark(). */
  mayAugment(blocked: Uint8Array): boolean {
    const { sourceSide: inA, sinkSide: inB, seen, target, queue } = this;
    const { start, adj, head, eps } = this.network;
    const net = this.network;
    const stamp = ++this.stamp;
    let tail = 0;
    let targets = 0;
    for (const k of net.changed()) {
      for (let a = 2 * k; a <= 2 * k + 1; a++) {
        const x = head[a ^ 1] as number;
        const y = head[a] as number;
        if (blocked[x] || blocked[y] || net.residual(a) <= eps) continue;
        if (inA[x] && !inA[y]) {
          if (inB[y]) return true;
          if (seen[y] !== stamp) {
            seen[y] = stamp;
            queue[tail++] = y;
          }
        }
        if (!inB[x] && inB[y]) {
          if (inA[x]) return true;
          target[x] = stamp;
          targets++;
        }
      }
    }
    if (targets === 0) return false;
    for (let h = 0; h < tail; h++) {
      const v = queue[h] as number;
      if (target[v] === stamp) return true;
      for (let i = start[v] as number; i < (start[v + 1] as number); i++) {
        const a = adj[i] as number;
        const w = head[a] as number;
        if (seen[w] === stamp || inA[w] || inB[w] || blocked[w] || net.residual(a) <= eps) continue;
        seen[w] = stamp;
        queue[tail++] = w;
      }
    }
    return false;
  }
}
