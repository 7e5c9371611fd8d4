/**
 * The graph index: one compact, immutable, numbered copy of a supply graph in typed
 * arrays, built once per loaded graph, for every computation. graphology stays the
 * editable model and the I/O format; metrics, scenario bounds and the LP builder read
 * this. A scenario is an overlay on it (`IndexOverlay`: switched-off nodes and edges,
 * capacity overrides), never a copied graph.
 *
 * Numbering: nodes 0..n-1 and edges 0..m-1 in graphology's iteration order (the file's
 * order), the same as `compactGraph` (compact.ts), whose fields this index carries under
 * the same names, so code written against CompactGraph accepts a GraphIndex.
 * - CSR out: the out-edges of node v are outEdges[outOffsets[v] .. outOffsets[v+1]-1]
 *   (edge ids, in insertion order); CSR in likewise with inOffsets/inEdges.
 * - Categories as ids into string tables: nodeStage -> stages (the graph's stage list,
 *   upstream first), nodeCountry -> countries (first-seen order), nodeStatus ->
 *   NODE_STATUSES, edgeMaterial -> materials (-1: no material; -1 too for a node without
 *   stage or country, a generic graph: supply-chain.ts).
 * - Node labels (`nodeLabel`: the `label` attribute or null), so reports name nodes
 *   without the graphology graph.
 * - Numbers: edgeFlow (`flow`, NaN when absent), edgeCapacity (`capacity ?? flow ?? 1`), nodeCapacity
 *   (`capacity`, Infinity when absent).
 * Memory: O(n + m): 4 Int32 + 2 Float64 per edge, 2 Int32 per edge for the CSRs, and the
 * key strings; while building, the builder's KeyTable and PairSet (8 bytes a slot, 2-4 slots
 * a node or edge). A built index's typed arrays may be views into larger buffers (up to
 * twice their length after doubling, or a too-large size hint's room). Pure.
 */
import type { SupplyGraph } from './graph.js';
import { finishIndex, GraphIndexBuilder } from './index-builder.js';
import { NODE_STATUSES, type NodeStatus } from './schema.js';

export interface GraphIndex {
  /** Number of nodes and edges. */
  n: number;
  m: number;
  /** Node keys by id, and key -> id. */
  nodes: string[];
  index: Map<string, number>;
  /** The node's `label` attribute by id, null when it has none (its display label is then its key: `nodeLabel`, graph.ts). */
  nodeLabel: (string | null)[];
  /** Edge keys by id. */
  edges: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeFlow: Float64Array;
  /** `capacity ?? flow` (see `edgeCapacity` in graph.ts). */
  edgeCapacity: Float64Array;
  /** Id into `materials`, or -1. */
  edgeMaterial: Int32Array;
  materials: string[];
  /** `capacity`, or Infinity when the node has none. */
  nodeCapacity: Float64Array;
  nodeStage: Int32Array;
  stages: readonly string[];
  nodeCountry: Int32Array;
  countries: string[];
  /** Country code of each node (compact.ts's field; countries[nodeCountry[v]]). */
  country: string[];
  /** Index into NODE_STATUSES. */
  nodeStatus: Uint8Array;
  outOffsets: Int32Array;
  outEdges: Int32Array;
  inOffsets: Int32Array;
  inEdges: Int32Array;
  inDegree: Int32Array;
  outDegree: Int32Array;
}

/** Status id of `operating` (the only status that takes part in baseline analyses). */
export const OPERATING = NODE_STATUSES.indexOf('operating');

/** The index of a graphology supply graph (every node, whatever its status). */
export function indexGraph(graph: SupplyGraph): GraphIndex {
  const builder = new GraphIndexBuilder(graph.getAttributes(), { nodes: graph.order, edges: graph.size });
  graph.forEachNode((key, attributes) => builder.addNode(key, attributes));
  graph.forEachEdge((key, attributes, source, target) => builder.addEdge(key, source, target, attributes));
  return builder.build();
}

/**
 * A scenario as an overlay on an index: nodes and edges switched off, and capacities
 * replaced. Arrays are indexed by node or edge id; an absent field changes nothing.
 */
