/**
 * Maximum flow to the sinks, and one minimum cut.
 *
 * maxFlow(G) = the most that can reach the sinks of G, in the graph's unit (t/yr): a
 * super-source feeds every source (no in-edge), every sink (no out-edge) feeds a
 * super-sink, both unbounded; an edge carries at most `capacity ?? flow` (`capacity` may
 * be `"inf"`, unlimited); a node with a
 * `capacity` passes at most that (node splitting). Edge weights are capacities; observed
 * `flow` is used only where no `capacity` is given. Computed on the active graph
 * (operating nodes only: the operating graph index, model/graph-index.ts
 * `operatingIndex`, which the solver reads directly as its CompactGraph). See
 * `supply-network.ts` for the construction, `dinic.ts` for the algorithm and
 * `min-cut.ts` for the cut.
 *
 * The minimum cut is returned as the capacitated nodes whose split arc crosses it and
 * the edges that cross it; its capacity equals maxFlow (max-flow min-cut theorem).
 *
 * The per-edge and per-node flows are one maximum flow among possibly many. When a
 * source-sink path has no finite capacity the flow is unbounded and maxFlow throws a
 * ComputationError naming the path (networkx: NetworkXUnbounded).
 *
 * Reference: L. R. Ford and D. R. Fulkerson, Flows in Networks, Princeton, 1962
 * (node splitting: ch. I.11); E. A. Dinic (1970), see `dinic.ts`.
 */
import type { CompactGraph } from '../../model/compact.js';
import type { SupplyGraph } from '../../model/graph.js';
import { indexGraph, operatingIndex, type GraphIndex } from '../../model/graph-index.js';
import { edgeAttributeReader, type EdgeAttributeReader } from '../../model/index-graphology.js';
import { augment } from './dinic.js';
import { residualCut } from './min-cut.js';
import { buildSupplyNetwork, nodeFlow, type SupplyNetwork, type Terminals } from './supply-network.js';
import { unboundedPath } from './unbounded-path.js';
import { ComputationError, ProblemList, UsageError } from '../../model/errors.js';
import { describeValue } from '../../model/parse-graph.js';

export interface MinimumCut {
  /** Nodes whose capacity is part of the cut. */
  nodes: string[];
  /** Edges that cross the cut. */
  edges: string[];
  /** Total capacity of the cut (= maxFlow). */
  capacity: number;
}

export interface MaxFlowResult {
  /** maxFlow(G), in the graph's unit. */
  value: number;
  /** Flow on each active edge in the maximum flow found. */
  edgeFlow: Record<string, number>;
  /** Flow through each active node in the maximum flow found. */
  nodeFlow: Record<string, number>;
  minCut: MinimumCut;
}

/** A solved network: the compact graph, its flow network holding a maximum flow, and the value. */
export interface SolvedFlow {
  graph: CompactGraph;
  supply: SupplyNetwork;
  value: number;
}

/**
 * The nodes along an unbounded path (vertex by vertex, super-source and super-sink left
 * out), for the error message.
 */
function pathNodes(graph: CompactGraph, supply: SupplyNetwork, arcs: readonly number[]): string[] {
  const nodeOf = new Map<number, string>();
  graph.nodes.forEach((node, i) => {
    nodeOf.set(supply.inVertex[i] as number, node);
    nodeOf.set(supply.outVertex[i] as number, node);
  });
  const names: string[] = [];
  for (const a of arcs) {
    const name = nodeOf.get(supply.network.head[a] as number);
    if (name !== undefined && names[names.length - 1] !== name) names.push(name);
  }
  return names;
}

/**
 * Builds the flow network of a compact graph and computes a maximum flow in it. A
 * source-sink path with no finite capacity on it (edges with `capacity: "inf"` and nodes
 * without a capacity) makes the flow unbounded: ComputationError naming the path.
 */
export function solveMaxFlow(graph: CompactGraph, terminals?: Terminals): SolvedFlow {
  return solveSupplyNetwork(graph, buildSupplyNetwork(graph, terminals));
}

/** A maximum flow in `supply`, the flow network of `graph` (with zero flow), as `solveMaxFlow`. */
export function solveSupplyNetwork(graph: CompactGraph, supply: SupplyNetwork): SolvedFlow {
  const unbounded = unboundedPath(supply.network);
  if (unbounded) {
    const nodes = pathNodes(graph, supply, unbounded);
    throw new ComputationError(
      `maxFlow: the flow is unbounded: the path ${nodes.map((n) => JSON.stringify(n)).join(' -> ')} has no finite edge or node capacity on it (infinite-capacity path, flow unbounded above); give one of its edges or nodes a finite capacity`,
    );
  }
  const value = augment(supply.network);
  return { graph, supply, value };
}

/** The minimum cut of a solved network, as nodes and edges of the graph. */
export function minimumCut(solved: SolvedFlow): MinimumCut {
  const { graph, supply } = solved;
  const cut = residualCut(supply.network);
  const inCut = new Uint8Array(supply.network.pairCount);
  for (const k of cut.pairs) inCut[k] = 1;
  const nodes = graph.nodes.filter((_node, i) => (supply.splitPair[i] as number) >= 0 && inCut[supply.splitPair[i] as number]);
  const edges = graph.edges.filter((_edge, e) => inCut[supply.edgePair[e] as number]);
  return { nodes, edges, capacity: cut.capacity };
}

