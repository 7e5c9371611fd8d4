/**
 * Where the graph index meets the graphology graph it was built from: the edge order
 * graphology walks (so float sums over a node's edges equal, bit for bit, those computed
 * on the graph) and a reader of the edge attributes the index does not carry.
 */
import type { SupplyGraph } from './graph.js';
import type { GraphIndex } from './graph-index.js';

/** True when `key` is an array index ("0", "17"; below 2^32 - 1): JavaScript objects list such keys first, ascending. */
const isArrayIndex = (key: string): boolean => /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4_294_967_295;

/**
 * The out- and in-edge lists of the index (CSR, same offsets) in the order graphology
 * walks a node's edges (`forEachOutEdge`, `outNeighbors`, ...): graphology keeps a node's
 * neighbours in a plain object keyed by neighbour key, so neighbours whose key is an
 * array index come first in ascending number, the others in insertion order. Metrics
 * that sum floats over a node's edges use this order so that their values equal, bit for
 * bit, those computed on the graphology graph. When no key is an array index the order is
 * the insertion order and the index's own arrays are returned.
 */
export function graphologyEdgeOrder(index: GraphIndex): { outEdges: Int32Array; inEdges: Int32Array } {
  const numeric = index.nodes.map(isArrayIndex);
  if (!numeric.some(Boolean)) return { outEdges: index.outEdges, inEdges: index.inEdges };
  const reorder = (offsets: Int32Array, edges: Int32Array, far: Int32Array): Int32Array => {
    const out = edges.slice();
    for (let v = 0; v < index.n; v++) {
      const start = offsets[v] as number;
      const list = Array.from(edges.subarray(start, offsets[v + 1] as number));
      const first = list.filter((e) => numeric[far[e] as number]).sort((a, b) => Number(index.nodes[far[a] as number]) - Number(index.nodes[far[b] as number]));
      const rest = list.filter((e) => !numeric[far[e] as number]);
      out.set([...first, ...rest], start);
    }
    return out;
  };
  return { outEdges: reorder(index.outOffsets, index.outEdges, index.edgeTarget), inEdges: reorder(index.inOffsets, index.inEdges, index.edgeSource) };
}

/**
 * Reads edge attributes the index does not carry (a `--weight` or `--capacity`
 * attribute named by the user) from the graphology graph the index was built from:
 * `read(e, name)` is the value of attribute `name` on the index's edge `e`.
 */
export type EdgeAttributeReader = (e: number, name: string) => unknown;

/** The reader of `graph`'s edge attributes for the edges of `index` (built from it, or from part of it). */
export function edgeAttributeReader(graph: SupplyGraph, index: GraphIndex): EdgeAttributeReader {
  return (e, name) => (graph.getEdgeAttributes(index.edges[e] as string) as Record<string, unknown>)[name];
}
