/**
 * Incremental graph validation: a graph file's parts are handed over one at a time, in
 * the order `options`, `attributes`, every node, every edge, then `finish()`, and each
 * element is validated as it arrives and added to the graph under construction. This is
 * what `parseGraph` (a whole parsed document) and the streaming readers (src/io/
 * stream-graph.ts: graph JSON of any size, NDJSON) share, so a file gives the same
 * graph, warnings and problems whichever way it is read.
 *
 * Each element takes the fast path first (fast-validate.ts: allocation-free checks and
 * one copy in zod's shape); only an element that fails it is parsed with the zod schema,
 * whose issues name the problem. Problems are collected (up to `maxProblems`, the rest
 * counted) and thrown together by `finish()` as one InputError naming the file.
 *
 * Parts: the graph's attributes and the stage vocabulary are checked by
 * graph-vocabulary.ts, messages worded by load-messages.ts, and accepted elements stored
 * by a sink (loader-sinks.ts: a graphology graph or a GraphIndex); this file holds the
 * protocol and the per-element checks.
 *
 * Memory: the loader keeps the graph being built, the keys of elements that were refused
 * (so later references to them are not reported twice) and nothing of the input.
 * Pure: no I/O.
 */
import { isCountryCode } from './countries.js';
import { createRecipeCheck } from './check-recipes.js';
import { EDGE_RANGES, NODE_RANGES, rangeProblems } from './ranges.js';
import { ProblemList } from './errors.js';
import { isReservedKey, reservedMessage } from './reserved-names.js';
import { copyEdgeAttributes, copyNodeAttributes, isValidEdgeAttributes, isValidNodeAttributes, isValidSerializedEdge, isValidSerializedNode } from './fast-validate.js';
import { addIssues, capWarnings, check, checkReservedNames, isPlainObject, MAX_WARNINGS } from './load-messages.js';
import type { BuilderHints } from './index-builder.js';
import { graphSink, indexSink, type IndexParseResult, type LoaderSink, type ParseResult } from './loader-sinks.js';
import { checkGraphAttributes, checkVocabulary, vocabularyOf, type Vocabulary } from './graph-vocabulary.js';
import { EdgeAttributesSchema, NodeAttributesSchema, SerializedEdgeSchema, SerializedGraphSchema, SerializedNodeSchema, type EdgeAttributes, type NodeAttributes } from './schema.js';

export type { IndexParseResult, ParseResult } from './loader-sinks.js';

export interface ParseOptions {
  /** Most problems listed before the rest are only counted. */
  maxProblems?: number;
  /** Most warnings listed; the rest are summarised in one last warning (default 20). */
  maxWarnings?: number;
}

/** Receives a graph file's parts in order; see the module comment. */
export interface GraphLoader<R = ParseResult> {
  /** The top-level `options` value (call at most once, before any node). */
  options(raw: unknown): void;
  /** The top-level `attributes` value (call at most once, before any node; absent: `{}`). */
  attributes(raw: unknown): void;
  /** One element of `nodes`, in file order. */
  node(raw: unknown): void;
  /** One element of `edges`, in file order, after every node. */
  edge(raw: unknown): void;
  /** A problem the reader found (syntax, layout), reported with the others. */
  problem(element: string, message: string): void;
  /** Throws InputError naming the file when any problem was found; else the graph. */
  finish(): R;
}

/** A loader for the graph file `file` (the name errors give) that builds a graphology graph. */
export function createGraphLoader(file: string, options: ParseOptions = {}): GraphLoader<ParseResult> {
  return createLoader(file, options, graphSink());
}

/**
 * A loader that builds the GraphIndex directly, keeping no attribute objects: the same
 * validation and messages, a fraction of the memory (for graphs of millions of elements).
 * `hints`: expected numbers of nodes and edges (estimates; the index is the same without).
 */
export function createIndexLoader(file: string, options: ParseOptions = {}, hints: BuilderHints = {}): GraphLoader<IndexParseResult> {
  return createLoader(file, options, indexSink(hints));
}

