/**
 * Brandes' betweenness as a sum over sources: runs the single-source accumulation
 * (brandes-bfs.ts for hop counts, brandes-dijkstra.ts for lengths) from each given source
 * and adds up the raw, unnormalised dependencies:
 *   node(v) = sum over sources s != v of delta_s(v),  edge(e) = sum over s of delta_s(e).
 * Sources without out-edges reach nothing and are skipped. The result depends only on the
 * sources and their order (the order fixes the floating-point summation order).
 * Reference: U. Brandes, J. Math. Sociol. 25(2), 2001, doi 10.1080/0022250X.2001.9990249.
 */
import { brandesBfs, createBfsWorkspace } from './brandes-bfs.js';
import { brandesDijkstra, createDijkstraWorkspace } from './brandes-dijkstra.js';
import type { CsrTopology } from './csr.js';

export interface RawBetweenness {
  /** Unnormalised node betweenness by node index. */
  nodes: Float64Array;
  /** Unnormalised edge betweenness by CSR position, or null when not asked for. */
  edges: Float64Array | null;
}

export interface BrandesSumOptions {
  /** Also sum edge dependencies. */
  edges: boolean;
  /** Count the endpoints of each path as on it (node sums only; see brandes-bfs.ts). */
  endpoints?: boolean;
  /** Called with the number of sources done, every 256 sources and at the end. */
  onProgress?: (done: number) => void;
}

/** Sums the dependencies of `sources` (node indices; all nodes when null). */
export function brandesSum(csr: CsrTopology, sources: Int32Array | null, options: BrandesSumOptions): RawBetweenness {
  const { n, offsets } = csr;
  const nodes = new Float64Array(n);
  const edges = options.edges ? new Float64Array(csr.m) : null;
  const count = sources === null ? n : sources.length;
  const progress = options.onProgress;
  const endpoints = options.endpoints ?? false;
  if (csr.weights === null) {
    const ws = createBfsWorkspace(n, csr.m);
    for (let i = 0; i < count; i++) {
      const s = sources === null ? i : (sources[i] as number);
      if ((offsets[s + 1] as number) > (offsets[s] as number)) brandesBfs(csr, s, ws, nodes, edges, endpoints);
      if (progress !== undefined && (i & 255) === 255) progress(i + 1);
    }
  } else {
    const ws = createDijkstraWorkspace(n);
    for (let i = 0; i < count; i++) {
      const s = sources === null ? i : (sources[i] as number);
      if ((offsets[s + 1] as number) > (offsets[s] as number)) brandesDijkstra(csr, s, ws, nodes, edges, endpoints);
      if (progress !== undefined && (i & 255) === 255) progress(i + 1);
    }
  }
  progress?.(count);
  return { nodes, edges };
}
