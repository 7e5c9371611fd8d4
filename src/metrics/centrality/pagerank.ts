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
 * Implementation: graphology-metrics `centrality/pagerank`, checked against networkx
 * `pagerank(G, weight="flow")` in the tests.
 *
 * Reference: L. Page, S. Brin, R. Motwani and T. Winograd, The PageRank citation ranking:
 * bringing order to the web, Stanford InfoLab technical report 1999-66, 1999.
 */
import { DirectedGraph } from 'graphology';
import * as pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { ComputationError, ProblemList, UsageError } from '../../model/errors.js';
import { describeValue } from '../../model/parse-graph.js';
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';

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

/**
 * The package is CommonJS and its types declare `export default`: Node's ESM loader gives
 * `module.exports` (the function) as `default`, which TypeScript (NodeNext) types as the
 * module object, hence the cast.
 */
const pagerankOf = pagerankModule.default as unknown as typeof pagerankModule.default.default;

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

/** Node -> PageRank with `flow` (or `options.weight`) as edge weight (see the header). */
export function pagerank(graph: SupplyGraph, options: PagerankOptions = {}): Record<string, number> {
  const { weight, ...resolved } = resolvePagerankOptions(options);
  const active = activeSubgraph(graph);
  if (active.order === 0) return {};
  const weighted = new DirectedGraph<Record<string, never>, { w: number }>();
  const problems = new ProblemList();
  active.forEachNode((node) => weighted.addNode(node));
  active.forEachEdge((edge, attributes, source, target) => {
    const value: unknown = weight === null ? 1 : ((attributes as Record<string, unknown>)[weight] ?? 1);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.add(`edge "${edge}"`, `"${String(weight)}" must be a finite number >= 0 to be used as a PageRank weight (got ${describeValue(value)})`);
    } else if (value > 0) {
      weighted.addEdge(source, target, { w: value });
    }
  });
  problems.throwIfAny(`pagerank weight "${String(weight)}"`);
  try {
    return pagerankOf(weighted, { getEdgeWeight: 'w', ...resolved });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ComputationError(`pagerank: ${message.replace(/^graphology-metrics\/centrality\/pagerank: /, '')} (after ${resolved.maxIterations} iterations)`);
  }
}
