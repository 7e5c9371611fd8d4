/**
 * Brandes' single-source dependency accumulation for unweighted (hop-count) shortest
 * paths: one breadth-first search from s, then one backward sweep.
 *
 * Forward: dist(s) = 0, sigma(s) = 1, and for each edge (v, w) with dist(w) = dist(v) + 1,
 * sigma(w) += sigma(v) (sigma = number of shortest s-w paths, kept as float64).
 * Backward, over the nodes in decreasing distance:
 *   delta(v) = sum over edges (v, w) with dist(w) = dist(v) + 1 of sigma(v) / sigma(w) * (1 + delta(w))
 * and each term is also the dependency of edge (v, w). delta(v) is added to v's
 * betweenness for v != s. The backward sweep pulls over out-edges instead of keeping
 * predecessor lists, so no per-source lists are allocated.
 *
 * Work is proportional to the part of the graph s reaches: only reached nodes are reset.
 *
 * Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol.
 * 25(2), 2001, doi 10.1080/0022250X.2001.9990249 (Algorithm 1); edge variant: U. Brandes,
 * "On variants of shortest-path betweenness centrality and their generic computation",
 * Social Networks 30(2), 2008, doi 10.1016/j.socnet.2007.11.001.
 */
import type { CsrTopology } from './csr.js';

export interface BfsWorkspace {
  /** Hop distance from the source, -1 when not reached. */
  dist: Int32Array;
  sigma: Float64Array;
  /** (1 + delta(w)) / sigma(w), set when w is swept. */
  coeff: Float64Array;
  /** Reached nodes in BFS order. */
  order: Int32Array;
}

export function createBfsWorkspace(n: number): BfsWorkspace {
  return { dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), coeff: new Float64Array(n), order: new Int32Array(n) };
}

/**
 * Adds the dependencies of source s to nodeSum (all nodes but s) and, when given, edgeSum
 * (by CSR position). Returns how many nodes s reaches (itself included).
 */
export function brandesBfs(csr: CsrTopology, s: number, ws: BfsWorkspace, nodeSum: Float64Array, edgeSum: Float64Array | null): number {
  const { offsets, targets } = csr;
  const { dist, sigma, coeff, order } = ws;
  dist[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++] as number;
    const next = (dist[v] as number) + 1;
    const sv = sigma[v] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      const dw = dist[w] as number;
      if (dw < 0) {
        dist[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (dw === next) {
        sigma[w] = (sigma[w] as number) + sv;
      }
    }
  }

  for (let i = tail - 1; i >= 0; i--) {
    const v = order[i] as number;
    const next = (dist[v] as number) + 1;
    const sv = sigma[v] as number;
    const end = offsets[v + 1] as number;
    let delta = 0;
    if (edgeSum === null) {
      for (let e = offsets[v] as number; e < end; e++) {
        const w = targets[e] as number;
        if (dist[w] === next) delta += sv * (coeff[w] as number);
      }
    } else {
      for (let e = offsets[v] as number; e < end; e++) {
        const w = targets[e] as number;
        if (dist[w] === next) {
          const c = sv * (coeff[w] as number);
          delta += c;
          edgeSum[e] = (edgeSum[e] as number) + c;
        }
      }
    }
    coeff[v] = (1 + delta) / sv;
    if (v !== s) nodeSum[v] = (nodeSum[v] as number) + delta;
  }

  for (let i = 0; i < tail; i++) dist[order[i] as number] = -1;
  return tail;
}
