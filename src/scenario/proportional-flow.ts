/**
 * Proportional flow: the no-rerouting bound on delivered supply (Leontief on inputs).
 *
 * Every edge keeps carrying a fraction of its nominal `flow` (t/yr, a volume): no
 * shipment moves to another route and no node changes its recipe. Each node passes on
 * the same fraction f(v) of its nominal output as the fraction of its scarcest input
 * material that still arrives (inputs are complements, as in a Leontief production
 * function: a magnet plant without its Dy/Tb makes no magnets, whatever NdPr arrives):
 *
 *   after(e = u -> v) = flow_e x min(f(u), pass_e)
 *   got_k(v) = sum_{e into v, material k} after(e) / sum_{e into v, material k} flow_e
 *   f(v) = min(limit_v, min over materials k with nominal in-flow > 0 of got_k(v))
 *   f(v) = limit_v                when v has no in-edge or its nominal in-flow is 0
 *
 * Suppliers of one material still average by flow (they are substitutes), so a node
 * whose in-edges all carry one material (edges without `material` are the material "")
 * keeps the flow-weighted average of the earlier model. The materials are those of the
 * nominal (baseline) in-flows, i.e. the node's default recipe (`allocation/recipes.ts`);
 * explicit alternative recipes are not used here (no substitution without rerouting).
 *
 * pass_e is 1 for an open edge, 0 for a cut one and the quota share s for a capped one:
 * a quota lets through at most s x flow_e, so an edge whose exporter already runs at
 * f(u) < s is not reduced further (min, not product; with f(u) = 1 they agree). limit_v
 * is 1, 0 for an offline node, min(1, k) for a node scaled by k: a node at k of its
 * capacity passes at most k of its nominal output whatever arrives. A node whose nominal
 * in-flow is 0 but which has in-edges produces from nothing the data traces, so no
 * upstream loss reaches it: it is treated as a source.
 *
 * delivered to a sink t = f(t) x (nominal in-flow of t). With no action (pass = limit =
 * 1) every f is 1 and delivered equals the observed flow into the sinks.
 *
 * Cycles: the equations may have many solutions; the one taken is the GREATEST fixed
 * point, found by iterating from f = limit downward (the map is monotone, so the sweeps
 * decrease to it). Sweeps visit nodes in depth-first topological order, so an acyclic
 * graph takes two sweeps (the second checks). The iteration stops when no f changes by
 * more than `tolerance` (1e-12) in a sweep; on a cycle that loses a share r of its flow
 * per turn the error left is at most tolerance x r / (1 - r). More than `maxSweeps`
 * (100,000) sweeps is a ComputationError. Consequence: a loop whose in-flow all comes
 * from within the loop keeps f = 1 (nothing says it lost supply), while a loop fed from
 * outside goes to 0 when that feed is cut, however much it circulates.
 *
 * Stocks (the monthly model, `src/timeline/`): with `reserve`, a node may also draw on a
 * stock worth reserve_v of its nominal in-flow, held in its baseline input mix (so it adds
 * reserve_v to every material's got_k):
 *   received_v = min over materials k of got_k(v)
 *   f(v) = min(limit_v, received_v + reserve_v)
 * (still monotone, so the same iteration applies); `received` reports received_v, and the
 * draw is f(v) - received_v when positive. Nodes without nominal in-flow have no draw.
 *
 * References: Leontief, "Quantitative input and output relations in the economic system
 * of the United States", Rev. Econ. Stat. 18 (1936) 105-125; the greatest fixed point of a monotone map on a complete lattice (Tarski,
 * Pacific J. Math. 5 (1955) 285-309), reached by Kleene iteration from the top element.
 */
