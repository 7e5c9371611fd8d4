/**
 * The in-memory supply graph: a graphology directed simple graph whose node, edge and
 * graph attributes follow `schema.ts`.
 */
import { DirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './schema.js';

export type SupplyGraph = DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** A new empty supply graph: directed, no parallel edges, no self-loops. */
export function createSupplyGraph(): SupplyGraph {
  return new DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
}

/** A node takes part in the supply chain now when its status is `operating`. */
export function isActive(attributes: NodeAttributes): boolean {
  return attributes.status === 'operating';
}

/**
 * The graph restricted to operating nodes (planned, construction and prospective nodes
 * and their edges removed). The input is not changed; when every node is operating the
 * input itself is returned (no copy), so treat the result as read-only.
 */
export function activeSubgraph(graph: SupplyGraph): SupplyGraph {
  if (graph.everyNode((_node, attributes) => isActive(attributes))) return graph;
  const out = createSupplyGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attributes) => {
    if (isActive(attributes)) out.addNode(node, { ...attributes });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (out.hasNode(source) && out.hasNode(target)) out.addEdgeWithKey(edge, source, target, { ...attributes });
  });
  return out;
}

/**
 * The capacity an analysis uses for an edge: `capacity` when given, else `flow`, else 1
 * (a generic graph with neither: unit capacities, so a maximum flow counts edge-disjoint
 * paths; `--capacity ATTR` reads another attribute with networkx's rules instead).
 */
export function edgeCapacity(attributes: EdgeAttributes): number {
  return attributes.capacity ?? (attributes as { flow?: number }).flow ?? 1;
}

/** Display label of a node: its `label`, else its key. */
export function nodeLabel(node: string, attributes: NodeAttributes): string {
  return attributes.label ?? node;
}
