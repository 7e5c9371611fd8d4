/**
 * Shortest-path betweenness centrality of nodes and edges on the directed supply graph.
 *
 *   c(v) = sum over s != v != t of sigma(s, t | v) / sigma(s, t)
 *   c(e) = sum over s != t of sigma(s, t | e) / sigma(s, t)
 * where sigma(s, t) is the number of shortest s-t paths and sigma(s, t | x) the number
 * passing through x. Pairs with no path contribute nothing (disconnected parts and
 * isolated nodes are allowed).
 *
 * Normalisation (normalized: true, the default) divides node values by (n - 1)(n - 2) and
 * edge values by n(n - 1), the number of ordered pairs that could use them, as networkx
 * `betweenness_centrality(G, normalized=True)` and `edge_betweenness_centrality(G,
 * normalized=True)` do for directed graphs (no node scaling when n <= 2, no edge scaling
 * when n <= 1). The values equal networkx's within floating-point rounding.
 *
 * Weights: by default every edge counts as one hop. `weight: "attr"` reads that numeric
 * edge attribute as a DISTANCE (length; Dijkstra): it must be finite and > 0 on every edge
 * (csr.ts explains the errors; zero is refused, unlike networkx). Scaling all lengths by
 * one factor does not change the result. Flows and capacities are volumes, not lengths:
 * do not pass them as `weight`.
 *
 * Sampling: `sample: K` sums over K pivot sources (sampling.ts) and multiplies by n / K
 * before normalising: networkx's k-pivot estimate (`betweenness_centrality(G, k=K)`).
 * With normalized: false the n / K factor is still applied (networkx 2.8 skips it for
 * unnormalised directed results, which then estimate K/n of the sum). `seed` (default 0)
 * picks the pivots and is only allowed with `sample`.
 *
 * Algorithm: Brandes 2001 (doi 10.1080/0022250X.2001.9990249), edge variant Brandes 2008
 * (doi 10.1016/j.socnet.2007.11.001), on a CSR index; see brandes-sum.ts. O(n + m) memory,
 * O(nm) time unweighted, O(nm + n^2 log n) weighted. betweenness-parallel.ts runs the same
 * sum on worker threads. The graph is not changed.
 */
import { UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { brandesSum, type RawBetweenness } from './brandes-sum.js';
import { buildCsr, type Csr } from './csr.js';
import { samplePivots } from './sampling.js';

export interface BetweennessOptions {
  /** Edge attribute read as a length; null/undefined: hop counts. */
  weight?: string | null;
  /** Divide by the number of pairs (default true). */
  normalized?: boolean;
  /** Estimate from this many pivot sources instead of all n. */
  sample?: number;
  /** Seed of the pivot choice (default 0); only with `sample`. */
  seed?: number;
}

export interface ResolvedBetweennessOptions {
  weight: string | null;
  normalized: boolean;
  sample: number | null;
  seed: number;
}

export interface BetweennessResult {
  /** Node key -> betweenness. */
  nodes: Record<string, number>;
  /** Edge key -> betweenness. */
  edges: Record<string, number>;
}

export const BETWEENNESS_DEFAULTS: ResolvedBetweennessOptions = { weight: null, normalized: true, sample: null, seed: 0 };
const KNOWN = new Set(['weight', 'normalized', 'sample', 'seed']);
const MODULE = 'betweenness';

/** Checks options strictly (unknown names and bad values are UsageErrors) and fills defaults. */
export function resolveBetweennessOptions(options: BetweennessOptions = {}): ResolvedBetweennessOptions {
  if (typeof options !== 'object' || options === null) throw new UsageError(`${MODULE}: options must be an object`);
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name)) throw new UsageError(`${MODULE}: unknown option "${name}" (known: ${[...KNOWN].join(', ')})`);
  }
  const { weight = null, normalized = true, sample, seed } = options;
  if (weight !== null && (typeof weight !== 'string' || weight === '')) throw new UsageError(`${MODULE}: weight must be an edge attribute name or null`);
  if (typeof normalized !== 'boolean') throw new UsageError(`${MODULE}: normalized must be true or false`);
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) throw new UsageError(`${MODULE}: sample must be a whole number >= 1 (got ${String(sample)})`);
  if (seed !== undefined && sample === undefined) throw new UsageError(`${MODULE}: seed only applies together with sample`);
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0)) throw new UsageError(`${MODULE}: seed must be a whole number >= 0 (got ${String(seed)})`);
  return { weight, normalized, sample: sample ?? null, seed: seed ?? 0 };
}

/** The pivot sources for the options: null (all nodes) unless sampling. */
export function betweennessSources(n: number, options: ResolvedBetweennessOptions): Int32Array | null {
  if (options.sample === null) return null;
  if (options.sample > n) throw new UsageError(`${MODULE}: sample (${options.sample}) is larger than the number of nodes (${n})`);
  return samplePivots(n, options.sample, options.seed);
}

/**
 * Scales raw sums in place: n / k for k sampled sources, then the normalisation.
 * `k` is null when every node was a source.
 */
export function scaleBetweenness(raw: RawBetweenness, n: number, k: number | null, normalized: boolean): RawBetweenness {
  const sampling = k === null ? 1 : n / k;
  const nodeScale = normalized && n > 2 ? sampling / ((n - 1) * (n - 2)) : normalized ? 1 : sampling;
  const edgeScale = normalized && n > 1 ? sampling / (n * (n - 1)) : normalized ? 1 : sampling;
  if (nodeScale !== 1) for (let i = 0; i < raw.nodes.length; i++) raw.nodes[i] = (raw.nodes[i] as number) * nodeScale;
  if (raw.edges !== null && edgeScale !== 1) for (let i = 0; i < raw.edges.length; i++) raw.edges[i] = (raw.edges[i] as number) * edgeScale;
  return raw;
}

export interface CsrBetweennessOptions {
  /** Source nodes (pivots); null: all nodes, exact. */
  sources?: Int32Array | null;
  normalized?: boolean;
  /** Compute edge betweenness too (default true). */
  edges?: boolean;
  onProgress?: (done: number) => void;
}

/** Betweenness on a CSR index, as typed arrays (nodes by index, edges by CSR position). */
export function betweennessCsr(csr: Csr, options: CsrBetweennessOptions = {}): RawBetweenness {
  const sources = options.sources ?? null;
  const raw = brandesSum(csr, sources, { edges: options.edges ?? true, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return scaleBetweenness(raw, csr.n, sources === null ? null : sources.length, options.normalized ?? true);
}

/** Turns index-based results into key-based records. */
export function betweennessRecords(csr: Csr, raw: RawBetweenness): BetweennessResult {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  for (let i = 0; i < csr.n; i++) nodes[csr.nodeKeys[i] as string] = raw.nodes[i] as number;
  for (let e = 0; e < csr.m; e++) edges[csr.edgeKeys[e] as string] = raw.edges === null ? 0 : (raw.edges[e] as number);
  return { nodes, edges };
}

/** Node and edge betweenness of `graph` (see the header for the definition). */
export function betweenness(graph: SupplyGraph, options: BetweennessOptions = {}): BetweennessResult {
  const resolved = resolveBetweennessOptions(options);
  const csr = buildCsr(graph, resolved.weight);
  const sources = betweennessSources(csr.n, resolved);
  return betweennessRecords(csr, betweennessCsr(csr, { sources, normalized: resolved.normalized }));
}
