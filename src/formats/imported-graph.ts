/**
 * Turns a graph read by a format reader (our GraphML reader, graphology-gexf) into a validated
 * SupplyGraph. Attribute names map one to one; values of chokepoint's numeric and
 * boolean attributes that arrive as text (GraphML `<default>` values, columns declared
 * `string`) are read strictly; `stages` and `countries` written as JSON text are parsed.
 * Attributes chokepoint does not know are kept. Undirected edges are reported before the
 * element-by-element validation of `parseGraph`, unless `undirected: 'both'` reads each as
 * two directed edges; `multigraph: 'sum'` collapses parallel edges (multi-edges.ts). No attribute is required: a generic
 * graph (no stage, country or flow) loads, and the supply-chain analyses that need those
 * say so (model/supply-chain.ts).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { ProblemList } from '../model/errors.js';
import { isNestedTooDeep } from '../model/json-depth.js';
import { parseGraph, type ParseResult } from '../model/parse-graph.js';
import { KNOWN_TYPES, parseStrictNumber } from './attribute-types.js';
import { checkMultiEdgeOptions, collapseParallel, directBoth, withParallelHint, type MultiEdgeOptions, type PlainEdge } from './multi-edges.js';

export interface ImportOptions extends MultiEdgeOptions {
  /** Graph name to set (replaces any name in the file). */
  name?: string;
  /** Unit of every flow and capacity (replaces any unit in the file), e.g. `kt Cu/yr`. */
  unit?: string;
  /** The graph's own stage vocabulary, upstream first (replaces any in the file). */
  stages?: readonly string[];
}

/** The graph attributes the import options set. */
export function optionAttributes(options: ImportOptions): Record<string, unknown> {
  return {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    ...(options.stages !== undefined ? { stages: [...options.stages] } : {}),
  };
}

/** How each format's peculiarities are undone, per element. */
export interface ImportRules {
  /** Format name for messages: `GraphML` or `GEXF`. */
  format: string;
  node?: (key: string, attributes: Record<string, unknown>) => void;
  edge?: (attributes: Record<string, unknown>) => void;
  graph?: (attributes: Record<string, unknown>) => void;
  /** A library-generated edge key, to be replaced by the default `source->target`. */
  generatedKey?: (key: string) => boolean;
}

function coerce(kind: 'graph' | 'node' | 'edge', attributes: Attributes | Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...attributes };
  for (const [name, value] of Object.entries(out)) {
    if (typeof value !== 'string') continue;
    const type = KNOWN_TYPES[kind][name];
    if (type === 'double' || type === 'int' || type === 'long') {
      const number = parseStrictNumber(value);
      if (number !== undefined) out[name] = number;
    } else if (type === 'boolean' && (value === 'true' || value === 'false')) {
      out[name] = value === 'true';
    }
  }
  if (kind === 'graph') {
    for (const name of ['stages', 'countries']) {
      const value = out[name];
      if (typeof value !== 'string') continue;
      try {
        const parsed = JSON.parse(value) as unknown;
        if (!isNestedTooDeep(parsed)) out[name] = parsed;
      } catch {
        // left as text: parseGraph reports the wrong type
      }
    }
  }
  return out;
}

function checkShape(graph: PlainGraph, file: string, format: string): void {
  const problems = new ProblemList();
  for (const { source, target, undirected } of graph.edges) {
    if (undirected) problems.add(`edge "${source} -- ${target}"`, `undirected edge: a supply graph is directed (declare the ${format} graph directed, or import with --undirected both to read each undirected edge as two directed edges)`);
  }
  problems.throwIfAny(file);
}

/** A graph as plain data, as a format reader produces it (before validation). */
export interface PlainGraph {
  attributes: Record<string, unknown>;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; undirected: boolean; attributes: Record<string, unknown> }[];
}

/** Validates plain graph data read from a file format; throws InputError naming `file`. */
export function importPlainGraph(graph: PlainGraph, file: string, rules: ImportRules, options: ImportOptions = {}): ParseResult {
  checkMultiEdgeOptions(options);
  const plainEdges = options.undirected === 'both' ? directBoth(graph.edges) : graph.edges;
  checkShape({ ...graph, edges: plainEdges }, file, rules.format);
  const attributes = coerce('graph', graph.attributes);
  rules.graph?.(attributes);
  Object.assign(attributes, optionAttributes(options));
  const nodes = graph.nodes.map(({ key, attributes: raw }) => {
    const a = coerce('node', raw);
    rules.node?.(key, a);
    return { key, attributes: a };
  });
  let edges = plainEdges.map(({ key, source, target, attributes: raw }) => {
    const a = coerce('edge', raw);
    rules.edge?.(a);
    return key === undefined || rules.generatedKey?.(key) ? { source, target, attributes: a } : { key, source, target, attributes: a };
  });
  const collapsed = collapseEdges(edges, file, options);
  edges = collapsed.edges;
  const result = parseImported({ attributes, nodes, edges }, file);
  return collapsed.warning === undefined ? result : { ...result, warnings: [`${file}: ${collapsed.warning}`, ...result.warnings] };
}

/** `multigraph: 'sum'` applied to the edges (unchanged without it); throws InputError naming `file` for edges that cannot be summed. */
export function collapseEdges<E extends PlainEdge>(
  edges: E[],
  file: string,
  options: ImportOptions,
): { edges: E[]; warning: string | undefined } {
  checkMultiEdgeOptions(options);
  if (options.multigraph !== 'sum') return { edges, warning: undefined };
  const problems = new ProblemList();
  const out = collapseParallel(edges, problems);
  problems.throwIfAny(file);
  return out;
}

/** parseGraph, with the --multigraph hint added to "parallel edge" problems. */
export function parseImported(data: unknown, file: string): ParseResult {
  try {
    return parseGraph(data, file);
  } catch (error) {
    throw withParallelHint(error);
  }
}

/** Validates a graph parsed by a graphology format library; throws InputError naming `file`. */
export function importLibraryGraph(graph: AbstractGraph, file: string, rules: ImportRules, options: ImportOptions = {}): ParseResult {
  const plain: PlainGraph = {
    attributes: graph.getAttributes(),
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes })),
    edges: graph.mapEdges((key, attributes, source, target, _sa, _ta, undirected) => ({ key, source, target, undirected, attributes })),
  };
  return importPlainGraph(plain, file, rules, options);
}

/** An error thrown by a format library, as a message for the user (module prefix removed). */
export function libraryMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^graphology-\w+\/\w+: /, '');
}
