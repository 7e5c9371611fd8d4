/**
 * Value weighting: reads delivered supply and losses in money (USD/yr) as well as in
 * tonnes, from prices per material (the graph's `prices` attribute, `model/schema.ts`).
 *
 * A price is either a figure `{ value, unit: "USD/kg", source, year }` or
 * `{ from: "inputs", source }`: the material is worth the rare-earth content it is made
 * of (a magnet, a catalyst, finished goods: their price is not the price of their REO).
 * The unit value (USD per t of the graph's unit, t REO) of an edge e = u -> v and of
 * the output of a node u:
 *
 *   p(e) = 1000 x value(material_e)                 material priced by a figure (USD/kg -> USD/t)
 *   p(e) = w(u)                                     material priced `from: inputs`
 *   w(u) = sum_{e into u} flow_e x p(e) / sum_{e into u} flow_e      (nominal in-flow > 0)
 *
 * A material without a row in `prices` is an error (UsageError naming it), never a silent
 * 0. A material valued from its inputs on an edge whose source has no in-flow (a mine of a
 * material with no published price) has **no price**: p(e) counts 0, and the share of each
 * node's flow that carries such content, `unpriced`, propagates like w (flow-weighted);
 * `noPrice` lists those edges so every value figure can say what it leaves out. Cycles: w is the least fixed point of a
 * monotone linear map, found by Gauss-Seidel sweeps from 0 (two sweeps when acyclic);
 * stops when no w changes by more than 1e-9 relative; 100,000 sweeps is a ComputationError.
 *
 * The value of what a sink t receives is delivered_t x w(t): every tonne a sink receives
 * or loses is worth its baseline average tonne (its in-flow mix at baseline flows). The
 * value delivered under a bound is the sum over sinks; for max flow and allocation the
 * split between sinks is the one optimum found (optima are not unique, `evaluate.ts`), for
 * the proportional bound it is unique.
 */
import { ComputationError, UsageError } from '../model/errors.js';
import { activeSubgraph, type SupplyGraph } from '../model/graph.js';
import type { ScenarioResult } from './evaluate.js';
import type { PriceInfo } from '../model/schema.js';

/** What losses and rankings are weighted by. */
export const WEIGHTS = ['tonnes', 'value'] as const;
export type Weight = (typeof WEIGHTS)[number];

export function parseWeight(text: string, flag = '--weight'): Weight {
  if (!(WEIGHTS as readonly string[]).includes(text)) throw new UsageError(`${flag}: expected one of ${WEIGHTS.join(', ')} (got "${text}")`);
  return text as Weight;
}

export interface UnitValues {
  /** w(u), USD per t, per node with nominal in-flow (sinks included). */
  node: Record<string, number>;
  /** Which prices were used, one line per material: "Dy oxide: 260 USD/kg (USGS MCS 2025, 2024)". */
  prices: string[];
  /** Materials valued from their inputs. */
  fromInputs: string[];
  /** Share of each node's flow whose value is unknown (content with no price), 0..1. */
  unpriced: Record<string, number>;
  /** "material from node": edges with no price (valued from inputs, but their source has none). */
  noPrice: string[];
}

const MAX_SWEEPS = 100_000;
const TOLERANCE = 1e-9;

/** One line per price, for the outputs: which prices a value figure uses. */
export function describePrice(material: string, price: PriceInfo): string {
  return 'value' in price ? `${material}: ${price.value} ${price.unit} (${price.source}, ${price.year})` : `${material}: valued at its inputs (${price.source})`;
}

/**
 * w(u) of every node with in-flow (see the header). Throws UsageError naming the graph's
 * materials without a price (or a graph with no `prices` at all).
 */
