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
 * when n <= 1). The values equal networkx's (3.5+, tested against 3.6.1) within
 * floating-point rounding.
 *
 * Weights: by default every edge counts as one hop. `weight: "attr"` reads that numeric
 * edge attribute as a DISTANCE (length; Dijkstra): it must be finite and > 0 on every edge
 * (csr.ts explains the errors; zero is refused, unlike networkx). Scaling all lengths by
 * one factor does not change the result. Flows and capacities are volumes, not lengths:
 * do not pass them as `weight`.
 *
 * Undirected: `undirected: true` reads the graph as undirected with networkx's Graph
 * conventions (undirected.ts: symmetric closure, antiparallel edges collapsed, unordered
 * pairs counted once).
 *
 * Endpoints: `endpoints: true` counts s and t as on their own paths (node values only):
 * c(v) gains the number of nodes v reaches plus the number that reach it; normalised by
 * n(n - 1) instead (networkx `endpoints=True`).
 *
 * Sampling: `sample: K` sums over K pivot sources s (sampling.ts) and scales the sums to
 * estimate the full ones, with networkx 3.5+'s rule (networkx/algorithms/centrality/
 * betweenness.py `_rescale`, checked against networkx 3.6.1): with N = n - 1 (nodes) or
 * N = n (edges; nodes with endpoints),
 *   exact:                      normalised x 1 / (N (N - 1)),  unnormalised x 1
 *   sampled, edges / endpoints: normalised x 1 / (K (N - 1)),  unnormalised x N / K
 *   sampled nodes (no endpoints): a pivot v cannot be its own source, so it is scaled
 *     with K - 1 sources: normalised x 1 / ((K - 1)(N - 1)), unnormalised x N / (K - 1);
 *     other nodes with K: 1 / (K (N - 1)), N / K.
 * K = n is exact. With K = 1 a pivot's own value is undefined (networkx returns NaN): it
 * is refused (sample must be >= 2 for node betweenness without endpoints). Before, node
 * values followed networkx 2.8 (n / K, every node alike) and edge values 3.x. `seed`
 * (default 0) picks the pivots and is only allowed with `sample`.
 *
 * Algorithm: Brandes 2001 (doi 10.1080/0022250X.2001.9990249), edge variant Brandes 2008
 * (doi 10.1016/j.socnet.2007.11.001), on a CSR built from the graph index
 * (model/graph-index.ts; `betweennessPlan`, `betweennessOfIndex`); see brandes-sum.ts. O(n + m) memory,
 * O(nm) time unweighted, O(nm + n^2 log n) weighted. betweenness-parallel.ts runs the same
 * sum on worker threads. The graph is not changed.
 */
import { UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { brandesSum, type RawBetweenness } from './brandes-sum.js';
import { weightedCsrOfIndex, type Csr } from './csr.js';
import { samplePivots } from './sampling.js';
import { foldEdges, symmetricClosureOfIndex } from './undirected.js';
import { indexGraph, type GraphIndex } from '../../model/graph-index.js';
import { edgeAttributeReader, type EdgeAttributeReader } from '../../model/index-graphology.js';

export interface BetweennessOptions {
  /** Edge attribute read as a length; null/undefined: hop counts. */
  weight?: string | null;
  /** Divide by the number of pairs (default true). */
  normalized?: boolean;
  /** Estimate from this many pivot sources instead of all n. */
  sample?: number;
  /** Seed of the pivot choice (default 0); only with `sample`. */
  seed?: number;
  /** Count path endpoints as on the path (node values; default false). */
  endpoints?: boolean;
  /** Read the graph as undirected (networkx's Graph conventions, undirected.ts; default false). */
  undirected?: boolean;
}

export interface ResolvedBetweennessOptions {
  weight: string | null;
  normalized: boolean;
  sample: number | null;
  seed: number;
  endpoints: boolean;
  undirected: boolean;
}

export interface BetweennessResult {
  /** Node key -> betweenness. */
  nodes: Record<string, number>;
  /** Edge key -> betweenness. */
  edges: Record<string, number>;
  /**
   * The same values by the graph index's node id and edge id, for readers that walk the
   * index (the metrics report): set on directed results of a plan on a graph index, whose
   * key records are then built only when read. Not enumerable (results still compare and
   * serialise as the two records). `edges` is null when the plan left edge values out
   * (BetweennessPlan.edges false); the `edges` record then reads 0 for every edge.
   */
  readonly byId?: { nodes: Float64Array; edges: Float64Array | null };
}

export const BETWEENNESS_DEFAULTS: ResolvedBetweennessOptions = { weight: null, normalized: true, sample: null, seed: 0, endpoints: false, undirected: false };
const KNOWN = new Set(['weight', 'normalized', 'sample', 'seed', 'endpoints', 'undirected']);
const MODULE = 'betweenness';

/** Checks options strictly (unknown names and bad values are UsageErrors) and fills defaults. */
export function resolveBetweennessOptions(options: BetweennessOptions = {}): ResolvedBetweennessOptions {
  if (typeof options !== 'object' || options === null) throw new UsageError(`${MODULE}: options must be an object`);
  for (const name of Object.keys(options)) {
    if (!KNOWN.has(name)) throw new UsageError(`${MODULE}: unknown option "${name}" (known: ${[...KNOWN].join(', ')})`);
  }
  const { weight = null, normalized = true, sample, seed, endpoints = false, undirected = false } = options;
  if (weight !== null && (typeof weight !== 'string' || weight === '')) throw new UsageError(`${MODULE}: weight must be an edge attribute name or null`);
  if (typeof normalized !== 'boolean') throw new UsageError(`${MODULE}: normalized must be true or false`);
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) throw new UsageError(`${MODULE}: sample must be a whole number >= 1 (got ${String(sample)})`);
  if (seed !== undefined && sample === undefined) throw new UsageError(`${MODULE}: seed only applies together with sample`);
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0)) throw new UsageError(`${MODULE}: seed must be a whole number >= 0 (got ${String(seed)})`);
  if (typeof endpoints !== 'boolean') throw new UsageError(`${MODULE}: endpoints must be true or false`);
  if (typeof undirected !== 'boolean') throw new UsageError(`${MODULE}: undirected must be true or false`);
  return { weight, normalized, sample: sample ?? null, seed: seed ?? 0, endpoints, undirected };
}

