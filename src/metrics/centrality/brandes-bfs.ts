/**
 * Brandes' single-source dependency accumulation for unweighted (hop-count) shortest
 * paths: one breadth-first search from s, then one backward sweep.
 *
 * Forward: dist(s) = 0, sigma(s) = 1, and for each edge (v, w) with dist(w) = dist(v) + 1,
 * sigma(w) += sigma(v) (sigma = number of shortest s-w paths, kept as float64).
 * Backward, over the nodes in decreasing distance:
 *   delta(v) = sum over edges (v, w) with dist(w) = dist(v) + 1 of sigma(v) / sigma(w) * (1 + delta(w))
 * and each term is also the dependency of edge (v, w). delta(v) is added to v's
 * betweenness for v != s.
 *
 * Work is proportional to the part of the graph s reaches, and no per-source lists are
 * allocated: the forward pass records the shortest-path DAG's edges of each dequeued node
 * contiguously (so the backward sweep reads only those), only reached nodes are reset, and
 * sinks (no out-edges; delta = 0) are kept off the queue: their (1 + delta) / sigma = 1 / sigma
 * is set in one loop before the sweep. Node sums are the same floating-point values with
 * or without edge sums (the same products added in the same order), so leaving edge values
 * out (a caller that writes only node values) changes no node value.
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
  /** Reached nodes with out-edges, in BFS order. */
  order: Int32Array;
  /** Reached sinks. */
  sinks: Int32Array;
  /** The DAG edges of order[i] are dagHead/dagEdge[dagStart[i] .. dagStart[i + 1] - 1]. */
  dagStart: Int32Array;
  dagHead: Int32Array;
  dagEdge: Int32Array;
}

export function createBfsWorkspace(n: number, m: number): BfsWorkspace {
  return {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    coeff: new Float64Array(n),
    order: new Int32Array(n),
    sinks: new Int32Array(n),
    dagStart: new Int32Array(n + 1),
    dagHead: new Int32Array(m),
    dagEdge: new Int32Array(m),
  };
}

/**
 * Adds the dependencies of source s to nodeSum (all nodes but s) and, when given, edgeSum
 * (by CSR position). Returns how many nodes s reaches (itself included). With
 * `endpoints`, every node s reaches also gets 1 and s gets (reached - 1): the endpoints
 * counted as on their own paths (Brandes 2008, section 3.3; networkx `endpoints=True`).
 */
export function brandesBfs(csr: CsrTopology, s: number, ws: BfsWorkspace, nodeSum: Float64Array, edgeSum: Float64Array | null, endpoints = false): number {
  const { offsets, targets } = csr;
  const { dist, sigma, coeff, order, sinks, dagStart, dagHead, dagEdge } = ws;
  const withEdges = edgeSum !== null;
  dist[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  let sinkCount = 0;
  let p = 0;
  while (head < tail) {
    const v = order[head] as number;
    dagStart[head++] = p;
    const next = (dist[v] as number) + 1;
    const sv = sigma[v] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      const dw = dist[w] as number;
      if (dw < 0) {
        dist[w] = next;
        sigma[w] = sv;
        if ((offsets[w + 1] as number) === (offsets[w] as number)) sinks[sinkCount++] = w;
        else order[tail++] = w;
      } else if (dw !== next) {
        continue;
      } else {
        sigma[w] = (sigma[w] as number) + sv;
      }
      if (withEdges) dagEdge[p] = e;
      dagHead[p++] = w;
    }
  }
  dagStart[tail] = p;

  for (let i = 0; i < sinkCount; i++) {
    const w = sinks[i] as number;
    coeff[w] = 1 / (sigma[w] as number);
    if (endpoints) nodeSum[w] = (nodeSum[w] as number) + 1;
    dist[w] = -1;
  }
  for (let i = tail - 1; i >= 0; i--) {
    const v = order[i] as number;
    const sv = sigma[v] as number;
    const end = dagStart[i + 1] as number;
    let delta = 0;
    if (edgeSum === null) {
      // The same products and sum as with edge sums, so node values are the same bits either way.
      for (let k = dagStart[i] as number; k < end; k++) delta += sv * (coeff[dagHead[k] as number] as number);
    } else {
      for (let k = dagStart[i] as number; k < end; k++) {
        const c = sv * (coeff[dagHead[k] as number] as number);
        delta += c;
        const e = dagEdge[k] as number;
        edgeSum[e] = (edgeSum[e] as number) + c;
      }
    }
    coeff[v] = (1 + delta) / sv;
    if (v !== s) nodeSum[v] = (nodeSum[v] as number) + delta + (endpoints ? 1 : 0);
    dist[v] = -1;
  }
  if (endpoints) nodeSum[s] = (nodeSum[s] as number) + tail + sinkCount - 1;
  return tail + sinkCount;
}
