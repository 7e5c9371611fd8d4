/**
 * Undirected betweenness (networkx's conventions for a `Graph`) on a directed graph: the
 * graph is read as undirected by taking its symmetric closure, and results are folded back.
 *
 * - Closure: every edge u -> v gives the two arcs u -> v and v -> u; antiparallel edges
 *   u -> v and v -> u are one undirected edge {u, v} (the multigraph rule: collapsed), whose
 *   length, with `weight`, is the shorter of the two.
 * - Node values: Brandes' sum over ordered pairs on the closure, scaled as networkx scales
 *   undirected graphs (betweenness.ts `scaleBetweenness` with `undirected`: unnormalised
 *   values halved, each unordered pair counted once; normalised values as directed, which
 *   equals networkx's 2 / ((n - 1)(n - 2)) on unordered pairs).
 * - Edge values: the undirected edge {u, v} gets the sum of its two arcs (networkx
 *   accumulates both directions of travel into one edge), scaled likewise; every original
 *   edge joining u and v reports that value.
 */
import { createSupplyGraph, type SupplyGraph } from '../../model/graph.js';
import type { GraphIndex } from '../../model/graph-index.js';
import { GraphIndexBuilder } from '../../model/index-builder.js';
import { type EdgeAttributeReader } from '../../model/index-graphology.js';

export interface Closure {
  /** The symmetric closure, arc keys `JSON.stringify([u, v])`. */
  graph: SupplyGraph;
  /** Original edge key -> its two arc keys in the closure. */
  arcs: Map<string, [string, string]>;
}

const arcKey = (u: string, v: string): string => JSON.stringify([u, v]);

/** The symmetric closure of `graph`; `weight` (a length attribute) is carried over, the shorter of antiparallel edges. */
export function symmetricClosure(graph: SupplyGraph, weight: string | null): Closure {
  const closure = createSupplyGraph();
  graph.forEachNode((node, attributes) => closure.addNode(node, { stage: attributes.stage, country: attributes.country, status: 'operating' }));
  const arcs = new Map<string, [string, string]>();
  const lengthOf = (attributes: Record<string, unknown>): unknown => (weight === null ? undefined : attributes[weight]);
  graph.forEachEdge((key, attributes, u, v) => {
    const length = lengthOf(attributes as Record<string, unknown>);
    for (const [a, b] of [[u, v], [v, u]] as const) {
      const k = arcKey(a, b);
      if (!closure.hasEdge(k)) {
        closure.addDirectedEdgeWithKey(k, a, b, weight === null ? { flow: 0 } : { flow: 0, [weight]: length });
      } else if (weight !== null) {
        const previous = closure.getEdgeAttribute(k, weight) as unknown;
        if (typeof length === 'number' && (typeof previous !== 'number' || length < previous)) closure.setEdgeAttribute(k, weight, length);
      }
    }
    arcs.set(key, [arcKey(u, v), arcKey(v, u)]);
  });
  return { graph: closure, arcs };
}

/**
 * `symmetricClosure` of a graph index: the closure as an index (same nodes and ids, the
 * arcs in the order and with the keys `symmetricClosure` gives them), the length of each
 * arc (the attribute value `symmetricClosure` would carry, read through `read`; empty
 * without `weight`) and the arcs of each original edge.
 */
export function symmetricClosureOfIndex(index: GraphIndex, weight: string | null, read?: EdgeAttributeReader): { index: GraphIndex; lengths: unknown[]; arcs: Map<string, [string, string]> } {
  const builder = new GraphIndexBuilder();
  for (const node of index.nodes) builder.addNode(node, {});
  const lengths: unknown[] = [];
  const arcOf = new Map<number, number>();
  const arcs = new Map<string, [string, string]>();
  for (let e = 0; e < index.m; e++) {
    const u = index.edgeSource[e] as number;
    const v = index.edgeTarget[e] as number;
    const length = weight === null || read === undefined ? undefined : read(e, weight);
    for (const [a, b] of [[u, v], [v, u]] as const) {
      const pair = a * index.n + b;
      const arc = arcOf.get(pair);
      if (arc === undefined) {
        arcOf.set(pair, lengths.length);
        lengths.push(length);
        builder.addEdgeOf(arcKey(index.nodes[a] as string, index.nodes[b] as string), a, b, {});
      } else if (weight !== null) {
        const previous = lengths[arc];
        if (typeof length === 'number' && (typeof previous !== 'number' || length < previous)) lengths[arc] = length;
      }
    }
    const uk = index.nodes[u] as string;
    const vk = index.nodes[v] as string;
    arcs.set(index.edges[e] as string, [arcKey(uk, vk), arcKey(vk, uk)]);
  }
  return { index: builder.build(), lengths: weight === null ? [] : lengths, arcs };
}

/** Folds closure edge values back onto the original edges (sum of the two arcs). */
export function foldEdges(closure: Pick<Closure, 'arcs'>, edges: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, [a, b]] of closure.arcs) out[key] = (edges[a] ?? 0) + (edges[b] ?? 0);
  return out;
}
