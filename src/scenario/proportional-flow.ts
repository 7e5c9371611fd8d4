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
 * nominal (baseline) in-flows, i.e. the node's default recipe (`allocation/recipes.ts`).
 *
 * Alternative recipes (a node whose explicit `recipes` all carry a `baseline` activity,
 * e.g. a separation plant with one recipe per ore feed, a magnet plant with one per
 * grade): the MIN over inputs applies within a recipe, and across recipes each keeps
 * its baseline share of the node's activity, scaled by its own input fraction:
 *
 *   g_r(v) = min over input materials k of r with nominal in-flow > 0 of got_k(v)
 *   w_r    = baseline_r / sum of baseline_r' over the counted recipes r'
 *   received_v = sum over r of w_r x g_r(v)        (instead of min over all k of got_k)
 *   f(v)   = min(limit_v, received_v + reserve_v)
 *
 * and each output material m leaves in the proportion in which the recipes made it:
 *
 *   c_rm   = baseline_r b_rm / sum over r' of baseline_r' b_r'm   (b_rm: r's output share of m;
 *            a recipe without `outputs` has the node's nominal out-flow shares)
 *   f_m(v) = min(limit_v, sum over r of c_rm x g_r(v) + reserve_v)
 *   after(e = v -> w, material m) = flow_e x min(f_m(v), pass_e)     (f(v) when no recipe makes m)
 *
 * so a magnet plant whose Dy is cut still ships its Dy-free grade in full and none of its
 * Dy/Tb grades, and a separation plant ships each oxide in proportion to the feeds that
 * made it.
 *
 * Counted recipes: baseline > 0 and at least one input material with nominal in-flow
 * (a recipe whose every input has no nominal in-flow traces its activity to nothing in
 * the graph). With no counted recipe, or a recipe without `baseline`, the node takes the
 * rule above. Assumption: no substitution without rerouting: a recipe that loses its
 * feed is not replaced by running another one harder (the allocation bound does that),
 * and the outputs of one recipe scale together (joint products in the recipe's
 * proportions). A material arriving that no recipe uses does not limit the node. With
 * one counted recipe using every in-flow material this is the rule above exactly.
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
 *   received_v = min over materials k of got_k(v)   (with recipes: the weighted sum above)
 *   f(v) = min(limit_v, received_v + reserve_v)
 * (still monotone, so the same iteration applies: a weighted sum of minima of got_k); `received` reports received_v, and the
 * draw is f(v) - received_v when positive. Nodes without nominal in-flow have no draw.
 *
 * References: Leontief, "Quantitative input and output relations in the economic system
 * of the United States", Rev. Econ. Stat. 18 (1936) 105-125; the greatest fixed point of a monotone map on a complete lattice (Tarski,
 * Pacific J. Math. 5 (1955) 285-309), reached by Kleene iteration from the top element.
 */
