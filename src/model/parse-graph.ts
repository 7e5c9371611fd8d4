/**
 * Validates parsed graph JSON and builds a SupplyGraph. Every problem found is reported
 * (up to a limit) with the element it concerns, in one InputError naming the file.
 * Pure: takes data already parsed from JSON, does no I/O.
 */
import type { z } from 'zod';
import { isCountryCode } from './countries.js';
import { ProblemList } from './errors.js';
import { createSupplyGraph, type SupplyGraph } from './graph.js';
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

const KNOWN_NODE_ATTRIBUTES = new Set(Object.keys(NodeAttributesSchema.shape));
const KNOWN_EDGE_ATTRIBUTES = new Set(Object.keys(EdgeAttributesSchema.shape));

/**
 * Names of `Object.prototype` (`__proto__`, `constructor`, `toString`, ...) and
 * `prototype`. graphology keeps each node's neighbours in plain objects keyed by node key,
 * and results are plain `{key: value}` records, so such a key would be read as the
 * inherited property: an edge to a node called `constructor` "already exists", and
 * `__proto__` silently changes an object's prototype (or, in an attributes object, is
 * dropped with its value). They are refused as node keys, edge keys, stage names,
 * attribute names and country codes, here and in every importer.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** True for a name that cannot be a node key, edge key or stage (see RESERVED_KEYS). */
export function isReservedKey(name: string): boolean {
  return RESERVED_KEYS.has(name);
}

/** The problem message for a reserved name: `what` is `key`, `edge key`, `stage`, `attribute`, ... */
export const reservedMessage = (what: string, name: string): string => `${what} "${name}" is reserved (a built-in property name of JavaScript objects); rename it`;

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

/**
 * `lines` capped at `max`, the rest summarised in one line naming how many were left out.
 */
export function capWarnings(lines: string[], max: number, file: string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `${file}: ... and ${lines.length - max} more warnings (not listed)`];
}

