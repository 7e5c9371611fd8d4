/**
 * Compressed sparse row (CSR) index of a SupplyGraph, for the shortest-path kernels.
 *
 * Nodes are numbered 0..n-1 in graphology's iteration order; the out-edges of node v are
 * the positions offsets[v] .. offsets[v + 1] - 1, whose heads are targets[pos] and whose
 * graphology keys are edgeKeys[pos] (edges keep their insertion order within a source).
 * All arrays are typed, so the index is O(n + m) memory and can be copied to a worker
 * thread cheaply. Building it does not change the graph.
 *
 * `weights` (optional) holds a numeric edge attribute read as a DISTANCE (a longer edge
 * makes paths through it less short). Every edge must carry it, finite and > 0:
 * - missing on every edge: UsageError (the attribute name is probably misspelt);
 * - missing on some edges, not a number, infinite or NaN, negative: InputError naming
 *   each edge;
 * - zero: InputError too. networkx accepts zero-length edges, but a zero-length cycle
 *   gives infinitely many shortest paths, and even without one networkx's Dijkstra then
 *   counts paths in an order-dependent way; use a small positive length instead.
 */
import { ProblemList, UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import { describeValue } from '../../model/load-messages.js';
import { outCsr, type GraphIndex, type IndexOverlay } from '../../model/graph-index.js';
import { type EdgeAttributeReader } from '../../model/index-graphology.js';

export interface Csr {
  /** Number of nodes. */
  n: number;
  /** Number of edges. */
  m: number;
  /** Node keys by index. */
  nodeKeys: string[];
  /** Edge keys by CSR position. */
  edgeKeys: string[];
  /** n + 1 entries: the out-edges of v are offsets[v] .. offsets[v + 1] - 1. */
  offsets: Int32Array;
  /** Head (target node index) of each edge, by CSR position. */
  targets: Int32Array;
  /** Edge lengths by CSR position, or null for hop counts. */
  weights: Float64Array | null;
  /** True when every weight is a whole number (distances then compare exactly). */
  integerWeights: boolean;
  /** The graph index's edge id at each CSR position (CSRs built from a graph index: `csrOfIndex`). */
  edgeIds?: Int32Array;
}

/** The arrays the shortest-path kernels need (what a worker thread receives). */
export type CsrTopology = Omit<Csr, 'nodeKeys' | 'edgeKeys' | 'edgeIds'>;

/** Builds the CSR index; `weight` names the distance attribute (null/undefined: hops). */
export function buildCsr(graph: SupplyGraph, weight: string | null = null): Csr {
  const n = graph.order;
  const m = graph.size;
  const nodeKeys = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(nodeKeys[i] as string, i);

  const sources = new Int32Array(m);
  const heads = new Int32Array(m);
  const keysInOrder: string[] = new Array<string>(m);
  const offsets = new Int32Array(n + 1);
  let e = 0;
  graph.forEachEdge((key, _attributes, source, target) => {
    const s = index.get(source) as number;
    sources[e] = s;
    heads[e] = index.get(target) as number;
    keysInOrder[e] = key;
    offsets[s + 1] = (offsets[s + 1] as number) + 1;
    e++;
  });
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number);

  const fill = offsets.slice(0, n);
  const targets = new Int32Array(m);
  const edgeKeys: string[] = new Array<string>(m);
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const s = sources[i] as number;
    const pos = fill[s] as number;
    fill[s] = pos + 1;
    targets[pos] = heads[i] as number;
    edgeKeys[pos] = keysInOrder[i] as string;
    order[i] = pos;
  }

  const attributes: Record<string, unknown>[] = weight === null ? [] : graph.mapEdges((_key, a) => a as Record<string, unknown>);
  const { weights, integerWeights } = csrLengths(m, weight, (i) => keysInOrder[i] as string, (i) => (attributes[i] as Record<string, unknown>)[weight as string], (i) => order[i] as number);
  return { n, m, nodeKeys, edgeKeys, offsets, targets, weights, integerWeights };
}

/**
 * Edge lengths by CSR position from attribute `weight` (null: hop counts, no lengths),
 * checked as the header says. Edges are visited in insertion order i = 0..m-1 (so errors
 * are listed in that order): `key(i)` names edge i, `value(i)` is its attribute value and
 * `position(i)` its CSR position.
 */
export function csrLengths(m: number, weight: string | null, key: (i: number) => string, value: (i: number) => unknown, position: (i: number) => number): { weights: Float64Array | null; integerWeights: boolean } {
  if (weight === null || m === 0) return { weights: null, integerWeights: true };
  const lengths = new Float64Array(m);
  let integerWeights = true;
  const problems = new ProblemList();
  let missing = 0;
  for (let i = 0; i < m; i++) {
    const v = value(i);
    if (v === undefined) {
      missing++;
      problems.add(`edge "${key(i)}"`, `has no "${weight}" attribute (every edge needs a length when weight is "${weight}")`);
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.add(`edge "${key(i)}"`, `"${weight}" must be a finite number to be used as a length (got ${typeof v === 'number' ? String(v) : describeValue(v)})`);
    } else if (v <= 0) {
      problems.add(`edge "${key(i)}"`, `"${weight}" must be > 0 to be used as a length (got ${v})`);
    } else {
      lengths[position(i)] = v;
      if (!Number.isInteger(v)) integerWeights = false;
    }
  }
  if (missing === m) throw new UsageError(`weight "${weight}": no edge has this attribute (misspelt?)`);
  problems.throwIfAny(`weight "${weight}"`);
  return { weights: lengths, integerWeights };
}

/**
 * The CSR of a graph index (model/graph-index.ts) under an overlay (default: every
 * node and edge), for hop-count betweenness without a graphology graph. Node ids are the
 * index's; edges keep the index's out-order, so on the same graph the result equals
 * `buildCsr` (graphology's order is the index's). Nodes switched off keep their id and
 * have no edges.
 */
export function csrOfIndex(index: GraphIndex, overlay: IndexOverlay = {}): Csr {
  const { offsets, targets, edgeIds } = outCsr(index, overlay);
  // Edge keys by CSR position are built on first use: node-only jobs on graphs of
  // millions of edges never read them.
  let edgeKeys: string[] | null = null;
  return {
    n: index.n,
    m: targets.length,
    nodeKeys: index.nodes,
    get edgeKeys(): string[] {
      edgeKeys ??= Array.from(edgeIds, (e) => index.edges[e] as string);
      return edgeKeys;
    },
    offsets,
    targets,
    weights: null,
    integerWeights: true,
    edgeIds,
  };
}

/**
 * `buildCsr(graph, weight)` on a graph index: `csrOfIndex` of every node and edge, with
 * lengths from attribute `weight` read through `read` (edgeAttributeReader; the index
 * carries no length attribute), checked as `buildCsr` checks them.
 */
export function weightedCsrOfIndex(index: GraphIndex, weight: string | null, read?: EdgeAttributeReader): Csr {
  const csr = csrOfIndex(index);
  if (weight === null || index.m === 0) return csr;
  if (read === undefined) throw new UsageError(`weight "${weight}" is not in the graph index; pass an edge attribute reader`);
  const { edgeIds } = outCsr(index);
  const position = new Int32Array(index.m);
  edgeIds.forEach((e, pos) => (position[e] = pos));
  const { weights, integerWeights } = csrLengths(index.m, weight, (e) => index.edges[e] as string, (e) => read(e, weight), (e) => position[e] as number);
  return { ...csr, weights, integerWeights };
}
