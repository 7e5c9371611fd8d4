/**
 * PageRank on observed flows: where material accumulates when it follows the supply
 * chain downstream in proportion to volume.
 *
 *   PR(v) = (1 - alpha) / n + alpha * ( sum over edges u -> v of PR(u) * flow(u, v) / out(u)
 *                                       + sum over nodes d with out(d) = 0 of PR(d) / n )
 *
 * with out(u) = sum of `flow` on u's out-edges. Weights are volumes: `flow` (t/yr) is the
 * edge weight, so an edge carrying twice the flow passes twice the rank. A node whose
 * out-edges all carry 0 counts as dangling, like a sink: its rank is spread uniformly (as
 * networkx does; zero-flow edges are left out before calling graphology, which would
 * otherwise divide 0 by 0). Scores sum to 1. alpha = 0.85, at most 100 power iterations,
 * converged when the L1 change is below n * 1e-6 (graphology's and networkx's defaults).
 * Computed on the active graph; the graph is not changed.
 *
 * `weight` names another volume attribute instead of `flow` (an edge without it weighs 1,
 * as in networkx), or null for unweighted PageRank (networkx `weight=None`).
 *
 * Implementation: graphology-metrics `centrality/pagerank`'s power iteration, run on a
 * graph index (model/graph-index.ts, `pagerankOfIndex`) with the same arithmetic in the
 * same order (a node's out-weights summed in graphology's neighbour order,
 * `graphologyEdgeOrder`), so the values equal graphology's bit for bit (tested); checked
 * against networkx `pagerank(G, weight="flow")` in the tests.
 *
 * Reference: L. Page, S. Brin, R. Motwani and T. Winograd, The PageRank citation ranking:
 * bringing order to the web, Stanford InfoLab technical report 1999-66, 1999.
 */
import { ComputationError, ProblemList, UsageError } from '../../model/errors.js';
import { describeValue } from '../../model/parse-graph.js';
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';
import { edgeAttributeReader, graphologyEdgeOrder, type EdgeAttributeReader } from '../../model/index-graphology.js';

export interface PagerankOptions {
  /** Damping factor, 0 < alpha < 1 (default 0.85). */
  alpha?: number;
  /** Most power iterations (default 100). */
  maxIterations?: number;
  /** Convergence tolerance per node (default 1e-6). */
  tolerance?: number;
  /**
   * Edge attribute read as the edge's weight, a VOLUME (default "flow"); null: every edge
   * weighs 1 (networkx `weight=None`). An edge without the attribute weighs 1 (networkx's
   * rule); a value that is not a finite number >= 0 is an InputError naming the edge.
   */
  weight?: string | null;
}

const DEFAULTS: Required<PagerankOptions> = { alpha: 0.85, maxIterations: 100, tolerance: 1e-6, weight: 'flow' };

export function resolvePagerankOptions(options: PagerankOptions = {}): Required<PagerankOptions> {
  for (const name of Object.keys(options)) {
    if (!(name in DEFAULTS)) throw new UsageError(`pagerank: unknown option "${name}" (known: ${Object.keys(DEFAULTS).join(', ')})`);
  }
  const resolved = { ...DEFAULTS, ...options };
  if (!(resolved.alpha > 0 && resolved.alpha < 1)) throw new UsageError(`pagerank: alpha must be between 0 and 1 (got ${resolved.alpha})`);
  if (!Number.isInteger(resolved.maxIterations) || resolved.maxIterations < 1) throw new UsageError(`pagerank: maxIterations must be a whole number >= 1 (got ${resolved.maxIterations})`);
  if (!(resolved.tolerance > 0)) throw new UsageError(`pagerank: tolerance must be > 0 (got ${resolved.tolerance})`);
  if (resolved.weight !== null && (typeof resolved.weight !== 'string' || resolved.weight === '')) throw new UsageError('pagerank: weight must be an edge attribute name or null');
  return resolved;
}

/**
 * PageRank by node id of `index` (every node of it counts: pass the operating index).
 * The `flow` weight is read from the index; another weight attribute through `read`
 * (edgeAttributeReader), required then.
 */
export function pagerankOfIndex(index: GraphIndex, options: PagerankOptions = {}, read?: EdgeAttributeReader): Float64Array {
  const { weight, alpha, maxIterations, tolerance } = resolvePagerankOptions(options);
  const N = index.n;
  if (N === 0) return new Float64Array(0);
  if (weight !== null && weight !== 'flow' && read === undefined) throw new UsageError(`pagerank: weight "${weight}" is not in the graph index; pass an edge attribute reader`);
  const valueOf = (e: number): unknown => {
    if (weight === null) return 1;
    if (weight === 'flow') {
      const flow = index.edgeFlow[e] as number;
      return Number.isNaN(flow) ? 1 : flow;
    }
    return (read as EdgeAttributeReader)(e, weight) ?? 1;
  };
  const weights = new Float64Array(index.m);
  const problems = new ProblemList();
  for (let e = 0; e < index.m; e++) {
    const value = valueOf(e);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.add(`edge "${index.edges[e] as string}"`, `"${String(weight)}" must be a finite number >= 0 to be used as a PageRank weight (got ${describeValue(value)})`);
    } else weights[e] = value;
  }
  problems.throwIfAny(`pagerank weight "${String(weight)}"`);

  // graphology-metrics centrality/pagerank.js, step by step: edges of weight 0 are left
  // out (dangling when none is left), out-weights summed in graphology's order.
  const { outEdges } = graphologyEdgeOrder(index);
  const { outOffsets, edgeTarget } = index;
  const p = 1 / N;
  const outWeight = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    for (let q = outOffsets[i] as number; q < (outOffsets[i + 1] as number); q++) {
      const w = weights[outEdges[q] as number] as number;
      if (w > 0) outWeight[i] = (outWeight[i] as number) + w;
    }
  }
  const dangling: number[] = [];
  for (let i = 0; i < N; i++) if (outWeight[i] === 0) dangling.push(i);
  let x = new Float64Array(N).fill(p);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const last = x;
    x = new Float64Array(N);
    let dangleSum = 0;
    for (const i of dangling) dangleSum += last[i] as number;
    dangleSum *= alpha;
    for (let i = 0; i < N; i++) {
      const d = outWeight[i] as number;
      for (let q = outOffsets[i] as number; q < (outOffsets[i + 1] as number); q++) {
        const e = outEdges[q] as number;
        const w = weights[e] as number;
        if (w > 0) {
          const t = edgeTarget[e] as number;
          x[t] = (x[t] as number) + alpha * (last[i] as number) * (w / d);
        }
      }
      x[i] = (x[i] as number) + (dangleSum * p + (1 - alpha) * p);
    }
    let error = 0;
    for (let i = 0; i < N; i++) error += Math.abs((x[i] as number) - (last[i] as number));
    if (error < N * tolerance) return x;
  }
  throw new ComputationError(`pagerank: failed to converge. (after ${maxIterations} iterations)`);
}

/** Node -> PageRank with `flow` (or `options.weight`) as edge weight, on the operating nodes (see the header). */
export function pagerank(graph: SupplyGraph, options: PagerankOptions = {}): Record<string, number> {
  resolvePagerankOptions(options);
  const active = operatingIndex(indexGraph(graph));
  const values = pagerankOfIndex(active, options, edgeAttributeReader(graph, active));
  const result: Record<string, number> = {};
  active.nodes.forEach((node, v) => (result[node] = values[v] as number));
  return result;
}
