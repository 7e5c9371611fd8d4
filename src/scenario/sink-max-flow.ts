/**
 * Max flow to a subset of the sinks: the most that can reach those sinks alone, when the
 * other sinks take nothing. Unlike the split of one maximum flow among the sinks (max
 * flows are not unique, so that split is one of many), this value is unique.
 *
 *   sinkMaxFlow(G, T) = maxFlow(G with every in-edge of a sink outside T at capacity 0)
 *
 * Zeroing capacities (rather than removing the other sinks) keeps the sets of sources
 * and sinks of G, as `max-flow.ts` defines them. Edge weights are capacities.
 *
 * Computation (exact; per graph, one flow network and one maximum flow f of G are built
 * on the first call and reused by every later call on the same compact graph):
 * - Bounds. Let x(t) be the flow into sink t in f and
 *     u(t) = min(capacity of t, sum over t's in-neighbours p of min(c(p, t), through(p))),
 *   c(p, t) the capacity of the edges p -> t and through(p) a bound on what passes
 *   through p in any feasible flow, tightened in rounds k = 0, 1, ... (at most
 *   THROUGH_ROUNDS, fewer once nothing changes):
 *     through_0(v)   = capacity of v, and when v is not a source at most the sum of the
 *                      capacities of its in-edges;
 *     through_k+1(v) = min(through_k(v), sum over v's in-edges e of min(c(e), through_k(tail of e)))
 *                      for v not a source (sources: through_0).
 *   Each round is a bound (induction: what passes through a non-source v is its inflow,
 *   and an edge carries at most its capacity and what passes through its tail).
 *   The paths of f that end in T form a feasible flow
 *   of the restricted problem (flow decomposition), and nothing enters t beyond u(t) (what
 *   comes from p crosses the edges p -> t and passes through p), so
 *     sum over t in T of x(t) <= sinkMaxFlow(G, T) <= sum over t in T of u(t).
 *   When the two agree (up to the network's relative tolerance 1e-12), that is the value.
 * - Otherwise, when T is one sink t: rerouting from f. Let S* be the super-sink. With the
 *   arc t -> S* left out, search the residual network of f for paths from S* (through the
 *   reverse arc of another sink t', i.e. taking flow away from t') to t, and push along
 *   them (Dinic from S* to t, `dinic.ts` with `from`/`to`, searched from t's end, stopped
 *   at u(t) as nothing more can arrive); the value is x(t) plus what
 *   was pushed. Exact: every push keeps a maximum flow of G (a cycle through S*) and
 *   raises the flow into t; at the end let R be the vertices reachable from the
 *   super-source and S* in that residual network. t is not in R (a path from the
 *   super-source to t would augment f), no other sink with flow is outside R (S*
 *   reaches it), so by conservation on the complement of R the flow into t equals the
 *   capacity of the arcs from R to the rest: the capacity of a cut separating the sources
 *   from t once the other sinks take nothing. The flow's own paths into t are a feasible
 *   flow of that problem, so both equal sinkMaxFlow(G, {t}) (max-flow min-cut). It pushes
 *   only the difference sinkMaxFlow - x(t), where starting from zero pushes all of it.
 * - Otherwise (several sinks) Dinic from zero flow on the shared network with every vertex that cannot
 *   reach a sink of T (by arcs of positive capacity) blocked: the other sinks among them
 *   (a blocked sink takes nothing, as a sink whose in-edges are at capacity 0), and the
 *   rest carry no flow to T anyway. The network is then returned to f. Each such computation starts from the
 *   same state (flow f, tolerance scales of a fresh network), so a call's value does not
 *   depend on the calls before it.
 * When G's own maximum flow is unbounded, each call builds its own network as the
 * definition says (zeroing the other sinks' in-edges can make the problem bounded).
 * Reference: Ford and Fulkerson, Flows in Networks (1962); see `max-flow.ts`.
 */
import type { CompactGraph } from '../model/compact.js';
import { ComputationError } from '../model/errors.js';
import { augment } from '../metrics/flow/dinic.js';
import { RESIDUAL_TOLERANCE } from '../metrics/flow/flow-network.js';
import { solveMaxFlow, type SolvedFlow } from '../metrics/flow/max-flow.js';
import { nodeFlow, SUPER_SINK } from '../metrics/flow/supply-network.js';

