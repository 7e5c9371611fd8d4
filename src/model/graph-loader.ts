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
 * Memory: the loader keeps the graph being built, the keys of elements that were refused
 * (so later references to them are not reported twice) and nothing of the input.
 * Pure: no I/O.
 */
import type { z } from 'zod';
import { isCountryCode } from './countries.js';
import { createRecipeCheck } from './check-recipes.js';
import { EDGE_RANGES, NODE_RANGES, rangeProblems } from './ranges.js';
import { ProblemList } from './errors.js';
import { isReservedKey, reservedMessage } from './reserved-names.js';
import { copyEdgeAttributes, copyNodeAttributes, isValidEdgeAttributes, isValidNodeAttributes, isValidSerializedEdge, isValidSerializedNode } from './fast-validate.js';
import { createSupplyGraph, type SupplyGraph } from './graph.js';
import { GraphIndexBuilder, type GraphIndex } from './graph-index.js';
import {
  EdgeAttributesSchema,
  GraphAttributesSchema,
  NodeAttributesSchema,
  SerializedEdgeSchema,
  SerializedGraphSchema,
  SerializedNodeSchema,
  type EdgeAttributes,
  type GraphAttributes,
  type NodeAttributes,
} from './schema.js';
import { stagesOf } from './stages.js';

export interface ParseResult {
  graph: SupplyGraph;
  /** Things that are allowed but probably unintended, such as unknown attribute names. */
  warnings: string[];
}

export interface ParseOptions {
  /** Most problems listed before the rest are only counted. */
  maxProblems?: number;
  /** Most warnings listed; the rest are summarised in one last warning (default 20). */
  maxWarnings?: number;
}

/** Default of `ParseOptions.maxWarnings`: a file with 400,000 unknown attribute names gets 20 lines and a count, not 400,000 lines. */
export const MAX_WARNINGS = 20;

/** `lines` capped at `max`, the rest summarised in one line naming how many were left out. */
export function capWarnings(lines: string[], max: number, file: string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `${file}: ... and ${lines.length - max} more warnings (not listed)`];
}

export { isReservedKey, reservedMessage } from './reserved-names.js';

/** Describes a value for an error message, briefly. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Adds a problem for each reserved own property name of `value` (an attributes object or a table), as `what`. */
function checkReservedNames(problems: ProblemList, element: string, value: unknown, what: string): void {
  if (!isPlainObject(value)) return;
  for (const name of Object.keys(value)) if (isReservedKey(name)) problems.add(element, reservedMessage(what, name));
}

/** Adds a zod error's issues to `problems` under `element`, quoting offending values. */
export function addIssues(problems: ProblemList, element: string, error: z.ZodError): void {
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const shown = 'input' in issue && issue.input !== undefined && issue.code !== 'unrecognized_keys';
    const got = shown ? ` (got ${describeValue(issue.input)})` : '';
    problems.add(element, `${field ? `${field}: ` : ''}${issue.message}${got}`);
  }
}

/**
 * safeParse without `reportInput` (about twice as fast on valid input); on failure it is
 * parsed again with it, so error messages can quote the offending values.
 */