import { ComputationError, UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { NodeAttributes } from '../model/schema.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { topologicalOrder } from '../model/topological-order.js';

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

/** One counted alternative recipe: its weight w_r and the numbers of its input materials with nominal in-flow. */
interface CountedRecipe {
  weight: number;
  inputs: number[];
}

/** The counted recipes of a node, and per output material m the recipes making it with their weights c_rm. */
interface RecipeMix {
  recipes: CountedRecipe[];
  byOutput: Map<string, { recipe: number; weight: number }[]>;
}

/**
 * The counted recipes of a node (see the header), or null when the node takes the
 * single-recipe rule (no explicit recipes, one without `baseline`, or none counted).
 * `outShares`: the node's nominal out-flow shares by material (the output shares of a
 * recipe without `outputs`).
 */
function recipeMix(recipes: NodeAttributes['recipes'], materials: ReadonlyMap<string, number>, nominal: readonly number[], outShares: ReadonlyMap<string, number>): RecipeMix | null {
  if (!recipes || recipes.length === 0 || recipes.some((r) => r.baseline === undefined)) return null;
  const counted: { baseline: number; inputs: number[]; outputs: [string, number][] }[] = [];
  for (const recipe of recipes) {
    const inputs = Object.keys(recipe.inputs)
      .map((m) => materials.get(m))
      .filter((k): k is number => k !== undefined && (nominal[k] ?? 0) > 0);
    if (!((recipe.baseline as number) > 0) || inputs.length === 0) continue;
    const shares: [string, number][] = recipe.outputs ? Object.entries(recipe.outputs) : [...outShares];
    const sum = shares.reduce((t, [, v]) => t + v, 0);
    counted.push({ baseline: recipe.baseline as number, inputs, outputs: sum > 0 ? shares.map(([m, v]) => [m, v / sum]) : [] });
  }
  const total = counted.reduce((sum, r) => sum + r.baseline, 0);
  if (counted.length === 0 || !(total > 0)) return null;
  // c_rm = baseline_r b_rm / sum over r' of baseline_r' b_r'm: recipe r's part of m's baseline output
  const made = new Map<string, { recipe: number; weight: number }[]>();
  counted.forEach((r, i) => {
    for (const [m, b] of r.outputs) (made.get(m) ?? made.set(m, []).get(m) ?? []).push({ recipe: i, weight: r.baseline * b });
  });
  for (const list of made.values()) {
    const sum = list.reduce((t, x) => t + x.weight, 0);
    for (const x of list) x.weight /= sum;
  }
  return { recipes: counted.map((r) => ({ weight: r.baseline / total, inputs: r.inputs })), byOutput: made };
}

/** 1 - sum of w (1 - g) over `terms` = sum of w g when the weights sum to 1, written so that no loss gives exactly 1; >= 0. */
function weighted(terms: readonly { weight: number; g: number }[]): number {
  let lost = 0;
  for (const t of terms) lost += t.weight * (1 - t.g);
  return Math.max(0, 1 - lost);
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
  const inEdges = new Map<string, { edge: string; source: string; flow: number; material: number; key: string }[]>();
  const nominalIn = new Map<string, number>();
  /** Nominal in-flow per material (indexed as the edges' `material` numbers) of each node. */
  const nominalByMaterial = new Map<string, number[]>();
  /** Counted alternative recipes of a node: weight w_r and the material numbers of its inputs. */
  const mixes = new Map<string, RecipeMix>();
  for (const node of order) {
    const materials = new Map<string, number>();
    const edges = graph.mapInEdges(node, (edge, a, source) => {
      const key = a.material ?? '';
      const material = materials.get(key) ?? materials.set(key, materials.size).get(key) ?? 0;
      return { edge, source, flow: a.flow, material, key };
    });
    const byMaterial: number[] = Array.from({ length: materials.size }, () => 0);
    for (const e of edges) byMaterial[e.material] = (byMaterial[e.material] ?? 0) + e.flow;
    inEdges.set(node, edges);
    nominalIn.set(node, edges.reduce((total, e) => total + e.flow, 0));
    nominalByMaterial.set(node, byMaterial);
    const recipes = graph.getNodeAttribute(node, 'recipes');
    if (recipes && recipes.length > 0) {
      const out = new Map<string, number>();
      graph.forEachOutEdge(node, (_e, a) => out.set(a.material ?? '', (out.get(a.material ?? '') ?? 0) + a.flow));
      const OUT = [...out.values()].reduce((t, v) => t + v, 0);
      const mix = recipeMix(recipes, materials, byMaterial, OUT > 0 ? new Map([...out].map(([m, v]) => [m, v / OUT])) : new Map());
      if (mix) mixes.set(node, mix);
    }
  }
  const fraction: Record<string, number> = {};
  const received: Record<string, number> = {};
  for (const node of order) fraction[node] = limitOf(node);
  /** g_r of each node with counted recipes (1 until its inputs are known). */
  const gs = new Map<string, number[]>([...mixes].map(([node, mix]) => [node, mix.recipes.map(() => 1)]));
  /** The fraction of its nominal out-flow of `material` that `node` ships: f_m(v) of the header, else f(v). */
  const shipped = (node: string, material: string): number => {
    const made = mixes.get(node)?.byOutput.get(material);
    const g = gs.get(node);
    if (!made || !g) return fraction[node] ?? 0;
    return Math.min(limitOf(node), weighted(made.map((x) => ({ weight: x.weight, g: g[x.recipe] as number }))) + reserveOf(node));
  };

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
      for (const e of inEdges.get(node) ?? []) arrived[e.material] = (arrived[e.material] ?? 0) + e.flow * Math.min(shipped(e.source, e.key), pass[e.edge] ?? 1);
      const share = (k: number) => (arrived[k] ?? 0) / (nominal[k] as number);
      const mix = mixes.get(node);
      let got = Infinity;
      if (mix) {
        const g = gs.get(node) as number[];
        mix.recipes.forEach((r, i) => {
          let next = Infinity;
          for (const k of r.inputs) next = Math.min(next, share(k));
          change = Math.max(change, Math.abs(next - (g[i] as number)));
          g[i] = next;
        });
        got = weighted(mix.recipes.map((r, i) => ({ weight: r.weight, g: g[i] as number })));
      } else {
        nominal.forEach((expected, k) => {
          if (expected > 0) got = Math.min(got, share(k));
        });
      }
      received[node] = got;
      const next = Math.min(limitOf(node), got + reserveOf(node));
      const previous = fraction[node] ?? 0;
      change = Math.max(change, Math.abs(previous - next));
      fraction[node] = next;
    }
  }

  const edgeFlow: Record<string, number> = {};
  graph.forEachEdge((edge, a, source) => {
    edgeFlow[edge] = a.flow * Math.min(shipped(source, a.material ?? ''), pass[edge] ?? 1);
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
