/**
 * Mass-consistent flows of an ensemble member: drawn edge flows turned into a set of
 * flows in which every plant balances as it does in the published data.
 *
 * Drawing every edge flow independently gives members whose plants do not balance (the
 * in-flow and out-flow of a separation plant move apart). Instead the draws are read as
 *
 *   source node u (no nominal in-flow):   flow_e = w_e for each out-edge e of u
 *   other node v (nominal in-flow > 0):   flow_e = in_v x y_v x w_e / sum_{e' out of v} w_e'
 *                                         in_v = sum of the (member's) flows into v
 *                                         y_v  = OUT_v / IN_v, the published yield
 *
 * where w_e is the edge's drawn flow (its published flow when the flow has no range) and
 * IN_v / OUT_v are v's published in-flow and out-flow. So a source's drawn out-flows say
 * how much it produced; elsewhere the draws only set how a node splits its output
 * between its out-edges (shares), and the amount follows from what arrives. A node
 * whose out-edges all have w = 0 ships nothing. Sinks keep whatever arrives.
 *
 * Then every non-source, non-sink node satisfies out_v = in_v x y_v (y_v = 1 for every
 * plant of the default dataset, so out = in). With no draw at all (w = published flow
 * everywhere) the published flows are a solution, and the computation is skipped.
 *
 * Order: nodes in depth-first topological order; an acyclic graph takes one sweep. On a
 * cycle the equations are linear with gain y_v x share_e around the loop; they are
 * solved by Gauss-Seidel sweeps in that order until no flow changes by more than
 * 1e-13 x (its value, at least 1 t): the fixed point exists and is unique when every
 * loop loses something (product of y x share around it < 1). More than 10,000 sweeps is
 * a ComputationError (a loop that gains or keeps all its flow).
 *
 * Linearity: every flow is a linear function of the source out-flows, which the stage
 * totals (`sample-graph.ts`) use to rescale sources so that a downstream stage meets its
 * published total without unbalancing any plant. Pure: no I/O.
 */
import { ComputationError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';

/** What every member of one graph shares: the order, yields and edge lists (built once). */
export interface FlowPlan {
  /** Edge keys, indexed as the arrays below and as the flow vectors. */
  edges: string[];
  /** Published flow of each edge. */
  nominal: Float64Array;
  /** Nodes in topological order, each with its in-edge and out-edge indices. */
  order: { node: string; ins: number[]; outs: number[]; source: boolean; yield: number }[];
  /** Edge index by key. */
  index: Map<string, number>;
  /** True when the graph has a directed cycle with flow (Gauss-Seidel sweeps needed). */
  cyclic: boolean;
}

const MAX_SWEEPS = 10_000;
const TOLERANCE = 1e-13;

/** Nodes in depth-first topological order (reverse postorder), and whether a back edge was met. */
function topological(graph: SupplyGraph): { order: string[]; cyclic: boolean } {
  const state = new Map<string, 1 | 2>();
  const post: string[] = [];
  let cyclic = false;
  for (const root of graph.nodes()) {
    if (state.has(root)) continue;
    state.set(root, 1);
    const stack: [string, string[]][] = [[root, graph.outNeighbors(root)]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, string[]];
      const next = top[1].pop();
      if (next === undefined) {
        state.set(top[0], 2);
        post.push(top[0]);
        stack.pop();
      } else if (!state.has(next)) {
        state.set(next, 1);
        stack.push([next, graph.outNeighbors(next)]);
      } else if (state.get(next) === 1) cyclic = true;
    }
  }
  return { order: post.reverse(), cyclic };
}

/** Builds the plan of `graph` from its published flows. */
export function planFlows(graph: SupplyGraph): FlowPlan {
  const edges = graph.edges();
  const index = new Map(edges.map((e, i) => [e, i]));
  const nominal = Float64Array.from(edges, (e) => graph.getEdgeAttribute(e, 'flow'));
  const { order, cyclic } = topological(graph);
  return {
    edges,
    nominal,
    index,
    cyclic,
    order: order.map((node) => {
      const ins = graph.mapInEdges(node, (e) => index.get(e) as number);
      const outs = graph.mapOutEdges(node, (e) => index.get(e) as number);
      const IN = ins.reduce((s, i) => s + (nominal[i] as number), 0);
      const OUT = outs.reduce((s, i) => s + (nominal[i] as number), 0);
      return { node, ins, outs, source: !(IN > 0), yield: IN > 0 ? OUT / IN : 0 };
    }),
  };
}

/**
 * The member's flows (indexed as plan.edges) from the weights w (drawn flow or published
 * flow per edge). `sourceScale`, when given, multiplies w_e on source out-edges (the
 * stage-total factor of each edge; 1 when absent).
 */
export function propagateFlows(plan: FlowPlan, w: Float64Array, sourceScale?: Float64Array): Float64Array {
  const flow = new Float64Array(plan.edges.length);
  for (const v of plan.order) {
    if (!v.source) continue;
    for (const e of v.outs) flow[e] = (w[e] as number) * (sourceScale ? (sourceScale[e] as number) : 1);
  }
  const sweep = (): number => {
    let change = 0;
    for (const v of plan.order) {
      if (v.source || v.outs.length === 0) continue;
      let inflow = 0;
      for (const e of v.ins) inflow += flow[e] as number;
      let weights = 0;
      for (const e of v.outs) weights += w[e] as number;
      const out = inflow * v.yield;
      for (const e of v.outs) {
        const next = weights > 0 ? (out * (w[e] as number)) / weights : 0;
        const previous = flow[e] as number;
        change = Math.max(change, Math.abs(next - previous) / Math.max(1, Math.abs(next)));
        flow[e] = next;
      }
    }
    return change;
  };
  sweep();
  if (!plan.cyclic) return flow;
  for (let sweeps = 1; sweep() > TOLERANCE; sweeps++) {
    if (sweeps >= MAX_SWEEPS) throw new ComputationError(`uncertainty/consistent-flows: member flows did not converge in ${MAX_SWEEPS} sweeps (a loop keeps or gains all its flow)`);
  }
  return flow;
}