function addIssues(problems: ProblemList, element: string, error: z.ZodError): void {
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
function check<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const result = schema.safeParse(value);
  return result.success ? result : schema.safeParse(value, { reportInput: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `data` (a parsed graph file) and returns the graph. Throws InputError naming
 * `file` and listing every problem found.
 */
export function parseGraph(data: unknown, file: string, options: ParseOptions = {}): ParseResult {
  const problems = new ProblemList(options.maxProblems ?? 50);
  const warnings: string[] = [];
  if (!isPlainObject(data)) {
    problems.add('graph', `the top level must be a JSON object with "nodes" and "edges" (got ${Array.isArray(data) ? 'an array' : describeValue(data)})`);
    problems.throwIfAny(file);
  }
  const top = check(SerializedGraphSchema, data);
  if (!top.success) {
    addIssues(problems, 'graph', top.error);
    problems.throwIfAny(file);
    throw new Error('unreachable');
  }

  checkReservedNames(problems, 'graph attributes', top.data.attributes, 'attribute');
  if (isPlainObject(top.data.attributes)) checkReservedNames(problems, 'graph attributes', top.data.attributes.countries, 'countries: country code');
  const attrsResult = check(GraphAttributesSchema, top.data.attributes ?? {});
  let graphAttributes: GraphAttributes = {};
  if (attrsResult.success) graphAttributes = attrsResult.data;
  else addIssues(problems, 'graph attributes', attrsResult.error);

  const stages = stagesOf(graphAttributes);
  if (new Set(stages).size !== stages.length) problems.add('graph attributes', 'stages: the stage list has duplicates');
  for (const stage of stages.filter(isReservedKey)) problems.add('graph attributes', `stages: ${reservedMessage('stage', stage)}`);
  const stageSet = new Set(stages);
  for (const code of Object.keys(graphAttributes.countries ?? {})) {
    if (!isCountryCode(code)) problems.add('graph attributes', `countries: "${code}" is not an ISO 3166-1 alpha-2 code`);
  }

  const nodes = new Map<string, NodeAttributes>();
  const unknownNodeAttributes = new Map<string, number>();
  top.data.nodes.forEach((raw, index) => {
    const parsed = check(SerializedNodeSchema, raw);
    if (!parsed.success) {
      addIssues(problems, `node #${index}`, parsed.error);
      return;
    }
    const key = parsed.data.key;
    const element = `node "${key}"`;
    if (nodes.has(key)) {
      problems.add(element, 'duplicate node key');
      return;
    }
    if (isReservedKey(key)) problems.add(element, reservedMessage('key', key));
    const rawAttributes = parsed.data.attributes ?? {};
    checkReservedNames(problems, element, rawAttributes, 'attribute');
    const attrs = check(NodeAttributesSchema, rawAttributes);
    if (!attrs.success) addIssues(problems, element, attrs.error);
    const { stage, country } = isPlainObject(rawAttributes) ? rawAttributes : {};
    if (typeof stage === 'string' && stage !== '' && !stageSet.has(stage)) {
      problems.add(element, `unknown stage "${stage}" (expected one of ${stages.join(', ')})`);
    }
    if (typeof country === 'string' && !isCountryCode(country)) {
      problems.add(element, `country "${country}" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")`);
    }
    if (!attrs.success) {
      nodes.set(key, { stage: '', country: '', status: 'operating' });
      return;
    }
    const a = attrs.data;
    for (const name of Object.keys(a)) {
      if (!KNOWN_NODE_ATTRIBUTES.has(name)) unknownNodeAttributes.set(name, (unknownNodeAttributes.get(name) ?? 0) + 1);
    }
    nodes.set(key, a);
  });

  const edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[] = [];
  const pairs = new Set<string>();
  const edgeKeys = new Set<string>();
  const unknownEdgeAttributes = new Map<string, number>();
  top.data.edges.forEach((raw, index) => {
    const parsed = check(SerializedEdgeSchema, raw);
    if (!parsed.success) {
      const { source, target } = isPlainObject(raw) ? raw : {};
      const named = (typeof source === 'string' || typeof source === 'number') && (typeof target === 'string' || typeof target === 'number');
      addIssues(problems, named ? `edge "${source} -> ${target}"` : `edge #${index}`, parsed.error);
      return;
    }
    const { source, target } = parsed.data;
    const element = `edge "${source} -> ${target}"`;
    const key = parsed.data.key ?? `${source}->${target}`;
    let ok = true;
    if (!nodes.has(source)) {
      problems.add(element, `unknown source node "${source}"`);
      ok = false;
    }
    if (!nodes.has(target)) {
      problems.add(element, `unknown target node "${target}"`);
      ok = false;
    }
    if (source === target) {
      problems.add(element, 'self-loops are not allowed');
      ok = false;
    }
    const pair = `${source.length}:${source}${target}`; // length prefix: one string per (source, target)
    if (pairs.has(pair)) {
      problems.add(element, 'parallel edge: another edge already joins these nodes in this direction');
      ok = false;
    } else if (edgeKeys.has(key)) {
      problems.add(element, `duplicate edge key "${key}"`);
      ok = false;
    } else if (isReservedKey(key)) {
      problems.add(element, reservedMessage('edge key', key));
      ok = false;
    }
    pairs.add(pair);
    edgeKeys.add(key);
    checkReservedNames(problems, element, parsed.data.attributes, 'attribute');
    const attrs = check(EdgeAttributesSchema, parsed.data.attributes ?? {});
    if (!attrs.success) {
      addIssues(problems, element, attrs.error);
      return;
    }
    for (const name of Object.keys(attrs.data)) {
      if (!KNOWN_EDGE_ATTRIBUTES.has(name)) unknownEdgeAttributes.set(name, (unknownEdgeAttributes.get(name) ?? 0) + 1);
    }
    if (ok) edges.push({ key, source, target, attributes: attrs.data });
  });
  if (nodes.size === 0 && problems.empty) problems.add('graph', 'the graph has no nodes');

  problems.throwIfAny(file);

  for (const [name, count] of unknownNodeAttributes) warnings.push(`${file}: unknown node attribute "${name}" on ${count} node(s): kept, not used by chokepoint`);
  for (const [name, count] of unknownEdgeAttributes) warnings.push(`${file}: unknown edge attribute "${name}" on ${count} edge(s): kept, not used by chokepoint`);
  const shown = capWarnings(warnings, options.maxWarnings ?? MAX_WARNINGS, file);

  const graph = createSupplyGraph();
  graph.replaceAttributes(graphAttributes);
  for (const [key, attributes] of nodes) graph.addNode(key, attributes);
  for (const e of edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
  return { graph, warnings: shown };
}
