/**
 * Origin tracing: the share of each node's supply that traces back to each country at a
 * given stage (where it was mined, where it was separated), by proportional propagation
 * through the baseline flows (the same no-rerouting reading as `scenario/proportional-flow.ts`).
 *
 * A "seed" node stamps an origin on what it passes on; every other node's output carries
 * the flow-weighted mix of its inputs' origins:
 *
 *   O_v = e_{label(v)}                                   when v is a seed
 *   O_v = sum_{e = u -> v} flow_e x O_u / sum_{e into v} flow_e   otherwise (in-flow > 0)
 *   O_v = 0                                              otherwise (a non-seed source)
 *
 * For the mining origin the seeds are the nodes of stage `mining` (label: their country);
 * for the separating origin, the nodes of stage `separation` (a node upstream of every
 * separation plant has an empty mix: its material is not separated yet). An edge carries
 * the mix of its source node. For "content" of one country X (`originContent`), the seeds
 * are X's nodes: content_X(v) is the share of v's supply that passed through a node of X
 * at any stage.
 *
 * The shares of a node sum to at most 1; the rest, `untraced` = 1 - sum, is supply that
 * comes from a non-seed source (a recycler, a stock, a source at a later stage) or from a
 * closed loop with no in-flow from outside it.
 *
 * Cycles: O = A O + b is linear (A the flow-weight matrix of the non-seed nodes, b the
 * seeds' stamps). It is solved by Gauss-Seidel sweeps from O = 0 in depth-first
 * topological order: an acyclic graph takes two sweeps (the second checks); on a cycle
 * the iterates increase to the least solution, which is the unique one when every loop
 * leaks or is fed from outside (spectral radius of A below 1), and gives a closed loop
 * with no outside feed 0 (untraced). Stops when no share changes by more than
 * `tolerance` (1e-12) in a sweep; more than `maxSweeps` (100,000) is a ComputationError.
 *
 * Reference: the same propagation is the "supply-chain origin" reading of input-output
 * tables (Leontief 1936; Miller and Blair, Input-Output Analysis, 2nd ed., 2009, ch. 6).
 * The graph is not changed; flows are read as volumes (t/yr).
 */
import { ComputationError, UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { topologicalOrder } from '../../model/topological-order.js';

export interface OriginOptions {
  /** Stop when no share changes by more than this in a sweep (default 1e-12). */
  tolerance?: number;
  /** Most sweeps before giving up (default 100,000). */
  maxSweeps?: number;
}

const DEFAULTS = { tolerance: 1e-12, maxSweeps: 100_000 };
const KNOWN = new Set(['tolerance', 'maxSweeps']);

/** Per node: label (a country code) -> share of the node's supply, 0..1; labels with share 0 left out. */
export type OriginShares = Record<string, Record<string, number>>;

/** The stages origin tracing reports, and the stage whose nodes are the seeds. */
export const ORIGIN_STAGES = { mining: 'mining', separation: 'separation' } as const;
export type OriginStage = keyof typeof ORIGIN_STAGES;

export interface NodeOrigin {
  /** Country -> share of the node's supply mined there. */
  mining: Record<string, number>;
  /** Country -> share of the node's supply separated there (empty upstream of separation). */
  separation: Record<string, number>;
}


/**
 * The origin mix of every node, with `seed(node)` giving the label a seed node stamps
 * (null for a non-seed node). See the file header for the formula.
 */
export function traceOrigin(graph: SupplyGraph, seed: (node: string) => string | null, options: OriginOptions = {}): OriginShares {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`metrics/origin: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  const maxSweeps = options.maxSweeps ?? DEFAULTS.maxSweeps;
  const order = topologicalOrder(graph);
  const index = new Map(order.map((node, i) => [node, i]));
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const seeds = order.map((node) => {
    const label = seed(node);
    if (label === null) return -1;
    if (!labelIndex.has(label)) {
      labelIndex.set(label, labels.length);
      labels.push(label);
    }
    return labelIndex.get(label) ?? -1;
  });
  const width = labels.length;
  const mix = new Float64Array(order.length * width);
  seeds.forEach((label, i) => {
    if (label >= 0) mix[i * width + label] = 1;
  });
  // In-edges of each non-seed node with in-flow: (source index, weight = flow / in-flow).
  const inputs = order.map((node, i) => {
    if ((seeds[i] ?? -1) >= 0) return [];
    const edges = graph.mapInEdges(node, (_e, a, source) => ({ source: index.get(source) ?? 0, flow: a.flow }));
    const total = edges.reduce((sum, e) => sum + e.flow, 0);
    return total > 0 ? edges.filter((e) => e.flow > 0).map((e) => ({ source: e.source, weight: e.flow / total })) : [];
  });
  const next = new Float64Array(width);
  let sweeps = 0;
  for (let change = Infinity; change > tolerance; ) {
    if (sweeps >= maxSweeps) throw new ComputationError(`metrics/origin: did not converge in ${maxSweeps} sweeps (last change ${change})`);
    sweeps += 1;
    change = 0;
    for (let i = 0; i < order.length; i++) {
      const edges = inputs[i] ?? [];
      if (edges.length === 0) continue;
      next.fill(0);
      for (const { source, weight } of edges) {
        for (let k = 0; k < width; k++) next[k] = (next[k] ?? 0) + weight * (mix[source * width + k] ?? 0);
      }
      for (let k = 0; k < width; k++) {
        const value = next[k] ?? 0;
        change = Math.max(change, Math.abs(value - (mix[i * width + k] ?? 0)));
        mix[i * width + k] = value;
      }
    }
  }
  const out: OriginShares = {};
  order.forEach((node, i) => {
    const shares: Record<string, number> = {};
    labels.forEach((label, k) => {
      const value = mix[i * width + k] ?? 0;
      if (value > 0) shares[label] = value;
    });
    out[node] = shares;
  });
  return out;
}

/** The mining and separating origin of every node (see the header). */
export function nodeOrigins(graph: SupplyGraph, options: OriginOptions = {}): Record<string, NodeOrigin> {
  const byStage = (stage: string) => traceOrigin(graph, (node) => (graph.getNodeAttribute(node, 'stage') === stage ? graph.getNodeAttribute(node, 'country') : null), options);
  const mining = byStage(ORIGIN_STAGES.mining);
  const separation = byStage(ORIGIN_STAGES.separation);
  const out: Record<string, NodeOrigin> = {};
  graph.forEachNode((node) => (out[node] = { mining: mining[node] ?? {}, separation: separation[node] ?? {} }));
  return out;
}

/** content_X(v) per node: the share of v's supply that passed through a node of `country` (see the header). */
export function originContent(graph: SupplyGraph, country: string, options: OriginOptions = {}): Record<string, number> {
  const shares = traceOrigin(graph, (node) => (graph.getNodeAttribute(node, 'country') === country ? country : null), options);
  const out: Record<string, number> = {};
  graph.forEachNode((node) => (out[node] = shares[node]?.[country] ?? 0));
  return out;
}
