/**
 * Validates parsed graph JSON and builds a SupplyGraph. Every problem found is reported
 * (up to a limit) with the element it concerns, in one InputError naming the file.
 * Pure: takes data already parsed from JSON, does no I/O. The element rules live in
 * graph-loader.ts, which the streaming readers share.
 */
import { createGraphLoader, createIndexLoader, type GraphLoader, type IndexParseResult, type ParseOptions, type ParseResult } from './graph-loader.js';
import { addIssues, check, describeValue } from './load-messages.js';
import { ProblemList } from './errors.js';
import { SerializedGraphSchema } from './schema.js';

export { capWarnings, describeValue, MAX_WARNINGS } from './load-messages.js';
export { isReservedKey, reservedMessage } from './reserved-names.js';
export type { IndexParseResult, ParseOptions, ParseResult } from './graph-loader.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `data` (a parsed graph file) and returns the graph. Throws InputError naming
 * `file` and listing every problem found. `data` is not changed.
 */
export function parseGraph(data: unknown, file: string, options: ParseOptions = {}): ParseResult {
  return parseWith(data, file, options, createGraphLoader(file, options));
}

/** `parseGraph` straight into a GraphIndex (graph-loader.ts `createIndexLoader`): the same checks and messages, no graphology graph. */
export function parseGraphIndex(data: unknown, file: string, options: ParseOptions = {}): IndexParseResult {
  return parseWith(data, file, options, createIndexLoader(file, options));
}

function parseWith<R>(data: unknown, file: string, options: ParseOptions, loader: GraphLoader<R>): R {
  const problems = new ProblemList(options.maxProblems ?? 50);
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
  loader.attributes(top.data.attributes ?? {});
  for (const node of top.data.nodes) loader.node(node);
  for (const edge of top.data.edges) loader.edge(edge);
  return loader.finish();
}
