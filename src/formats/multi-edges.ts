/**
 * networkx's multigraph and undirected conventions on import, on request only (a supply
 * graph file is directed with no parallel edges; without these options such input is
 * refused with a message naming the option).
 *
 * - `undirected: 'both'` reads an undirected edge {u, v} as networkx's `G.to_directed()`
 *   does: two directed edges u -> v and v -> u with the same attributes (their keys are
 *   the defaults `u->v` and `v->u`, since one id cannot name two edges). Max flow on the
 *   result equals networkx's `maximum_flow_value` on the undirected graph (networkx itself
 *   replaces each undirected edge by two arcs of the edge's capacity), and betweenness
 *   with `undirected` equals networkx's betweenness of the undirected graph.
 * - `multigraph: 'sum'` collapses parallel edges (same source and same target, in this
 *   direction) into one edge `source -> target`, the rule "keep for flow as summed
 *   capacity":
 *     flow = sum of the edges' flows (absent when no edge has one);
 *     capacity = sum over the edges of (capacity, or the edge's flow when it has no
 *       capacity: the same fallback every analysis uses); "inf" when any is "inf";
 *       absent when no edge has a capacity (then the summed flow is the capacity, as before);
 *     every other attribute from the first edge in file order;
 *     `material` must be the same on every edge (summing tonnes of different materials
 *       would be wrong): else an error naming both edges.
 *   A flow or capacity that is not a number >= 0 (or "inf" for a capacity), or an edge
 *   with neither when another has a capacity, is an error naming the edge. One warning
 *   says how many edges were collapsed into how many.
 *
 * Pure: plain edge lists in, plain edge lists out; problems go to the caller's ProblemList.
 */
import { InputError, UsageError, type ProblemList } from '../model/errors.js';
import { UNLIMITED } from '../model/schema.js';

/** Options for graphs that are not directed simple graphs. */
export interface MultiEdgeOptions {
  /** Read each undirected edge as two directed edges with the same attributes (networkx's `to_directed`). */
  undirected?: 'both';
  /** Collapse parallel edges into one, summing flow and capacity. */
  multigraph?: 'sum';
}

/** Throws UsageError for a value other than the ones defined (a script passing `multigraph: 'max'` is told, not ignored). */
export function checkMultiEdgeOptions(options: MultiEdgeOptions): void {
  if (options.multigraph !== undefined && options.multigraph !== 'sum') throw new UsageError(`multigraph must be "sum", not ${describe(options.multigraph)}`);
  if (options.undirected !== undefined && options.undirected !== 'both') throw new UsageError(`undirected must be "both", not ${describe(options.undirected)}`);
}

/** An edge as the import path carries it before validation (a CSV row may lack its source or target: the validator reports it). */
export interface PlainEdge {
  key?: string;
  source: string | undefined;
  target: string | undefined;
  undirected?: boolean;
  attributes: Record<string, unknown>;
}

/** The hint appended to the validator's "parallel edge" message on import. */
export const PARALLEL_HINT = 'to collapse parallel edges (a multigraph), import with --multigraph sum';

/** Each undirected edge as two directed edges u -> v and v -> u with the same attributes; directed edges unchanged. */
export function directBoth<E extends PlainEdge>(edges: readonly E[]): E[] {
  const out: E[] = [];
  for (const edge of edges) {
    if (!edge.undirected) {
      out.push(edge);
      continue;
    }
    const { key: _key, ...rest } = edge;
    out.push({ ...rest, undirected: false, attributes: { ...edge.attributes } } as E);
    if (edge.source !== edge.target) out.push({ ...rest, source: edge.target, target: edge.source, undirected: false, attributes: { ...edge.attributes } } as E);
  }
  return out;
}