import { ComputationError, UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { requireSupplyChain } from '../model/supply-chain.js';

export interface ProportionalOptions {
  /** pass_e per edge key; missing edges pass 1. */
  pass?: Record<string, number>;
  /** limit_v per node key; missing nodes have limit 1. */
  limit?: Record<string, number>;
  /** reserve_v per node key: stock a node may draw, as a fraction of its nominal in-flow; missing nodes 0. */
  reserve?: Record<string, number>;
  /** Stop when no f changes by more than this in a sweep. */
  tolerance?: number;
  /** Most sweeps before giving up. */
  maxSweeps?: number;
}

const DEFAULTS = { tolerance: 1e-12, maxSweeps: 100_000 };
const KNOWN = new Set(['pass', 'limit', 'reserve', 'tolerance', 'maxSweeps']);

export interface ProportionalResult {
  /** f(v) per node, 0..1. */
  fraction: Record<string, number>;
  /** received_v per node with nominal in-flow: the fraction of it that arrives, before any stock is drawn. */
  received: Record<string, number>;
  /** after(e) per edge, t/yr. */
  edgeFlow: Record<string, number>;
  /** Delivered to each sink (no out-edge, at least one in-edge). */
  bySink: Record<string, number>;
  /** Sum of bySink. */
  delivered: number;
  /** Sweeps made. */
  sweeps: number;
}

/** Nodes in depth-first topological order (reverse postorder); on cycles, some order. */
function topologicalOrder(graph: SupplyGraph): string[] {
  const seen = new Set<string>();
  const post: string[] = [];
  const roots = [...graph.filterNodes((node) => graph.inDegree(node) === 0), ...graph.nodes()];
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: [string, string[]][] = [[root, graph.outNeighbors(root)]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [string, string[]];
      const next = top[1].pop();
      if (next === undefined) {
        post.push(top[0]);
        stack.pop();
      } else if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, graph.outNeighbors(next)]);
      }
    }
  }
  return post.reverse();
}

/** The proportional (no-rerouting) flow of `graph` under pass fractions and node limits. */
export function proportionalFlow(graph: SupplyGraph, options: ProportionalOptions = {}): ProportionalResult {
  requireSupplyChain(graph, 'proportional bound', ['flow']);
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`scenario/proportional-flow: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  const maxSweeps = options.maxSweeps ?? DEFAULTS.maxSweeps;
  const pass = options.pass ?? {};
  const limitOf = (node: string) => options.limit?.[node] ?? 1;
  const reserveOf = (node: string) => options.reserve?.[node] ?? 0;
  const order = topologicalOrder(graph);
  const inEdges = new Map<string, { edge: string; source: string; flow: number; material: number }[]>();
  const nominalIn = new Map<string, number>();
  /** Nominal in-flow per material (indexed as the edges' `material` numbers) of each node. */
  const nominalByMaterial = new Map<string, number[]>();
  for (const node of order) {
    const materials = new Map<string, number>();
    const edges = graph.mapInEdges(node, (edge, a, source) => {
      const key = a.material ?? '';
      const material = materials.get(key) ?? materials.set(key, materials.size).get(key) ?? 0;
      return { edge, source, flow: a.flow, material };
    });
    const byMaterial: number[] = Array.from({ length: materials.size }, () => 0);
    for (const e of edges) byMaterial[e.material] = (byMaterial[e.material] ?? 0) + e.flow;
    inEdges.set(node, edges);
    nominalIn.set(node, edges.reduce((total, e) => total + e.flow, 0));
    nominalByMaterial.set(node, byMaterial);
  }
  const fraction: Record<string, number> = {};
  const received: Record<string, number> = {};
  for (const node of order) fraction[node] = limitOf(node);

  let sweeps = 0;
  for (let change = Infinity; change > tolerance; ) {
    if (sweeps >= maxSweeps) {
      throw new ComputationError(`scenario/proportional-flow: did not converge in ${maxSweeps} sweeps (last change ${change})`);
    }
    sweeps += 1;
    change = 0;
    for (const node of order) {
      const total = nominalIn.get(node) ?? 0;
      if (total <= 0) continue;
      const nominal = nominalByMaterial.get(node) ?? [];
      const arrived: number[] = nominal.map(() => 0);
      for (const e of inEdges.get(node) ?? []) arrived[e.material] = (arrived[e.material] ?? 0) + e.flow * Math.min(fraction[e.source] ?? 0, pass[e.edge] ?? 1);
      let got = Infinity;
      nominal.forEach((expected, k) => {
        if (expected > 0) got = Math.min(got, (arrived[k] ?? 0) / expected);
      });
      received[node] = got;
      const next = Math.min(limitOf(node), got + reserveOf(node));
      const previous = fraction[node] ?? 0;
      change = Math.max(change, Math.abs(previous - next));
      fraction[node] = next;
    }
  }

  const edgeFlow: Record<string, number> = {};
  graph.forEachEdge((edge, a, source) => {
    edgeFlow[edge] = a.flow * Math.min(fraction[source] ?? 0, pass[edge] ?? 1);
  });
  const bySink: Record<string, number> = {};
  let delivered = 0;
  graph.forEachNode((node) => {
    if (graph.outDegree(node) > 0 || graph.inDegree(node) === 0) return;
    const value = (fraction[node] ?? 0) * (nominalIn.get(node) ?? 0);
    bySink[node] = value;
    delivered += value;
  });
  return { fraction, received, edgeFlow, bySink, delivered, sweeps };
}