export interface IndexOverlay {
  /** 1 = the node is out (its edges carry nothing). */
  nodeOff?: Uint8Array;
  /** 1 = the edge is out. */
  edgeOff?: Uint8Array;
  /** Node capacity overrides (id -> capacity; Infinity lifts a limit). */
  nodeCapacity?: ReadonlyMap<number, number>;
  /** Edge capacity overrides (id -> capacity). */
  edgeCapacity?: ReadonlyMap<number, number>;
}

/** The overlay that takes out every node that is not operating (the baseline analyses' view). */
export function operatingOverlay(index: GraphIndex): IndexOverlay {
  const nodeOff = new Uint8Array(index.n);
  for (let v = 0; v < index.n; v++) nodeOff[v] = index.nodeStatus[v] === OPERATING ? 0 : 1;
  return { nodeOff };
}

/** The status of node `v` by name. */
export const statusOf = (index: GraphIndex, v: number): NodeStatus => NODE_STATUSES[index.nodeStatus[v] as number] as NodeStatus;

/**
 * Effective capacities under an overlay: an edge is 0 when it or either end is out,
 * else its override or its capacity; a node is 0 when out, else its override or its
 * capacity. The index is not changed.
 */
export function overlaidCapacities(index: Pick<GraphIndex, 'n' | 'm' | 'nodeCapacity' | 'edgeCapacity' | 'edgeSource' | 'edgeTarget'>, overlay: IndexOverlay): { node: Float64Array; edge: Float64Array } {
  const node = index.nodeCapacity.slice();
  const edge = index.edgeCapacity.slice();
  for (const [v, c] of overlay.nodeCapacity ?? []) node[v] = c;
  for (const [e, c] of overlay.edgeCapacity ?? []) edge[e] = c;
  const nodeOff = overlay.nodeOff;
  const edgeOff = overlay.edgeOff;
  if (nodeOff) for (let v = 0; v < index.n; v++) if (nodeOff[v] === 1) node[v] = 0;
  for (let e = 0; e < index.m; e++) {
    if (edgeOff?.[e] === 1 || (nodeOff && (nodeOff[index.edgeSource[e] as number] === 1 || nodeOff[index.edgeTarget[e] as number] === 1))) edge[e] = 0;
  }
  return { node, edge };
}

/**
 * The out-adjacency as a CSR over the nodes an overlay keeps (switched-off nodes and
 * edges removed, ids kept): `offsets`/`targets` as the shortest-path kernels of
 * metrics/centrality read them, and `edgeIds` the edge id at each position. Nodes that
 * are out keep their id and have no edges, so they lie on no path; drop them from the
 * node count yourself where a normalisation depends on it.
 */
export function outCsr(index: GraphIndex, overlay: IndexOverlay = {}): { offsets: Int32Array; targets: Int32Array; edgeIds: Int32Array } {
  const { n, outOffsets, outEdges, edgeTarget } = index;
  const nodeOff = overlay.nodeOff;
  const edgeOff = overlay.edgeOff;
  const keep = (v: number, e: number): boolean => !(nodeOff && (nodeOff[v] === 1 || nodeOff[edgeTarget[e] as number] === 1)) && edgeOff?.[e] !== 1;
  const offsets = new Int32Array(n + 1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    for (let p = outOffsets[v] as number; p < (outOffsets[v + 1] as number); p++) if (keep(v, outEdges[p] as number)) count++;
    offsets[v + 1] = count;
  }
  const targets = new Int32Array(count);
  const edgeIds = new Int32Array(count);
  let pos = 0;
  for (let v = 0; v < n; v++) {
    for (let p = outOffsets[v] as number; p < (outOffsets[v + 1] as number); p++) {
      const e = outEdges[p] as number;
      if (!keep(v, e)) continue;
      targets[pos] = edgeTarget[e] as number;
      edgeIds[pos++] = e;
    }
  }
  return { offsets, targets, edgeIds };
}