export function unitValues(graph: SupplyGraph): UnitValues {
  const prices = graph.getAttribute('prices');
  const name = graph.getAttribute('name') ?? 'the graph';
  if (!prices || Object.keys(prices).length === 0) throw new UsageError(`value weighting: ${name} has no "prices" attribute (material -> { value, unit: "USD/kg", source, year }); read it in tonnes, or add prices (docs/format.md)`);
  const missing = new Set<string>();
  graph.forEachEdge((_e, a) => {
    const material = a.material ?? '';
    if (prices[material] === undefined) missing.add(material === '' ? '(edges without a material)' : material);
  });
  if (missing.size > 0) throw new UsageError(`value weighting: ${name} has no price for ${[...missing].sort().map((m) => `"${m}"`).join(', ')} (give a figure or { "from": "inputs" })`);
  const noPrice = new Set<string>();
  graph.forEachEdge((_e, a, source) => {
    const p = prices[a.material ?? ''];
    if (p !== undefined && !('value' in p) && graph.inDegree(source) === 0) noPrice.add(`${a.material ?? ''} from ${source}`);
  });

  const nodes = graph.filterNodes((node) => graph.inDegree(node) > 0);
  const inputs = new Map(
    nodes.map((node) => {
      const edges = graph.mapInEdges(node, (_e, a, source) => {
        const p = prices[a.material ?? ''] as PriceInfo;
        return { flow: a.flow, fixed: 'value' in p ? 1000 * p.value : null, source };
      });
      return [node, { edges, total: edges.reduce((s, e) => s + e.flow, 0) }] as const;
    }),
  );
  const w: Record<string, number> = {};
  const unpriced: Record<string, number> = {};
  for (const node of nodes) {
    w[node] = 0;
    unpriced[node] = 0;
  }
  // A source (no in-flow) passes on no price: its from-inputs edges are unpriced content.
  const unpricedOf = (source: string) => (graph.inDegree(source) === 0 ? 1 : (unpriced[source] ?? 0));
  for (let sweeps = 0, change = Infinity; change > TOLERANCE; sweeps++) {
    if (sweeps >= MAX_SWEEPS) throw new ComputationError(`scenario/value: unit values did not converge in ${MAX_SWEEPS} sweeps`);
    change = 0;
    for (const node of nodes) {
      const { edges, total } = inputs.get(node) ?? { edges: [], total: 0 };
      if (total <= 0) continue;
      const next = edges.reduce((s, e) => s + e.flow * (e.fixed ?? w[e.source] ?? 0), 0) / total;
      const share = edges.reduce((s, e) => s + e.flow * (e.fixed === null ? unpricedOf(e.source) : 0), 0) / total;
      change = Math.max(change, Math.abs(next - (w[node] ?? 0)) / Math.max(1, Math.abs(next)), Math.abs(share - (unpriced[node] ?? 0)));
      w[node] = next;
      unpriced[node] = share;
    }
  }
  const used = new Set(graph.mapEdges((_e, a) => a.material ?? ''));
  const materials = Object.keys(prices).filter((m) => used.has(m)).sort();
  return {
    node: w,
    prices: materials.map((m) => describePrice(m, prices[m] as PriceInfo)),
    fromInputs: materials.filter((m) => !('value' in (prices[m] as PriceInfo))),
    unpriced,
    noPrice: [...noPrice].sort(),
  };
}

/**
 * One line per edge with no price, with the largest share of a sink's baseline in-flow
 * that carries such content: what every value figure leaves out.
 */
export function noPriceNotes(graph: SupplyGraph, values: UnitValues): string[] {
  if (values.noPrice.length === 0) return [];
  let worst: [string, number] = ['', 0];
  graph.forEachNode((node) => {
    const share = values.unpriced[node] ?? 0;
    if (graph.outDegree(node) === 0 && share > worst[1]) worst = [node, share];
  });
  return [`no price: ${values.noPrice.join(', ')}; that content is left out of the value (up to ${(worst[1] * 100).toFixed(1)}% of a sink's in-flow, ${worst[0]})`];
}

/** sum over sinks of delivered_t x w(t), USD/yr. */
export function valueOf(bySink: Record<string, number>, values: UnitValues): number {
  let total = 0;
  for (const [sink, delivered] of Object.entries(bySink)) total += delivered * (values.node[sink] ?? 0);
  return total;
}

type Figures = Record<'maxFlow' | 'allocation' | 'proportional', number>;
type Losses = Record<'maxFlow' | 'allocation' | 'proportional', number | null>;

export interface EndUseValue {
  endUse: string;
  /** w_E: the end use's unit value, USD/t: its sinks' w(t) weighted by their baseline observed in-flow. */
  unitValue: number;
  baseline: Figures;
  scenario: Figures;
  loss: Losses;
}

/** The country lens (`country-lens.ts`) read in value. */
export interface LensValue {
  country: string;
  /** w_c: the country's sinks' unit value weighted by their baseline observed in-flow, USD/t. */
  unitValue: number;
  total: { baseline: Figures; scenario: Figures; loss: Losses };
  /** Per end use of the country, largest proportional value lost first (then by name). */
  byEndUse: EndUseValue[];
}

/** A scenario result read in value (`scenario --weight value`, `POST .../scenario?weight=value`). */
export interface ValueReading {
  unit: 'USD/yr';
  /** The prices used, one line per material, then any "no price" note. */
  prices: string[];
  total: { baseline: Figures; scenario: Figures; loss: Losses };
  /** Per end use, largest proportional value lost first (then by name). */
  byEndUse: EndUseValue[];
  /** With a country lens: the lens read in value. */
  lens?: LensValue;
}

interface GroupLike {
  sinks: string[];
  baseline: Figures;
  scenario: Figures;
}

interface ResultLike {
  baseline: { bySink: Record<string, { maxFlow: number; allocation: number; proportional: number }> };
  scenario: { bySink: Record<string, { maxFlow: number; allocation: number; proportional: number }> };
  loss: { byEndUse: (GroupLike & { endUse: string })[] };
  lens?: GroupLike & { country: string; byEndUse: (GroupLike & { endUse: string })[] };
}