export interface MaxFlowOptions {
  /** Node keys the flow starts from (default: every node with out-edges and no in-edge). */
  sources?: readonly string[];
  /** Node keys the flow must reach (default: every node with in-edges and no out-edge). */
  targets?: readonly string[];
  /**
   * Edge attribute read as the capacity, as networkx's `capacity=`: a number, or "inf";
   * an edge without it has unlimited capacity (networkx's rule). Default: `capacity ?? flow`.
   */
  capacity?: string | null;
}

const KNOWN_OPTIONS = new Set(['sources', 'targets', 'capacity']);

/** Chosen terminals as index flags; unknown, inactive or overlapping nodes are UsageErrors (`inGraph`: the key is a node of the whole graph). */
function terminalsOf(graph: CompactGraph, inGraph: (key: string) => boolean, options: MaxFlowOptions): Terminals | undefined {
  if (options.sources === undefined && options.targets === undefined) return undefined;
  const n = graph.nodes.length;
  const pick = (keys: readonly string[] | undefined, what: string, fallback: (i: number) => boolean): Uint8Array => {
    const flags = new Uint8Array(n);
    if (keys === undefined) {
      for (let i = 0; i < n; i++) flags[i] = fallback(i) ? 1 : 0;
      return flags;
    }
    if (!Array.isArray(keys) || keys.length === 0) throw new UsageError(`maxFlow: ${what} must be a non-empty list of node keys`);
    for (const key of keys) {
      const i = graph.index.get(key);
      if (i === undefined) {
        throw new UsageError(inGraph(key) ? `maxFlow: ${what} node "${key}" is not operating (planned nodes take no part in flows)` : `maxFlow: ${what} node "${key}" is not in the graph`);
      }
      flags[i] = 1;
    }
    return flags;
  };
  const source = pick(options.sources, 'source', (i) => graph.inDegree[i] === 0 && (graph.outDegree[i] as number) > 0);
  const sink = pick(options.targets, 'target', (i) => graph.outDegree[i] === 0 && (graph.inDegree[i] as number) > 0);
  const both = graph.nodes.filter((_node, i) => source[i] && sink[i]);
  if (both.length > 0) throw new UsageError(`maxFlow: ${both.map((k) => `"${k}"`).join(', ')} cannot be both a source and a target`);
  return { source, sink };
}

/** Edge capacities read from attribute `name` (missing: unlimited); bad values are an InputError. */
function capacitiesFrom(graph: CompactGraph, read: EdgeAttributeReader, name: string): Float64Array {
  const out = new Float64Array(graph.edges.length);
  const problems = new ProblemList();
  graph.edges.forEach((edge, e) => {
    const value = read(e, name);
    if (value === undefined || value === 'inf' || value === Infinity) out[e] = Infinity;
    else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[e] = value;
    else problems.add(`edge "${edge}"`, `"${name}" must be a number >= 0 or "inf" to be used as a capacity (got ${describeValue(value)})`);
  });
  problems.throwIfAny(`capacity "${name}"`);
  return out;
}

/** Checks that MaxFlowOptions is an object of known options (an unknown name is a UsageError). */
function checkOptions(options: MaxFlowOptions): void {
  if (typeof options !== 'object' || options === null) throw new UsageError('maxFlow: options must be an object');
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) throw new UsageError(`maxFlow: unknown option "${name}" (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
}

/**
 * `solveWithOptions` on a graph index: `active` is the part that takes part in flows (the
 * operating index, `operatingIndex`), solved as it is (a GraphIndex is a CompactGraph).
 * `whole` says whether a key is a node of the whole graph (for the message on a chosen
 * terminal that is not operating); `read` gives the `capacity` option's attribute.
 */
export function solveIndexWithOptions(active: GraphIndex, options: MaxFlowOptions = {}, whole: { has: (key: string) => boolean } = active.index, read?: EdgeAttributeReader): SolvedFlow {
  checkOptions(options);
  let compact: CompactGraph = active;
  const { capacity = null } = options;
  if (capacity !== null) {
    if (typeof capacity !== 'string' || capacity === '') throw new UsageError('maxFlow: capacity must be an edge attribute name');
    if (read === undefined) throw new UsageError(`maxFlow: capacity "${capacity}" is not in the graph index; pass an edge attribute reader`);
    compact = { ...active, edgeCapacity: capacitiesFrom(active, read, capacity) };
  }
  return solveMaxFlow(compact, terminalsOf(compact, (key) => whole.has(key), options));
}

/** Checks the options strictly and solves: the compact active graph, its flow and the value. */
export function solveWithOptions(graph: SupplyGraph, options: MaxFlowOptions = {}): SolvedFlow {
  checkOptions(options);
  const active = operatingIndex(indexGraph(graph));
  return solveIndexWithOptions(active, options, { has: (key) => graph.hasNode(key) }, edgeAttributeReader(graph, active));
}

/**
 * maxFlow of the active graph, the flow found and one minimum cut. The graph is not
 * changed. `options` choose the sources, targets and capacity attribute (MaxFlowOptions).
 */
export function maxFlow(graph: SupplyGraph, options: MaxFlowOptions = {}): MaxFlowResult {
  const solved = solveWithOptions(graph, options);
  const { graph: compact, supply } = solved;
  const edgeFlow: Record<string, number> = {};
  compact.edges.forEach((edge, e) => {
    edgeFlow[edge] = supply.network.flow[supply.edgePair[e] as number] as number;
  });
  const flows: Record<string, number> = {};
  compact.nodes.forEach((node, i) => {
    flows[node] = nodeFlow(supply, i);
  });
  return { value: solved.value, edgeFlow, nodeFlow: flows, minCut: minimumCut(solved) };
}