interface Prepared {
  solved: SolvedFlow;
  /** f and the tolerance scales of the fresh network, to return to after each computation. */
  flow: Float64Array;
  freshScale: Float64Array;
  solvedScale: Float64Array;
  /** x(t) and u(t) of the header, by node index (0 for non-sinks). */
  inflow: Float64Array;
  upper: Float64Array;
  /** Node indices of the sinks. */
  sinks: number[];
  blocked: Uint8Array;
  queue: Int32Array;
}

const PREPARED = new WeakMap<CompactGraph, Prepared>();

const isSink = (graph: CompactGraph, i: number): boolean => graph.outDegree[i] === 0 && (graph.inDegree[i] as number) > 0;

function prepare(graph: CompactGraph): Prepared {
  const known = PREPARED.get(graph);
  if (known) return known;
  const solved = solveMaxFlow(graph);
  const { network } = solved.supply;
  const freshScale = new Float64Array(network.pairCount);
  for (let k = 0; k < freshScale.length; k++) freshScale[k] = Number.isFinite(network.cap[k] as number) ? (network.cap[k] as number) : 0;
  const n = graph.nodes.length;
  const inflow = new Float64Array(n);
  const upper = new Float64Array(n);
  const sinks: number[] = [];
  // through(p) of the header, then u(t) from each sink's in-edges grouped by their tail.
  const inCapacity = new Float64Array(n);
  for (let e = 0; e < graph.edges.length; e++) inCapacity[graph.edgeTarget[e] as number] = (inCapacity[graph.edgeTarget[e] as number] as number) + (graph.edgeCapacity[e] as number);
  const bound = throughBounds(graph, inCapacity);
  const through = (p: number) => bound[p] as number;
  const fromTail: Map<number, number>[] = [];
  for (let e = 0; e < graph.edges.length; e++) {
    const t = graph.edgeTarget[e] as number;
    if (!isSink(graph, t)) continue;
    const byTail = (fromTail[t] ??= new Map());
    const p = graph.edgeSource[e] as number;
    byTail.set(p, (byTail.get(p) ?? 0) + (graph.edgeCapacity[e] as number));
  }
  for (let i = 0; i < n; i++) {
    if (!isSink(graph, i)) continue;
    sinks.push(i);
    inflow[i] = nodeFlow(solved.supply, i);
    let sum = 0;
    for (const [p, c] of fromTail[i] ?? []) sum += Math.min(c, through(p));
    upper[i] = Math.min(sum, graph.nodeCapacity[i] as number);
  }
  const prepared = { solved, flow: network.flow.slice(), freshScale, solvedScale: network.scale.slice(), inflow, upper, sinks, blocked: new Uint8Array(network.vertexCount), queue: new Int32Array(network.vertexCount) };
  PREPARED.set(graph, prepared);
  return prepared;
}

/** Most rounds of the through(v) bounds (see the header). */
const THROUGH_ROUNDS = 32;

/** through(v) of the header for every node, after the rounds. */
function throughBounds(graph: CompactGraph, inCapacity: Float64Array): Float64Array {
  const n = graph.nodes.length;
  let through = new Float64Array(n);
  for (let v = 0; v < n; v++) through[v] = (graph.inDegree[v] as number) === 0 ? (graph.nodeCapacity[v] as number) : Math.min(graph.nodeCapacity[v] as number, inCapacity[v] as number);
  for (let round = 0; round < THROUGH_ROUNDS; round++) {
    const next = new Float64Array(n);
    for (let e = 0; e < graph.edges.length; e++) {
      const v = graph.edgeTarget[e] as number;
      next[v] = (next[v] as number) + Math.min(graph.edgeCapacity[e] as number, through[graph.edgeSource[e] as number] as number);
    }
    let changed = false;
    for (let v = 0; v < n; v++) {
      const value = (graph.inDegree[v] as number) === 0 ? (through[v] as number) : Math.min(through[v] as number, next[v] as number);
      if (value < (through[v] as number)) changed = true;
      next[v] = value;
    }
    through = next;
    if (!changed) break;
  }
  return through;
}

/**
 * The definition computed directly (a network of its own): for graphs whose maximum flow
 * is unbounded, where zeroing the other sinks' in-edges may leave a bounded problem.
 */
function direct(graph: CompactGraph, targets: ReadonlySet<string>): number {
  const edgeCapacity = graph.edgeCapacity.slice();
  graph.edges.forEach((_edge, e) => {
    const target = graph.edgeTarget[e] as number;
    if ((graph.outDegree[target] as number) === 0 && !targets.has(graph.nodes[target] as string)) edgeCapacity[e] = 0;
  });
  return solveMaxFlow({ ...graph, edgeCapacity }).value;
}