export function check<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const result = schema.safeParse(value);
  return result.success ? result : schema.safeParse(value, { reportInput: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** Where a loader puts what it accepts: a graphology graph, or a GraphIndex directly. */
interface LoaderSink<R> {
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

function graphSink(): LoaderSink<ParseResult> {
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
 */
function indexSink(): LoaderSink<IndexParseResult> {
  let builder = new GraphIndexBuilder();
  let graphAttributes: GraphAttributes = {};
  const customKeys = new Set<string>();
  const customPairs = new Set<string>();
  const spellsDefaultKey = (key: string): boolean => {
    for (let at = key.indexOf('->'); at !== -1; at = key.indexOf('->', at + 1)) {
      const source = key.slice(0, at);
      const target = key.slice(at + 2);
      if (builder.hasNode(source) && builder.hasNode(target) && source !== target && builder.hasPair(source, target) && !customPairs.has(`${source.length}:${source}${target}`)) return true;
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
      builder = new GraphIndexBuilder(attributes);
    },
    hasNode: (key) => builder.hasNode(key),
    nodeRef: (key) => builder.nodeId(key),
    addNode: (key, attributes) => builder.addNode(key, attributes),
    hasPair: (_source, _target, s, t) => builder.hasPairOf(s, t),
    hasEdgeKey: (key, _source, _target, isDefault) => customKeys.has(key) || (!isDefault && spellsDefaultKey(key)),
    addEdge: (key, source, target, attributes, isDefault, s, t) => {
      if (!isDefault) {
        customKeys.add(key);
        customPairs.add(`${source.length}:${source}${target}`);
      }
      builder.addEdgeOf(key, s, t, attributes);
    },
    result: (warnings) => ({ index: builder.build(), attributes: graphAttributes, warnings }),
  };
}

/** A loader for the graph file `file` (the name errors give) that builds a graphology graph. */
export function createGraphLoader(file: string, options: ParseOptions = {}): GraphLoader<ParseResult> {
  return createLoader(file, options, graphSink());
}

/**
 * A loader that builds the GraphIndex directly, keeping no attribute objects: the same
 * validation and messages, a fraction of the memory (for graphs of millions of elements).
 */
export function createIndexLoader(file: string, options: ParseOptions = {}): GraphLoader<IndexParseResult> {
  return createLoader(file, options, indexSink());
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
  let stages: readonly string[] = stagesOf({});
  let stageSet: ReadonlySet<string> = new Set(stages);
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
    checkReservedNames(problems, 'graph attributes', raw, 'attribute');
    if (isPlainObject(raw)) checkReservedNames(problems, 'graph attributes', raw.countries, 'countries: country code');
    const result = check(GraphAttributesSchema, raw ?? {});
    let attributes: GraphAttributes = {};
    if (result.success) attributes = result.data;
    else addIssues(problems, 'graph attributes', result.error);
    sink.setAttributes(attributes);
    stages = stagesOf(attributes);
    stageSet = new Set(stages);
    if (stageSet.size !== stages.length) problems.add('graph attributes', 'stages: the stage list has duplicates');
    for (const stage of stages.filter(isReservedKey)) problems.add('graph attributes', `stages: ${reservedMessage('stage', stage)}`);
    for (const stage of Object.keys(attributes.stageTotals ?? {})) {
      if (!stageSet.has(stage)) problems.add('graph attributes', `stageTotals: unknown stage "${stage}" (expected one of ${stages.join(', ')})`);
    }
    for (const code of Object.keys(attributes.countries ?? {})) {
      if (!isCountryCode(code)) problems.add('graph attributes', `countries: "${code}" is not an ISO 3166-1 alpha-2 code`);
    }
  }

  const hasNode = (key: string): boolean => sink.hasNode(key) || refusedNodes.has(key);

  /** The node's stage and country against the graph's vocabularies (attributes already shaped or not). */
  function checkVocabulary(element: string, attributes: unknown): void {
    const { stage, country } = isPlainObject(attributes) ? attributes : {};
    if (typeof stage === 'string' && stage !== '' && !stageSet.has(stage)) {
      problems.add(element, `unknown stage "${stage}" (expected one of ${stages.join(', ')})`);
    }
    if (typeof country === 'string' && !isCountryCode(country)) {
      problems.add(element, `country "${country}" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")`);
    }
  }

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
    const element = `node "${key}"`;
    if (hasNode(key)) {
      problems.add(element, 'duplicate node key');
      return;
    }
    if (isReservedKey(key)) problems.add(element, reservedMessage('key', key));
    if (isValidNodeAttributes(rawAttributes)) {
      const { stage, country } = rawAttributes as { stage?: string; country?: string };
      if ((stage !== undefined && !stageSet.has(stage)) || (country !== undefined && !isCountryCode(country))) checkVocabulary(element, rawAttributes);
      for (const message of rangeProblems(rawAttributes, NODE_RANGES)) problems.add(element, message);
      if (isReservedKey(key)) refusedNodes.add(key);
      else if (sink.keepsAttributes) addNode(key, copyNodeAttributes(rawAttributes, countUnknownNode));
      else {
        for (const name in rawAttributes) if (!NODE_KNOWN.has(name)) countUnknownNode(name);
        addNode(key, rawAttributes as NodeAttributes);
      }
      return;
    }
    checkReservedNames(problems, element, rawAttributes, 'attribute');
    const attributes = check(NodeAttributesSchema, rawAttributes);
    if (!attributes.success) addIssues(problems, element, attributes.error);
    checkVocabulary(element, rawAttributes);
    if (!attributes.success || isReservedKey(key)) {
      refusedNodes.add(key);
      return;
    }
    for (const message of rangeProblems(attributes.data, NODE_RANGES)) problems.add(element, message);
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
    const element = `edge "${source} -> ${target}"`;
    let ok = true;
    const sourceRef = sink.nodeRef(source);
    const targetRef = sink.nodeRef(target);
    const sourceInSink = sourceRef !== -1;
    const targetInSink = targetRef !== -1;
    const sourceKnown = sourceInSink || refusedNodes.has(source);
    const targetKnown = targetInSink || refusedNodes.has(target);
    if (!sourceKnown) {
      problems.add(element, `unknown source node "${source}"`);
      ok = false;
    }
    if (!targetKnown) {
      problems.add(element, `unknown target node "${target}"`);
      ok = false;
    }
    if (source === target) {
      problems.add(element, 'self-loops are not allowed');
      ok = false;
    }
    const pair = `${source.length}:${source}${target}`; // length prefix: one string per (source, target)
    const inGraph = sourceInSink && targetInSink;
    if ((inGraph && source !== target && sink.hasPair(source, target, sourceRef, targetRef)) || refusedPairs.has(pair)) {
      problems.add(element, 'parallel edge: another edge already joins these nodes in this direction');
      ok = false;
    } else if (sink.hasEdgeKey(key, source, target, isDefault) || refusedKeys.has(key)) {
      problems.add(element, `duplicate edge key "${key}"`);
      ok = false;
    } else if (isReservedKey(key)) {
      problems.add(element, reservedMessage('edge key', key));
      ok = false;
    }
    if (isPlainObject(rawAttributes)) for (const message of rangeProblems(rawAttributes, EDGE_RANGES)) problems.add(element, message);
    let attributes: EdgeAttributes | null = null;
    if (isValidEdgeAttributes(rawAttributes)) {
      if (ok && inGraph && sink.keepsAttributes) attributes = copyEdgeAttributes(rawAttributes, countUnknownEdge);
      else if (ok && inGraph) {
        for (const name in rawAttributes) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
        attributes = rawAttributes as EdgeAttributes;
      } else for (const name in rawAttributes) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
    } else {
      checkReservedNames(problems, element, rawAttributes, 'attribute');
      const parsed = check(EdgeAttributesSchema, rawAttributes);
      if (!parsed.success) addIssues(problems, element, parsed.error);
      else {
        for (const name of Object.keys(parsed.data)) if (!EDGE_KNOWN.has(name)) countUnknownEdge(name);
        attributes = parsed.data as EdgeAttributes; // flow may be absent: schema.ts, EdgeAttributes
      }
    }
    if (ok && inGraph && attributes !== null) {
      recipes.edge(source, target, attributes.material);
      sink.addEdge(key, source, target, attributes, isDefault, sourceRef, targetRef);
    } else {
      refusedPairs.add(pair);
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

const NODE_KNOWN: ReadonlySet<string> = new Set(Object.keys(NodeAttributesSchema.shape));
const EDGE_KNOWN: ReadonlySet<string> = new Set(Object.keys(EdgeAttributesSchema.shape));