/** The pivot sources for the options: null (all nodes) unless sampling. */
export function betweennessSources(n: number, options: ResolvedBetweennessOptions): Int32Array | null {
  if (options.sample === null) return null;
  if (options.sample > n) throw new UsageError(`${MODULE}: sample (${options.sample}) is larger than the number of nodes (${n})`);
  if (options.sample === 1 && !options.endpoints && n > 1) {
    throw new UsageError(`${MODULE}: sample must be at least 2: with one pivot the pivot's own betweenness has no estimate (networkx returns NaN)`);
  }
  return samplePivots(n, options.sample, options.seed);
}

/** What the raw sums are scaled for: see the header. */
export interface ScaleOptions {
  normalized: boolean;
  /** Node sums include endpoints. */
  endpoints?: boolean;
  /** Paths were counted for ordered pairs of an undirected graph: halve unnormalised values. */
  undirected?: boolean;
}

/**
 * One factor of networkx 3.5+'s `_rescale` (see the header): `N` pairs partners, `K`
 * sources (N when exact).
 */
function factor(N: number, K: number, normalized: boolean, undirected: boolean): number {
  return normalized ? 1 / (K * (N - 1)) : N / (K * (undirected ? 2 : 1));
}

/**
 * Scales raw sums in place, as networkx 3.5+ does (header): `sources` are the pivots, or
 * null when every node was a source.
 */
export function scaleBetweenness(raw: RawBetweenness, n: number, sources: Int32Array | null, options: ScaleOptions): RawBetweenness {
  const { normalized, endpoints = false, undirected = false } = options;
  const k = sources === null || sources.length === n ? null : sources.length;
  const N = endpoints ? n : n - 1;
  if (N >= 2) {
    if (k === null || endpoints) {
      const scale = factor(N, k ?? N, normalized, undirected);
      if (scale !== 1) for (let i = 0; i < raw.nodes.length; i++) raw.nodes[i] = (raw.nodes[i] as number) * scale;
    } else {
      const source = factor(N, k - 1, normalized, undirected);
      const other = factor(N, k, normalized, undirected);
      const pivot = new Uint8Array(n);
      for (const s of sources as Int32Array) pivot[s] = 1;
      for (let i = 0; i < raw.nodes.length; i++) raw.nodes[i] = (raw.nodes[i] as number) * (pivot[i] ? source : other);
    }
  }
  if (raw.edges !== null && n >= 2) {
    const scale = factor(n, sources === null ? n : sources.length, normalized, undirected);
    if (scale !== 1) for (let i = 0; i < raw.edges.length; i++) raw.edges[i] = (raw.edges[i] as number) * scale;
  }
  return raw;
}

export interface CsrBetweennessOptions {
  /** Source nodes (pivots); null: all nodes, exact. */
  sources?: Int32Array | null;
  normalized?: boolean;
  /** Compute edge betweenness too (default true). */
  edges?: boolean;
  /** Count endpoints (node values; default false). */
  endpoints?: boolean;
  /** The CSR is the symmetric closure of an undirected reading (undirected.ts): halve unnormalised values. */
  undirected?: boolean;
  onProgress?: (done: number) => void;
}