function label(edge: PlainEdge): string {
  return `edge "${edge.source ?? ''} -> ${edge.target ?? ''}"`;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** One collapsed group: the summed edge, or undefined after reporting a problem. */
function collapseGroup<E extends PlainEdge>(group: { edge: E; index: number }[], problems: ProblemList): E | undefined {
  const first = group[0] as { edge: E; index: number };
  const where = label(first.edge);
  let ok = true;
  const material = first.edge.attributes.material;
  for (const { edge, index } of group.slice(1)) {
    if (edge.attributes.material !== material) {
      problems.add(where, `parallel edges #${first.index} and #${index} (in file order) carry different materials (${describe(material)} and ${describe(edge.attributes.material)}); flows of different materials cannot be summed`);
      ok = false;
      break;
    }
  }
  const anyFlow = group.some(({ edge }) => edge.attributes.flow !== undefined);
  const anyCapacity = group.some(({ edge }) => edge.attributes.capacity !== undefined);
  let flow = 0;
  let capacity = 0;
  for (const { edge, index } of group) {
    const f = edge.attributes.flow;
    const c = edge.attributes.capacity;
    if (f !== undefined && !isAmount(f)) {
      problems.add(where, `parallel edge #${index}: flow ${describe(f)} is not a number >= 0, so the parallel edges cannot be summed`);
      ok = false;
    } else if (anyFlow && f === undefined) {
      problems.add(where, `parallel edge #${index} has no flow while another parallel edge has one; the flows cannot be summed`);
      ok = false;
    } else if (f !== undefined) flow += f;
    if (!anyCapacity) continue;
    if (c === UNLIMITED) capacity = Infinity;
    else if (c === undefined) {
      if (isAmount(f)) capacity += f;
      else if (f === undefined) {
        problems.add(where, `parallel edge #${index} has neither capacity nor flow while another parallel edge has a capacity; the capacities cannot be summed`);
        ok = false;
      }
    } else if (isAmount(c)) capacity += c;
    else {
      problems.add(where, `parallel edge #${index}: capacity ${describe(c)} is not a number >= 0 or "inf", so the parallel edges cannot be summed`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const attributes: Record<string, unknown> = { ...first.edge.attributes };
  if (anyFlow) attributes.flow = flow;
  if (anyCapacity) attributes.capacity = capacity === Infinity ? UNLIMITED : capacity;
  const { key: _key, ...rest } = first.edge;
  return { ...rest, attributes } as E;
}

/**
 * Parallel edges collapsed into one per (source, target), in order of first appearance;
 * a single edge is kept as it is. Returns the edges and the warning (undefined when
 * nothing was collapsed); problems (mixed materials, values that cannot be summed) go to
 * `problems`.
 */
export function collapseParallel<E extends PlainEdge>(edges: readonly E[], problems: ProblemList): { edges: E[]; warning: string | undefined } {
  const groups = new Map<string, { edge: E; index: number }[]>();
  edges.forEach((edge, index) => {
    if (edge.source === undefined || edge.target === undefined) {
      groups.set(`#${index}`, [{ edge, index }]); // left to the validator
      return;
    }
    const pair = `${edge.source.length}:${edge.source}${edge.target}`; // length prefix: one string per (source, target)
    const group = groups.get(pair);
    if (group) group.push({ edge, index });
    else groups.set(pair, [{ edge, index }]);
  });
  const out: E[] = [];
  let collapsed = 0;
  let into = 0;
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push((group[0] as { edge: E }).edge);
      continue;
    }
    collapsed += group.length;
    into += 1;
    const edge = collapseGroup(group, problems);
    if (edge) out.push(edge);
  }
  const warning =
    collapsed === 0
      ? undefined
      : `--multigraph sum: ${collapsed} parallel edges collapsed into ${into} (flow and capacity summed, a missing capacity counted as the edge's flow; other attributes from the first edge in file order)`;
  return { edges: out, warning };
}

/** The validator's InputError with the --multigraph hint added to its "parallel edge" messages; other errors unchanged. */
export function withParallelHint(error: unknown): unknown {
  if (!(error instanceof InputError) || !error.problems.some((p) => p.message.startsWith('parallel edge'))) return error;
  const problems = error.problems.map((p) => (p.message.startsWith('parallel edge') ? { ...p, message: `${p.message} (${PARALLEL_HINT})` } : p));
  return new InputError(error.file, problems, error.total);
}