/** The node index of the one sink among `targets`, or undefined (none, or several). */
function singleSink(graph: CompactGraph, targets: ReadonlySet<string>): number | undefined {
  let found: number | undefined;
  for (const key of targets) {
    const i = graph.index.get(key);
    if (i === undefined || !isSink(graph, i)) continue;
    if (found !== undefined) return undefined;
    found = i;
  }
  return found;
}

/** Max flow into the sinks in `targets` (node keys) of the compact graph `graph`. */
export function sinkMaxFlow(graph: CompactGraph, targets: ReadonlySet<string>): number {
  let prepared: Prepared;
  try {
    prepared = prepare(graph);
  } catch (error) {
    if (error instanceof ComputationError) return direct(graph, targets);
    throw error;
  }
  const { solved, flow, freshScale, solvedScale, inflow, upper, sinks, blocked } = prepared;
  let lower = 0;
  let bound = 0;
  for (const key of targets) {
    const i = graph.index.get(key);
    if (i === undefined || !isSink(graph, i)) continue;
    lower += inflow[i] as number;
    bound += upper[i] as number;
  }
  if (lower >= bound * (1 - RESIDUAL_TOLERANCE)) return lower;
  const { supply } = solved;
  const { network } = supply;
  const only = singleSink(graph, targets);
  if (only !== undefined) {
    // Rerouting from f (see the header): the arc t -> S* left out by holding its flow aside.
    const pair = supply.sinkPair[only] as number;
    const held = network.flow[pair] as number;
    network.mark();
    network.flow[pair] = 0;
    // Nothing beyond u(t) can arrive: stop there rather than search once more.
    const value = held + augment(network, { from: SUPER_SINK, to: supply.outVertex[only] as number, limit: (upper[only] as number) - held, reverse: true });
    network.flow.set(flow);
    network.scale.set(solvedScale);
    return value;
  }
  // Only vertices from which a target can be reached take part: every other one is blocked
  // (other sinks included, as they reach no target).
  const { start, adj, head, cap } = network;
  blocked.fill(1);
  const queue = prepared.queue;
  let tail = 0;
  for (const i of sinks) {
    if (!targets.has(graph.nodes[i] as string)) continue;
    const v = supply.outVertex[i] as number;
    if (blocked[v] === 1) queue[tail++] = v;
    blocked[v] = 0;
  }
  for (let q = 0; q < tail; q++) {
    const v = queue[q] as number;
    for (let j = start[v] as number; j < (start[v + 1] as number); j++) {
      const a = adj[j] as number;
      const u = head[a] as number;
      if ((a & 1) === 0 || blocked[u] === 0 || !((cap[a >> 1] as number) > 0)) continue;
      blocked[u] = 0;
      queue[tail++] = u;
    }
  }
  blocked[network.sink] = 0;
  network.clear();
  network.scale.set(freshScale);
  const value = augment(network, { blocked });
  network.flow.set(flow);
  network.scale.set(solvedScale);
  return value;
}

/**
 * maxFlow of the compact graph `graph`: the maximum flow every `sinkMaxFlow` call on it
 * starts from (solved once per compact graph, and the same `solveMaxFlow` that
 * `max-flow.ts` runs on the compact active graph). ComputationError when it is unbounded.
 */
export function preparedMaxFlow(graph: CompactGraph): number {
  return prepare(graph).solved.value;
}

/**
 * `run` on the maximum flow every `sinkMaxFlow` call on `graph` starts from (the same
 * solve, `prepare`d once per compact graph), so that other computations on that flow (the
 * per-sink max flows of a scenario side, its knockout bottlenecks) need no solve of their
 * own. The network's flows and tolerance scales are returned to their solved state
 * afterwards, whatever `run` did to them, so later calls see the state a fresh solve
 * gives. ComputationError when the maximum flow is unbounded (as `solveMaxFlow`).
 */
export function withPreparedFlow<T>(graph: CompactGraph, run: (solved: SolvedFlow) => T): T {
  const prepared = prepare(graph);
  const { network } = prepared.solved.supply;
  try {
    return run(prepared.solved);
  } finally {
    network.flow.set(prepared.flow);
    network.scale.set(prepared.solvedScale);
  }
}

/**
 * `sinkMaxFlow` bound to one graph, for callers that ask about many target sets (the
 * solved network is prepared once per compact graph either way).
 */
export function sinkMaxFlowSolver(graph: CompactGraph): (targets: ReadonlySet<string>) => number {
  return (targets) => sinkMaxFlow(graph, targets);
}