function createLoader<R>(file: string, options: ParseOptions, sink: LoaderSink<R>): GraphLoader<R> {
  const problems = new ProblemList(options.maxProblems ?? 50);
  const recipes = createRecipeCheck();
  const addNode = (key: string, attributes: NodeAttributes): void => {
    if (attributes.stock !== undefined && attributes.stockMonths !== undefined) problems.add(`node "${key}"`, 'give at most one of "stock" (tonnes) and "stockMonths" (months of in-flow)');
    recipes.node(key, attributes);
    sink.addNode(key, attributes);
  };
  let header = false;
  let vocabulary: Vocabulary = vocabularyOf({});
  /** Nodes whose attributes were refused: they exist for the edges' endpoint checks. */
  const refusedNodes = new Set<string>();
  /** (source, target) pairs and keys of edges that were refused, for the duplicate checks. */
  const refusedPairs = new Set<string>();
  const refusedKeys = new Set<string>();
  const unknownNode = new Map<string, number>();
  const unknownEdge = new Map<string, number>();
  let nodeIndex = 0;
  let edgeIndex = 0;
  const countUnknownNode = (name: string) => unknownNode.set(name, (unknownNode.get(name) ?? 0) + 1);
  const countUnknownEdge = (name: string) => unknownEdge.set(name, (unknownEdge.get(name) ?? 0) + 1);

  function setAttributes(raw: unknown): void {
    header = true;
    const checked = checkGraphAttributes(problems, raw);
    sink.setAttributes(checked.attributes);
    vocabulary = checked.vocabulary;
  }

  const hasNode = (key: string): boolean => sink.hasNode(key) || refusedNodes.has(key);

  function node(raw: unknown): void {
    if (!header) setAttributes({});
    const index = nodeIndex++;
    let key: string;
    let rawAttributes: unknown;
    if (isValidSerializedNode(raw)) {
      key = String(raw.key);
      rawAttributes = raw.attributes ?? {};
    } else {
      const parsed = check(SerializedNodeSchema, raw);
      if (!parsed.success) {
        addIssues(problems, `node #${index}`, parsed.error);
        return;
      }
      key = parsed.data.key;
      rawAttributes = parsed.data.attributes ?? {};
    }
    const element = (): string => `node "${key}"`;
    if (hasNode(key)) {
      problems.add(element(), 'duplicate node key');
      return;
    }
    if (isReservedKey(key)) problems.add(element(), reservedMessage('key', key));
    if (isValidNodeAttributes(rawAttributes)) {
      const { stage, country } = rawAttributes as { stage?: string; country?: string };
      if ((stage !== undefined && !vocabulary.stageSet.has(stage)) || (country !== undefined && !isCountryCode(country))) checkVocabulary(problems, vocabulary, element(), rawAttributes);
      if (mayHaveRange(rawAttributes)) for (const message of rangeProblems(rawAttributes, NODE_RANGES)) problems.add(element(), message);
      if (isReservedKey(key)) refusedNodes.add(key);
      else if (sink.keepsAttributes) addNode(key, copyNodeAttributes(rawAttributes, countUnknownNode));
      else {
        for (const name in rawAttributes) if (!NODE_KNOWN.has(name)) countUnknownNode(name);
        addNode(key, rawAttributes as NodeAttributes);
      }
      return;
    }
    checkReservedNames(problems, element(), rawAttributes, 'attribute');
    const attributes = check(NodeAttributesSchema, rawAttributes);
    if (!attributes.success) addIssues(problems, element(), attributes.error);
    checkVocabulary(problems, vocabulary, element(), rawAttributes);
    if (!attributes.success || isReservedKey(key)) {
      refusedNodes.add(key);
      return;
    }
    for (const message of rangeProblems(attributes.data, NODE_RANGES)) problems.add(element(), message);
    for (const name of Object.keys(attributes.data)) if (!NODE_KNOWN.has(name)) countUnknownNode(name);
    addNode(key, attributes.data as NodeAttributes); // stage/country may be absent: schema.ts, NodeAttributes
  }

  function edge(raw: unknown): void {
    if (!header) setAttributes({});
    const index = edgeIndex++;
    let source: string;
    let target: string;
    let key: string;
    let isDefault: boolean;
    let rawAttributes: unknown;
    if (isValidSerializedEdge(raw)) {
      source = String(raw.source);
      target = String(raw.target);
      isDefault = raw.key === undefined;
      key = isDefault ? `${source}->${target}` : String(raw.key);
      rawAttributes = raw.attributes ?? {};
    } else {
      const parsed = check(SerializedEdgeSchema, raw);
      if (!parsed.success) {
        const { source: s, target: t } = isPlainObject(raw) ? raw : {};
        const named = (typeof s === 'string' || typeof s === 'number') && (typeof t === 'string' || typeof t === 'number');
        addIssues(problems, named ? `edge "${s} -> ${t}"` : `edge #${index}`, parsed.error);
        return;
      }
      ({ source, target } = parsed.data);
      isDefault = parsed.data.key === undefined;
      key = parsed.data.key ?? `${source}->${target}`;
      rawAttributes = parsed.data.attributes ?? {};
    }
    // The element's name and the pair's string are built only when needed: a valid edge
    // of a large file costs no strings beyond its key.
    const element = (): string => `edge "${source} -> ${target}"`;
    let ok = true;
    const sourceRef = sink.nodeRef(source);
    const targetRef = sink.nodeRef(target);
    const sourceInSink = sourceRef !== -1;
    const targetInSink = targetRef !== -1;
    const sourceKnown = sourceInSink || refusedNodes.has(source);
    const targetKnown = targetInSink || refusedNodes.has(target);
    if (!sourceKnown) {
      problems.add(element(), `unknown source node "${source}"`);
      ok = false;
    }
    if (!targetKnown) {
      problems.add(element(), `unknown target node "${target}"`);
      ok = false;
    }
    if (source === target) {
      problems.add(element(), 'self-loops are not allowed');
      ok = false;
    }
    const inGraph = sourceInSink && targetInSink;
    const pairOf = (): string => `${source.length}:${source}${target}`; // length prefix: one string per (source, target)
    if ((inGraph && source !== target && sink.hasPair(source, target, sourceRef, targetRef)) || (refusedPairs.size > 0 && refusedPairs.has(pairOf()))) {
      problems.add(element(), 'parallel edge: another edge already joins these nodes in this direction');
      ok = false;
    } else if (sink.hasEdgeKey(key, source, target, isDefault) || (refusedKeys.size > 0 && refusedKeys.has(key))) {
      problems.add(element(), `duplicate edge key "${key}"`);
      ok = false;
    } else if (!isDefault && isReservedKey(key)) {
      // A default key (`source->target`) is never reserved: no reserved name holds "->".
      problems.add(element(), reservedMessage('edge key', key));
      ok = false;
    }
    if (isPlainObject(rawAttributes) && mayHaveRange(rawAttributes)) for (const message of rangeProblems(rawAttributes, EDGE_RANGES)) problems.add(element(), message);
    let attributes: EdgeAttributes | null = null;
    if (isValidEdgeAttributes(rawAttributes)) {
      if (ok && inGraph && sink.keepsAttributes) attributes = copyEdgeAttributes(rawAttributes, countUnknownEdge);
      else if (ok && inGraph) {
        for (const name in rawAttributes) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
        attributes = rawAttributes as EdgeAttributes;
      } else for (const name in rawAttributes) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
    } else {
      checkReservedNames(problems, element(), rawAttributes, 'attribute');
      const parsed = check(EdgeAttributesSchema, rawAttributes);
      if (!parsed.success) addIssues(problems, element(), parsed.error);
      else {
        for (const name of Object.keys(parsed.data)) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
        attributes = parsed.data as EdgeAttributes; // flow may be absent: schema.ts, EdgeAttributes
      }
    }
    if (ok && inGraph && attributes !== null) {
      recipes.edge(source, target, attributes.material);
      sink.addEdge(key, source, target, attributes, isDefault, sourceRef, targetRef);
    } else {
      refusedPairs.add(pairOf());
      refusedKeys.add(key);
    }
  }

  return {
    options(raw) {
      const result = check(SerializedGraphSchema, { options: raw, nodes: [] });
      if (!result.success) addIssues(problems, 'graph', result.error);
    },
    attributes: setAttributes,
    node,
    edge,
    problem: (element, message) => problems.add(element, message),
    finish() {
      if (!header) setAttributes({});
      if (sink.order + refusedNodes.size === 0 && problems.empty) problems.add('graph', 'the graph has no nodes');
      recipes.report(problems);
      problems.throwIfAny(file);
      const warnings: string[] = [];
      for (const [name, count] of unknownNode) warnings.push(`${file}: unknown node attribute "${name}" on ${count} node(s): kept, not used by chokepoint`);
      for (const [name, count] of unknownEdge) warnings.push(`${file}: unknown edge attribute "${name}" on ${count} edge(s): kept, not used by chokepoint`);
      return sink.result(capWarnings(warnings, options.maxWarnings ?? MAX_WARNINGS, file));
    },
  };
}

/**
 * False when an element's attributes have none of the range ends of NODE_RANGES and
 * EDGE_RANGES, so `rangeProblems` has nothing to say: most elements of a large file, which
 * then skip its array and its lookups by computed name.
 */
function mayHaveRange(a: Record<string, unknown>): boolean {
  return a.low !== undefined || a.high !== undefined || a.stockLow !== undefined || a.stockHigh !== undefined || a.capacityLow !== undefined || a.capacityHigh !== undefined;
}

const NODE_KNOWN: ReadonlySet<string> = new Set(Object.keys(NodeAttributesSchema.shape));
const EDGE_KNOWN: ReadonlySet<string> = new Set(Object.keys(EdgeAttributesSchema.shape));
