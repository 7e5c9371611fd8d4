/**
 * Brandes' single-source dependency accumulation for weighted shortest paths, where edge
 * weights are lengths (distances, > 0): Dijkstra's algorithm with an indexed binary heap,
 * then the same backward sweep as the unweighted case (see brandes-bfs.ts).
 *
 * Three passes over what s reaches: (1) Dijkstra settles the nodes in order of distance;
 * (2) in that order, sigma(w) += sigma(v) for every edge (v, w) on a shortest path, i.e.
 * v settled before w and dist(v) + len(v, w) "equals" dist(w); (3) in reverse order,
 * delta(v) = sum over those edges of sigma(v) / sigma(w) * (1 + delta(w)). Passes 2 and 3
 * use one predicate, so path counts and dependencies always agree.
 *
 * Equal lengths: with whole-number lengths distances are compared exactly (sums stay exact
 * below 2^53). With fractional lengths two path lengths are equal when
 * |a - b| < 1e-10 * (|a| + |b|), igraph's rule (IGRAPH_SHORTEST_PATH_EPSILON), so that
 * 0.1 + 0.2 and 0.3 are one length. networkx compares floats exactly and would count only
 * one of those paths; results differ from networkx only in such rounding ties.
 *
 * Reference: U. Brandes, J. Math. Sociol. 25(2), 2001, doi 10.1080/0022250X.2001.9990249;
 * U. Brandes, Social Networks 30(2), 2008, doi 10.1016/j.socnet.2007.11.001; E. W.
 * Dijkstra, Numer. Math. 1, 1959, doi 10.1007/BF01386390.
 */
import { IndexedMinHeap } from './brandes-heap.js';
import type { CsrTopology } from './csr.js';

/** Relative tolerance for fractional lengths (igraph's IGRAPH_SHORTEST_PATH_EPSILON). */
export const LENGTH_TOLERANCE = 1e-10;

export interface DijkstraWorkspace {
  /** Tentative then final distance; Infinity when not reached. */
  dist: Float64Array;
  sigma: Float64Array;
  coeff: Float64Array;
  /** Settled nodes in order of distance. */
  order: Int32Array;
  /** Position of each node in `order`, -1 when not settled. */
  rank: Int32Array;
  heap: IndexedMinHeap;
}

export function createDijkstraWorkspace(n: number): DijkstraWorkspace {
  const dist = new Float64Array(n).fill(Infinity);
  return { dist, sigma: new Float64Array(n), coeff: new Float64Array(n), order: new Int32Array(n), rank: new Int32Array(n).fill(-1), heap: new IndexedMinHeap(n, dist) };
}

/**
 * Adds the dependencies of source s to nodeSum (all nodes but s) and, when given, edgeSum
 * (by CSR position). csr.weights must be set. Returns how many nodes s reaches. With
 * `endpoints`, as brandes-bfs.ts.
 */
export function brandesDijkstra(csr: CsrTopology, s: number, ws: DijkstraWorkspace, nodeSum: Float64Array, edgeSum: Float64Array | null, endpoints = false): number {
  const { offsets, targets } = csr;
  const lengths = csr.weights as Float64Array;
  const tolerance = csr.integerWeights ? 0 : LENGTH_TOLERANCE;
  const { dist, sigma, coeff, order, rank, heap } = ws;
  const same = (a: number, b: number): boolean => a === b || Math.abs(a - b) < tolerance * (a + b);

  dist[s] = 0;
  heap.push(s);
  let count = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    rank[v] = count;
    order[count++] = v;
    const dv = dist[v] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      if ((rank[w] as number) >= 0) continue;
      const d = dv + (lengths[e] as number);
      const dw = dist[w] as number;
      if (dw === Infinity) {
        dist[w] = d;
        heap.push(w);
      } else if (d < dw && !same(d, dw)) {
        dist[w] = d;
        heap.decrease(w);
      }
    }
  }

  for (let i = 0; i < count; i++) sigma[order[i] as number] = 0;
  sigma[s] = 1;
  for (let i = 0; i < count; i++) {
    const v = order[i] as number;
    const dv = dist[v] as number;
    const sv = sigma[v] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      if ((rank[w] as number) > i && same(dv + (lengths[e] as number), dist[w] as number)) sigma[w] = (sigma[w] as number) + sv;
    }
  }

  for (let i = count - 1; i >= 0; i--) {
    const v = order[i] as number;
    const dv = dist[v] as number;
    const sv = sigma[v] as number;
    const end = offsets[v + 1] as number;
    let delta = 0;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = targets[e] as number;
      if ((rank[w] as number) > i && same(dv + (lengths[e] as number), dist[w] as number)) {
        const c = sv * (coeff[w] as number);
        delta += c;
        if (edgeSum !== null) edgeSum[e] = (edgeSum[e] as number) + c;
      }
    }
    coeff[v] = (1 + delta) / sv;
    if (v !== s) nodeSum[v] = (nodeSum[v] as number) + delta + (endpoints ? 1 : 0);
  }
  if (endpoints) nodeSum[s] = (nodeSum[s] as number) + count - 1;

  for (let i = 0; i < count; i++) {
    const v = order[i] as number;
    dist[v] = Infinity;
    rank[v] = -1;
  }
  return count;
}
