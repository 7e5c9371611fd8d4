/**
 * Where a graph loader (graph-loader.ts) puts the elements it accepts: a graphology graph
 * (`graphSink`, the editable model) or a GraphIndex built directly (`indexSink`, no
 * attribute objects kept, for graphs of millions of elements). The loader validates;
 * a sink only stores and answers the duplicate checks. Pure: no I/O.
 */
import { createSupplyGraph, type SupplyGraph } from './graph.js';
import type { GraphIndex } from './graph-index.js';
import { GraphIndexBuilder, type BuilderHints } from './index-builder.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './schema.js';

export interface ParseResult {
  graph: SupplyGraph;
  /** Things that are allowed but probably unintended, such as unknown attribute names. */
  warnings: string[];
}

/** Where a loader puts what it accepts: a graphology graph, or a GraphIndex directly. */
export interface LoaderSink<R> {
  /** False when the sink keeps only what the index needs (attributes are not copied). */
  readonly keepsAttributes: boolean;
  readonly order: number;
  setAttributes(attributes: GraphAttributes): void;
  hasNode(key: string): boolean;
  /** A number for an accepted node (its id in the index), -1 when there is none. */
  nodeRef(key: string): number;
  addNode(key: string, attributes: NodeAttributes): void;
  /** Whether an edge joins two accepted nodes already (refs from nodeRef). */
  hasPair(source: string, target: string, sourceRef: number, targetRef: number): boolean;
  /** Whether an accepted edge has this key; `source`/`target` are this edge's ends (the key may be their default key). */
  hasEdgeKey(key: string, source: string, target: string, isDefault: boolean): boolean;
  addEdge(key: string, source: string, target: string, attributes: EdgeAttributes, isDefault: boolean, sourceRef: number, targetRef: number): void;
  result(warnings: string[]): R;
}

export function graphSink(): LoaderSink<ParseResult> {
  const graph = createSupplyGraph();
  return {
    keepsAttributes: true,
    get order() {
      return graph.order;
    },
    setAttributes: (attributes) => graph.replaceAttributes(attributes),
    hasNode: (key) => graph.hasNode(key),
    nodeRef: (key) => (graph.hasNode(key) ? 0 : -1),
    addNode: (key, attributes) => graph.addNode(key, attributes),
    hasPair: (source, target) => graph.hasDirectedEdge(source, target),
    hasEdgeKey: (key) => graph.hasEdge(key),
    addEdge: (key, source, target, attributes) => graph.addDirectedEdgeWithKey(key, source, target, attributes),
    result: (warnings) => ({ graph, warnings }),
  };
}

/** What `createIndexLoader` gives: the index and the graph attributes, no graphology graph. */
export interface IndexParseResult {
  index: GraphIndex;
  attributes: GraphAttributes;
  warnings: string[];
}

/**
 * Edge keys without a Set of millions of strings: default keys (`source->target`) are
 * unique when pairs are, so only custom keys are kept, with the pairs of their edges. A
 * custom key clashes with a custom key in the set, or with the default key of an edge
 * whose pair it spells (`a->b` for every way of cutting it at a `->`) and that is not
 * custom-keyed; a default key clashes with a custom key in the set.
 *
 * Node keys are looked up in the builder's KeyTable (key-table.ts; `nodeId`), the one
 * table of node keys: an edge looks up both ends. `hints`: the expected numbers of nodes
 * and edges, if known (GraphIndexBuilder; the index is the same without them).
 */
export function indexSink(hints: BuilderHints = {}): LoaderSink<IndexParseResult> {
  const builder = new GraphIndexBuilder({}, hints);
  let graphAttributes: GraphAttributes = {};
  const customKeys = new Set<string>();
  const customPairs = new Set<string>();
  const spellsDefaultKey = (key: string): boolean => {
    for (let at = key.indexOf('->'); at !== -1; at = key.indexOf('->', at + 1)) {
      const source = key.slice(0, at);
      const target = key.slice(at + 2);
      const s = builder.nodeId(source);
      const t = builder.nodeId(target);
      if (s !== -1 && t !== -1 && source !== target && builder.hasPairOf(s, t) && !customPairs.has(`${source.length}:${source}${target}`)) return true;
    }
    return false;
  };
  return {
    keepsAttributes: false,
    get order() {
      return builder.order;
    },
    setAttributes: (attributes) => {
      graphAttributes = attributes;
      builder.setAttributes(attributes); // before any node (the loader's order)
    },
    hasNode: (key) => builder.hasNode(key),
    nodeRef: (key) => builder.nodeId(key),
    addNode: (key, attributes) => builder.addNode(key, attributes),
    hasPair: (_source, _target, s, t) => builder.hasPairOf(s, t),
    hasEdgeKey: (key, _source, _target, isDefault) => (customKeys.size > 0 && customKeys.has(key)) || (!isDefault && spellsDefaultKey(key)),
    addEdge: (key, source, target, attributes, isDefault, s, t) => {
      if (!isDefault) {
        customKeys.add(key);
        customPairs.add(`${source.length}:${source}${target}`);
      }
      // A default key is not stored: the index spells it from its node keys when read.
      if (isDefault) builder.addDefaultEdgeOf(s, t, attributes);
      else builder.addEdgeOf(key, s, t, attributes);
    },
    result: (warnings) => ({ index: builder.build(), attributes: graphAttributes, warnings }),
  };
}
