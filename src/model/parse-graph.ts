/**
 * Validates parsed graph JSON and builds a SupplyGraph. Every problem found is reported
 * (up to a limit) with the element it concerns, in one InputError naming the file.
 * Pure: takes data already parsed from JSON, does no I/O. The element rules live in
 * graph-loader.ts, which the streaming readers share.
 */
import { check, addIssues, createGraphLoader, describeValue, type ParseOptions, type ParseResult } from './graph-loader.js';
import { ProblemList } from './errors.js';
import type { SupplyGraph } from './graph.js';
import { SerializedGraphSchema, type EdgeAttributes, type NodeAttributes } from './schema.js';

export { capWarnings, describeValue, isReservedKey, MAX_WARNINGS, reservedMessage, type ParseOptions, type ParseResult } from './graph-loader.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates `data` (a parsed graph file) and returns the graph. Throws InputError naming
 * `file` and listing every problem found. `data` is not changed.
 */
export function parseGraph(data: unknown, file: string, options: ParseOptions = {}): ParseResult {
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
  const loader = createGraphLoader(file, options);
  loader.attributes(top.data.attributes ?? {});
  for (const node of top.data.nodes) loader.node(node);
  for (const edge of top.data.edges) loader.edge(edge);
  const result = loader.finish();
  checkRecipesOf(result.graph, file, options);
  return result;
}

/** Recipe and demand rules (below) on a loaded graph; InputError naming the file. */
function checkRecipesOf(graph: SupplyGraph, file: string, options: ParseOptions): void {
  const problems = new ProblemList(options.maxProblems ?? 50);
  const nodes = new Map<string, NodeAttributes>();
  graph.forEachNode((key, a) => nodes.set(key, a));
  const edges = graph.mapEdges((_e, attributes, source, target) => ({ source, target, attributes }));
  checkRecipes(nodes, edges, problems);
  problems.throwIfAny(file);
}

const quoted = (names: Iterable<string>) => [...names].map((m) => JSON.stringify(m)).join(', ') || 'none';

/**
 * Recipes and demand (docs/format.md, "Recipes"): every input material of a recipe arrives
 * on some in-edge of its node and every output material leaves on some out-edge (a
 * material is an edge's `material`, "" without one; edges of planned projects count);
 * recipe names are unique per node; a sink (in-edges, no out-edge) has no `outputs`, and
 * only a sink has a `demand`.
 */
function checkRecipes(nodes: Map<string, NodeAttributes>, edges: { source: string; target: string; attributes: EdgeAttributes }[], problems: ProblemList): void {
  const inMaterials = new Map<string, Set<string>>();
  const outMaterials = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, node: string, material: string) => (map.get(node) ?? map.set(node, new Set()).get(node))?.add(material);
  for (const e of edges) {
    add(outMaterials, e.source, e.attributes.material ?? '');
    add(inMaterials, e.target, e.attributes.material ?? '');
  }
  for (const [key, a] of nodes) {
    const element = `node "${key}"`;
    const ins = inMaterials.get(key) ?? new Set<string>();
    const outs = outMaterials.get(key) ?? new Set<string>();
    const sink = ins.size > 0 && outs.size === 0;
    if (a.demand !== undefined && !sink) problems.add(element, 'demand: only a sink (a node with in-edges and no out-edge) has a demand');
    const names = new Set<string>();
    (a.recipes ?? []).forEach((recipe, i) => {
      const where = `recipes[${i}] ("${recipe.name}")`;
      if (names.has(recipe.name)) problems.add(element, `${where}: duplicate recipe name`);
      names.add(recipe.name);
      for (const material of Object.keys(recipe.inputs)) {
        if (!ins.has(material)) problems.add(element, `${where}: input "${material}" arrives on no in-edge of this node (in-edge materials: ${quoted(ins)})`);
      }
      if (recipe.outputs && sink) problems.add(element, `${where}: outputs on a sink (a node with no out-edge yields nothing)`);
      else {
        for (const material of Object.keys(recipe.outputs ?? {})) {
          if (!outs.has(material)) problems.add(element, `${where}: output "${material}" leaves on no out-edge of this node (out-edge materials: ${quoted(outs)})`);
        }
      }
    });
  }

}