/** Betweenness on a CSR index, as typed arrays (nodes by index, edges by CSR position). */
export function betweennessCsr(csr: Csr, options: CsrBetweennessOptions = {}): RawBetweenness {
  const sources = options.sources ?? null;
  const endpoints = options.endpoints ?? false;
  const raw = brandesSum(csr, sources, { edges: options.edges ?? true, endpoints, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return scaleBetweenness(raw, csr.n, sources, { normalized: options.normalized ?? true, endpoints, undirected: options.undirected ?? false });
}

/** Turns index-based results into key-based records. */
export function betweennessRecords(csr: Csr, raw: RawBetweenness): BetweennessResult {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  for (let i = 0; i < csr.n; i++) nodes[csr.nodeKeys[i] as string] = raw.nodes[i] as number;
  for (let e = 0; e < csr.m; e++) edges[csr.edgeKeys[e] as string] = raw.edges === null ? 0 : (raw.edges[e] as number);
  return { nodes, edges };
}

/**
 * The result of a directed plan: `byId` from the sums (edges moved from CSR positions to
 * the index's edge ids), the key records built on first read.
 */
function indexedResult(m: number, csr: Csr, raw: RawBetweenness): BetweennessResult {
  const edges = raw.edges === null ? null : new Float64Array(m);
  const ids = csr.edgeIds;
  if (raw.edges !== null && edges !== null && ids !== undefined) for (let pos = 0; pos < ids.length; pos++) edges[ids[pos] as number] = raw.edges[pos] as number;
  if (ids === undefined) return betweennessRecords(csr, raw);
  let records: BetweennessResult | null = null;
  const result = {} as BetweennessResult;
  Object.defineProperties(result, {
    nodes: { enumerable: true, get: () => (records ??= betweennessRecords(csr, raw)).nodes },
    edges: { enumerable: true, get: () => (records ??= betweennessRecords(csr, raw)).edges },
    byId: { enumerable: false, value: { nodes: raw.nodes, edges } },
  });
  return result;
}

/**
 * A betweenness computation on a graph index, ready to run: the CSR (of the index, or of
 * its undirected closure), the pivots, the options for `betweennessCsr` (or its parallel
 * twin, betweenness-parallel.ts) and `finish`, which turns the scaled sums into the
 * result keyed by the index's nodes and edges.
 */
export interface BetweennessPlan {
  csr: Csr;
  sources: Int32Array | null;
  /** Whether edge values are computed (Brandes' edge sums cost about a tenth more); false only on directed plans asked for node values only. */
  edges: boolean;
  scale: { normalized: boolean; endpoints: boolean; undirected: boolean };
  finish: (raw: RawBetweenness) => BetweennessResult;
}

/** What a plan computes besides node values. */
export interface PlanOptions {
  /** Compute edge values too (default true). false: node values only, on a directed plan (`byId.edges` is then null); an undirected plan computes them always. */
  edges?: boolean;
}

/**
 * Plans `betweenness` on `index` (every node of it counts: the metrics report passes the
 * operating index). A `weight` attribute is read through `read` (edgeAttributeReader).
 */
export function betweennessPlan(index: GraphIndex, options: BetweennessOptions = {}, read?: EdgeAttributeReader, planOptions: PlanOptions = {}): BetweennessPlan {
  const resolved = resolveBetweennessOptions(options);
  const scale = { normalized: resolved.normalized, endpoints: resolved.endpoints, undirected: resolved.undirected };
  if (!resolved.undirected) {
    const csr = weightedCsrOfIndex(index, resolved.weight, read);
    return { csr, sources: betweennessSources(csr.n, resolved), edges: planOptions.edges ?? true, scale, finish: (raw) => indexedResult(index.m, csr, raw) };
  }
  const closure = symmetricClosureOfIndex(index, resolved.weight, read);
  const csr = weightedCsrOfIndex(closure.index, resolved.weight, (arc) => closure.lengths[arc]);
  return {
    csr,
    sources: betweennessSources(csr.n, resolved),
    edges: true,
    scale,
    finish: (raw) => {
      const result = betweennessRecords(csr, raw);
      return { nodes: result.nodes, edges: foldEdges(closure, result.edges) };
    },
  };
}

/** Node and edge betweenness of a graph index (see the header and `betweennessPlan`). */
export function betweennessOfIndex(index: GraphIndex, options: BetweennessOptions = {}, read?: EdgeAttributeReader): BetweennessResult {
  const plan = betweennessPlan(index, options, read);
  return plan.finish(betweennessCsr(plan.csr, { sources: plan.sources, edges: plan.edges, ...plan.scale }));
}

/** Node and edge betweenness of `graph` (see the header for the definition). */
export function betweenness(graph: SupplyGraph, options: BetweennessOptions = {}): BetweennessResult {
  resolveBetweennessOptions(options);
  const index = indexGraph(graph);
  return betweennessOfIndex(index, options, edgeAttributeReader(graph, index));
}