type BoundKey = 'maxFlow' | 'allocation' | 'proportional';
const lossOf = (before: number, after: number): number | null => (before > 0 ? (before - after) / before : null);
const losses = (b: Figures, s: Figures): Losses => ({ maxFlow: lossOf(b.maxFlow, s.maxFlow), allocation: lossOf(b.allocation, s.allocation), proportional: lossOf(b.proportional, s.proportional) });

/**
 * A group of sinks (an end use, or a lens country's end uses) read in value: its tonnes
 * per bound x w_G, where w_G = sum_t baseline_t x w(t) / sum_t baseline_t over its sinks t
 * (baseline observed in-flow; the plain mean of w(t) when that is 0).
 */
function groupValue(group: GroupLike, result: ResultLike, values: UnitValues): { unitValue: number; baseline: Figures; scenario: Figures; loss: Losses } {
  const weight = group.sinks.reduce((s, t) => s + (result.baseline.bySink[t]?.proportional ?? 0), 0);
  const unitValue =
    weight > 0
      ? group.sinks.reduce((s, t) => s + (result.baseline.bySink[t]?.proportional ?? 0) * (values.node[t] ?? 0), 0) / weight
      : group.sinks.reduce((s, t) => s + (values.node[t] ?? 0), 0) / Math.max(1, group.sinks.length);
  const scale = (f: Figures): Figures => ({ maxFlow: f.maxFlow * unitValue, allocation: f.allocation * unitValue, proportional: f.proportional * unitValue });
  const b = scale(group.baseline);
  const s = scale(group.scenario);
  return { unitValue, baseline: b, scenario: s, loss: losses(b, s) };
}

/** End uses in value, largest proportional value lost first (then by name). */
function endUseValues(list: ResultLike['loss']['byEndUse'], result: ResultLike, values: UnitValues): EndUseValue[] {
  const byEndUse = list.map((e): EndUseValue => ({ endUse: e.endUse, ...groupValue(e, result, values) }));
  const lost = (e: EndUseValue) => e.baseline.proportional - e.scenario.proportional;
  return byEndUse.sort((x, y) => lost(y) - lost(x) || x.endUse.localeCompare(y.endUse));
}

/**
 * A scenario result (`evaluate.ts`) in USD/yr: the total as sum_t delivered_t x w(t) per
 * bound (the sinks' split as found), and each end use E as its tonnes x w_E, where w_E is
 * its sinks' unit value weighted by their baseline observed in-flow (so an end use's loss
 * fraction is the same in value as in tonnes; what changes is how end uses rank). With a
 * country lens, the lens total is read the same way as an end use: the lens tonnes per
 * bound (c served alone, `country-lens.ts`) x w_c over the country's sinks, so its loss
 * fraction equals the tonnes one and its USD/yr figures say how much is at stake; the
 * lens end uses as above. `graph` is the graph the result was computed on (its prices
 * and baseline flows).
 */
export function valueReading(graph: SupplyGraph, result: ResultLike): ValueReading {
  const values = unitValues(graph);
  const sum = (side: ResultLike['baseline'], bound: BoundKey) => valueOf(Object.fromEntries(Object.entries(side.bySink).map(([s, v]) => [s, v[bound]])), values);
  const figures = (side: ResultLike['baseline']): Figures => ({ maxFlow: sum(side, 'maxFlow'), allocation: sum(side, 'allocation'), proportional: sum(side, 'proportional') });
  const baseline = figures(result.baseline);
  const scenario = figures(result.scenario);
  const reading: ValueReading = {
    unit: 'USD/yr',
    prices: [...values.prices, ...noPriceNotes(graph, values)],
    total: { baseline, scenario, loss: losses(baseline, scenario) },
    byEndUse: endUseValues(result.loss.byEndUse, result, values),
  };
  if (result.lens) {
    const { unitValue, ...total } = groupValue(result.lens, result, values);
    reading.lens = { country: result.lens.country, unitValue, total, byEndUse: endUseValues(result.lens.byEndUse, result, values) };
  }
  return reading;
}

/** A scenario result with its value reading (`scenario --weight value --format json`, `POST .../scenario?weight=value`). */
export type ValuedResult = ScenarioResult & { value?: ValueReading };

/**
 * The result with its value reading when `weight` is value (else as it is): the one place
 * the CLI and the server read a result in value. `graph` is the graph the scenario was
 * evaluated on (its active subgraph carries the baseline flows and prices).
 */
export function withValue(graph: SupplyGraph, result: ScenarioResult, weight: Weight): ValuedResult {
  return weight === 'value' ? { ...result, value: valueReading(activeSubgraph(graph), result) } : result;
}
