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
 * The graph is not changed; flows are read as volumes (t/yr). The sweeps run on a graph
 * index (model/graph-index.ts, `traceOriginOfIndex`, `nodeOriginsOfIndex`); the graph
 * functions index the graph and call them.
 */
import { ComputationError, UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { topologicalOrderOfIndex } from '../../model/topological-order.js';
import { indexGraph, type GraphIndex } from '../../model/graph-index.js';
import { graphologyEdgeOrder } from '../../model/index-graphology.js';

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
  const index = indexGraph(graph);
  return traceOriginOfIndex(index, (v) => seed(index.nodes[v] as string), options);
}

/**
 * `traceOrigin` on a graph index (model/graph-index.ts; every node of it counts), with
 * `seed(v)` by node id; the same sweeps in the same order (graphologyEdgeOrder), so the
 * same values bit for bit.
 */
export function traceOriginOfIndex(index: GraphIndex, seed: (v: number) => string | null, options: OriginOptions = {}): OriginShares {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`metrics/origin: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  const maxSweeps = options.maxSweeps ?? DEFAULTS.maxSweeps;
  const order = topologicalOrderOfIndex(index);
  const position = new Int32Array(index.n);
  order.forEach((v, i) => (position[v] = i));
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const seeds = Array.from(order, (v) => {
    const label = seed(v);
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
  // In-edges of each non-seed node with in-flow: (source position, weight = flow / in-flow).
  const { inEdges } = graphologyEdgeOrder(index);
  const { inOffsets, edgeSource, edgeFlow } = index;
  const inputs = Array.from(order, (v, i) => {
    if ((seeds[i] ?? -1) >= 0) return [];
    const edges: { source: number; flow: number }[] = [];
    for (let p = inOffsets[v] as number; p < (inOffsets[v + 1] as number); p++) {
      const e = inEdges[p] as number;
      edges.push({ source: position[edgeSource[e] as number] as number, flow: edgeFlow[e] as number });
    }
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
  order.forEach((v, i) => {
    const shares: Record<string, number> = {};
    labels.forEach((label, k) => {
      const value = mix[i * width + k] ?? 0;
      if (value > 0) shares[label] = value;
    });
    out[index.nodes[v] as string] = shares;
  });
  return out;
}

/**
 * The mining and separating origin of every node of `index` (every node has a stage, a
 * country and every edge a flow; the report passes the operating index).
 */
export function nodeOriginsOfIndex(index: GraphIndex, options: OriginOptions = {}): Record<string, NodeOrigin> {
  const byStage = (stage: string) => {
    const id = index.stages.indexOf(stage);
    return traceOriginOfIndex(index, (v) => (id >= 0 && index.nodeStage[v] === id ? (index.country[v] as string) : null), options);
  };
  const mining = byStage(ORIGIN_STAGES.mining);
  const separation = byStage(ORIGIN_STAGES.separation);
  const out: Record<string, NodeOrigin> = {};
  for (const node of index.nodes) out[node] = { mining: mining[node] ?? {}, separation: separation[node] ?? {} };
  return out;
}

/** The mining and separating origin of every node (see the header). */
export function nodeOrigins(graph: SupplyGraph, options: OriginOptions = {}): Record<string, NodeOrigin> {
  return nodeOriginsOfIndex(indexGraph(graph), options);
}

/** content_X(v) per node: the share of v's supply that passed through a node of `country` (see the header). */
export function originContent(graph: SupplyGraph, country: string, options: OriginOptions = {}): Record<string, number> {
  const shares = traceOrigin(graph, (node) => (graph.getNodeAttribute(node, 'country') === country ? country : null), options);
  const out: Record<string, number> = {};
  graph.forEachNode((node) => (out[node] = shares[node]?.[country] ?? 0));
  return out;
}