/**
 * The index restricted to what an overlay keeps: nodes not switched off, edges not
 * switched off whose ends are both kept, renumbered 0..n'-1 and 0..m'-1 in the index's
 * order, with the overlay's capacity overrides applied. This is `activeSubgraph`
 * (graph.ts) on typed arrays: with `operatingOverlay` it gives the same nodes and edges
 * in the same order as `indexGraph(activeSubgraph(graph))`, so every metric computed on
 * it equals the one computed on the copied graphology graph. String tables (stages,
 * countries, materials) are shared with the index. When the overlay changes nothing the
 * index itself is returned (no copy). O(n + m).
 */
export function keptIndex(index: GraphIndex, overlay: IndexOverlay): GraphIndex {
  const { nodeOff, edgeOff } = overlay;
  const nodeKept = (v: number): boolean => nodeOff?.[v] !== 1;
  const edgeKept = (e: number): boolean => edgeOff?.[e] !== 1 && nodeKept(index.edgeSource[e] as number) && nodeKept(index.edgeTarget[e] as number);
  let allNodes = true;
  for (let v = 0; v < index.n && allNodes; v++) allNodes = nodeKept(v);
  let allEdges = allNodes;
  for (let e = 0; e < index.m && allEdges; e++) allEdges = edgeKept(e);
  const overrides = (overlay.nodeCapacity?.size ?? 0) + (overlay.edgeCapacity?.size ?? 0) > 0;
  if (allNodes && allEdges && !overrides) return index;

  const newId = new Int32Array(index.n).fill(-1);
  const nodes: string[] = [];
  const nodeLabel: (string | null)[] = [];
  const ids = new Map<string, number>();
  for (let v = 0; v < index.n; v++) {
    if (!nodeKept(v)) continue;
    newId[v] = nodes.length;
    ids.set(index.nodes[v] as string, nodes.length);
    nodes.push(index.nodes[v] as string);
    nodeLabel.push(index.nodeLabel[v] ?? null);
  }
  const pickNodes = <T extends Int32Array | Float64Array | Uint8Array>(values: T): T => {
    const out = values.slice(0, nodes.length) as T;
    for (let v = 0; v < index.n; v++) if (newId[v] !== -1) out[newId[v] as number] = values[v] as number;
    return out;
  };
  const keptEdges: number[] = [];
  for (let e = 0; e < index.m; e++) if (edgeKept(e)) keptEdges.push(e);
  const pickEdges = <T extends Int32Array | Float64Array>(values: T, map: (x: number) => number = (x) => x): T => {
    const out = values.slice(0, keptEdges.length) as T;
    keptEdges.forEach((e, i) => (out[i] = map(values[e] as number)));
    return out;
  };
  const nodeCapacity = pickNodes(index.nodeCapacity);
  for (const [v, c] of overlay.nodeCapacity ?? []) if (newId[v] !== -1) nodeCapacity[newId[v] as number] = c;
  const edgeCapacity = pickEdges(index.edgeCapacity);
  if (overlay.edgeCapacity?.size) {
    const position = new Map(keptEdges.map((e, i) => [e, i]));
    for (const [e, c] of overlay.edgeCapacity) {
      const i = position.get(e);
      if (i !== undefined) edgeCapacity[i] = c;
    }
  }
  return finishIndex({
    nodes,
    index: ids,
    nodeLabel,
    edges: keptEdges.map((e) => index.edges[e] as string),
    edgeSource: pickEdges(index.edgeSource, (v) => newId[v] as number),
    edgeTarget: pickEdges(index.edgeTarget, (v) => newId[v] as number),
    edgeFlow: pickEdges(index.edgeFlow),
    edgeCapacity,
    edgeMaterial: pickEdges(index.edgeMaterial),
    materials: index.materials,
    nodeCapacity,
    nodeStage: pickNodes(index.nodeStage),
    stages: index.stages,
    nodeCountry: pickNodes(index.nodeCountry),
    countries: index.countries,
    nodeStatus: pickNodes(index.nodeStatus),
  });
}

/** The operating part of an index (`keptIndex` under `operatingOverlay`): what the baseline metrics read. */
export const operatingIndex = (index: GraphIndex): GraphIndex => keptIndex(index, operatingOverlay(index));
