/**
 * A compact, index-based copy of a supply graph for numeric algorithms: nodes and edges
 * are numbered 0..n-1 and 0..m-1 in graphology's iteration order, and endpoints and
 * numbers sit in typed arrays. Built once per analysis; the graph itself is not changed.
 */
import { edgeCapacity, type SupplyGraph } from './graph.js';
import { NO_COUNTRY } from './supply-chain.js';

export interface CompactGraph {
  /** Node keys by index. */
  nodes: string[];
  /** Node key -> index. */
  index: Map<string, number>;
  /** Country code of each node (NO_COUNTRY, "", when it has none: a generic graph). */
  country: string[];
  /** The node's `capacity`, or Infinity when it has none. */
  nodeCapacity: Float64Array;
  /** Edge keys by index. */
  edges: string[];
  /** Index of each edge's source node. */
  edgeSource: Int32Array;
  /** Index of each edge's target node. */
  edgeTarget: Int32Array;
  /** `capacity ?? flow` of each edge (see `edgeCapacity`). */
  edgeCapacity: Float64Array;
  /** Observed `flow` of each edge (NaN when it has none: a generic graph). */
  edgeFlow: Float64Array;
  /** Number of in-edges and out-edges of each node. */
  inDegree: Int32Array;
  outDegree: Int32Array;
}

export function compactGraph(graph: SupplyGraph): CompactGraph {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node, i));
  const country: string[] = [];
  const nodeCapacity = new Float64Array(nodes.length);
  const inDegree = new Int32Array(nodes.length);
  const outDegree = new Int32Array(nodes.length);
  nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    country.push(attributes.country ?? NO_COUNTRY);
    nodeCapacity[i] = attributes.capacity ?? Infinity;
  });

  const m = graph.size;
  const edges: string[] = [];
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const capacities = new Float64Array(m);
  const flows = new Float64Array(m);
  graph.forEachEdge((edge, attributes, source, target) => {
    const e = edges.length;
    const s = index.get(source) ?? -1;
    const t = index.get(target) ?? -1;
    edges.push(edge);
    edgeSource[e] = s;
    edgeTarget[e] = t;
    capacities[e] = edgeCapacity(attributes);
    flows[e] = attributes.flow ?? NaN;
    outDegree[s] = (outDegree[s] ?? 0) + 1;
    inDegree[t] = (inDegree[t] ?? 0) + 1;
  });
  return { nodes, index, country, nodeCapacity, edges, edgeSource, edgeTarget, edgeCapacity: capacities, edgeFlow: flows, inDegree, outDegree };
}
