/**
 * Scenario sweep: every country (or node) in turn taken offline or embargoed, ranked by
 * the loss of delivered supply under the three bounds of `evaluate.ts`.
 *
 *   loss(x) = (baseline - delivered with x's action) / baseline,   for maxFlow, allocation
 *                                                                  (objective total) and proportional
 *
 * by country: each country with an active node; action disableCountry, or embargo (all of
 * its exports, every material, to every other country). by node: each active node that
 * is not a sink (a sink's loss is only its own share of delivery); action disableNode
 * (an embargo is a country's act, so by node + embargo is a usage error).
 * Rows are sorted by the loss under `bound` (default maxFlow, the loss that survives
 * perfect rerouting), then the other bounds in the order maxFlow, allocation,
 * proportional, then id; `rank` gives each row's competition rank ("1224") under
 * each bound, equal losses (within 1e-12) sharing a rank.
 * The disable sweep's maxFlow loss equals knockoutLoss (`knockout.ts`) of the node or
 * country: both keep the sources and sinks of the active graph.
 *
 * With `weight: 'value'` the delivered supply is read in USD/yr (`value.ts`): each
 * sink's delivery times its unit value w(t), summed over the sinks, before and after;
 * losses and ranks are then losses of value, and `prices` lists the prices used.
 *
 * The sweep is a plan (`planSweep`: options, baseline, items), each item's delivered
 * supply (`sweepTotals`: independent of the other items) and the ranking (`finishSweep`),
 * so sweep-parallel.ts can split the items over worker threads and get the same result.
 */
import { ComputationError, UsageError } from '../model/errors.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import { applyScenario, type AppliedScenario } from './apply-scenario.js';
import { BOUNDS, sinkSupplies, supplyTotals, type Bound } from './evaluate.js';
import { noPriceNotes, unitValues, valueOf, WEIGHTS, type Weight } from './value.js';
import type { ScenarioAction } from './schema.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { unitOf } from '../model/units.js';

export const SWEEP_BY = ['country', 'node'] as const;
export const SWEEP_MODES = ['disable', 'embargo'] as const;

export interface SweepOptions {
  /** What is taken out in turn. Default 'country'. */
  by?: (typeof SWEEP_BY)[number];
  /** What happens to it. Default 'disable'. */
  mode?: (typeof SWEEP_MODES)[number];
  /** The bound rows are sorted by. Default 'maxFlow'. */
  bound?: Bound;
  /** Tonnes (default) or value (USD/yr, from the graph's prices). */
  weight?: Weight;
  /** Called after each item with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface SweepRow {
  /** Country code or node key. */
  id: string;
  label: string;
  /** Active nodes concerned (1 by node). */
  nodes: number;
  scenario: Record<Bound, number>;
  loss: Record<Bound, number>;
  rank: Record<Bound, number>;
}

/** What a sweep's plan and its result share: the resolved options and the baseline totals. */
interface SweepHead {
  by: (typeof SWEEP_BY)[number];
  mode: (typeof SWEEP_MODES)[number];
  /** The bound the rows are sorted by. */
  bound: Bound;
  /** What delivered supply is counted in: tonnes (the graph's unit) or value (USD/yr). */
  weight: Weight;
  unit: string;
  baseline: Record<Bound, number>;
  /** With weight value: the prices used, one line per material. */
  prices?: string[];
}

export interface SweepResult extends SweepHead {
  rows: SweepRow[];
}

const KNOWN = new Set(['by', 'mode', 'bound', 'weight', 'onProgress']);
const TIE = 1e-12;

function resolve(options: SweepOptions): Required<Omit<SweepOptions, 'onProgress'>> {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`scenario/sweep: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const by = options.by ?? 'country';
  const mode = options.mode ?? 'disable';
  const bound = options.bound ?? 'maxFlow';
  const weight = options.weight ?? 'tonnes';
  if (!WEIGHTS.includes(weight)) throw new UsageError(`scenario/sweep: weight must be one of ${WEIGHTS.join(', ')} (got ${String(weight)})`);
  if (!BOUNDS.includes(bound)) throw new UsageError(`scenario/sweep: bound must be one of ${BOUNDS.join(', ')} (got ${String(bound)})`);
  if (!SWEEP_BY.includes(by)) throw new UsageError(`scenario/sweep: by must be one of ${SWEEP_BY.join(', ')} (got ${String(by)})`);
  if (!SWEEP_MODES.includes(mode)) throw new UsageError(`scenario/sweep: mode must be one of ${SWEEP_MODES.join(', ')} (got ${String(mode)})`);
  if (by === 'node' && mode === 'embargo') throw new UsageError('scenario/sweep: an embargo is imposed by a country; use by country with mode embargo, or mode disable by node');
  return { by, mode, bound, weight };
}

/** Competition ranks of `values`, largest first. */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const result = new Array<number>(values.length);
  order.forEach(([v, i], position) => {
    const previous = order[position - 1];
    result[i] = previous && previous[0] - v <= TIE ? (result[previous[1]] as number) : position + 1;
  });
  return result;
}

/** One item of a sweep: what is taken out, and the scenario action that does it. */
export interface SweepItem {
  id: string;
  label: string;
  nodes: number;
  action: ScenarioAction;
}

/**
 * What a sweep computes, decided once (in the calling thread; a worker gets the items it
 * evaluates): the resolved options, the baseline totals and the items in sweep order.
 */
export interface SweepPlan extends SweepHead {
  items: SweepItem[];
}

/**
 * Delivered supply of `applied` under each bound, counted as `weight` asks (tonnes, or
 * value at the unit values of the baseline graph); `base` is the baseline scenario.
 */
function totalsOf(base: AppliedScenario, weight: Weight): (applied: AppliedScenario) => Record<Bound, number> {
  const values = weight === 'value' ? unitValues(base.graph) : null;
  return (applied) => {
    if (!values) return supplyTotals(applied, base.graph);
    const bySink = sinkSupplies(applied, base.graph);
    return { maxFlow: valueOf(bySink.maxFlow, values), allocation: valueOf(bySink.allocation, values), proportional: valueOf(bySink.proportional, values) };
  };
}

/** The plan of the sweep of `graph` (options checked, baseline evaluated, items listed). The graph is not changed. */
export function planSweep(graph: SupplyGraph, options: SweepOptions = {}): SweepPlan {
  return prepareSweep(graph, options).plan;
}

/** The plan, and the baseline scenario it was made from (reused by a sweep in the same thread). */
function prepareSweep(graph: SupplyGraph, options: SweepOptions): { plan: SweepPlan; base: AppliedScenario } {
  requireSupplyChain(graph, 'sweep');
  const { by, mode, bound, weight } = resolve(options);
  const base = applyScenario(graph, { name: 'baseline', actions: [] });
  const values = weight === 'value' ? unitValues(base.graph) : null;
  const baseline = totalsOf(base, weight)(base);
  if (baseline.maxFlow <= 0 || baseline.proportional <= 0 || baseline.allocation <= 0) throw new ComputationError('scenario/sweep: the baseline delivers nothing to the sinks, so a loss is undefined');
  const names = graph.getAttribute('countries') ?? {};
  const items: SweepItem[] = [];
  if (by === 'node') {
    base.graph.forEachNode((node, a) => {
      if (base.graph.outDegree(node) > 0) items.push({ id: node, label: nodeLabel(node, a), nodes: 1, action: { type: 'disableNode', node } });
    });
  } else {
    const counts = new Map<string, number>();
    base.graph.forEachNode((_node, a) => counts.set(a.country, (counts.get(a.country) ?? 0) + 1));
    for (const [country, nodes] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      const action: ScenarioAction = mode === 'embargo' ? { type: 'embargo', from: country } : { type: 'disableCountry', country };
      items.push({ id: country, label: names[country]?.name ?? country, nodes, action });
    }
  }
  const unit = values ? 'USD/yr' : unitOf(graph.getAttributes());
  const plan: SweepPlan = { by, mode, bound, weight, unit, baseline, items, ...(values ? { prices: [...values.prices, ...noPriceNotes(base.graph, values)] } : {}) };
  return { plan, base };
}

/**
 * Delivered supply under each bound with each of `actions` applied alone to `graph`
 * (counted as `weight` asks), in the order given; `onItem` is called after each. The part
 * of a sweep that a worker thread runs on its share of the items (sweep-parallel.ts).
 */
export function sweepTotals(graph: SupplyGraph, actions: readonly ScenarioAction[], weight: Weight, onItem?: () => void): Record<Bound, number>[] {
  return totalsWith(graph, applyScenario(graph, { name: 'baseline', actions: [] }), actions, weight, onItem);
}

function totalsWith(graph: SupplyGraph, base: AppliedScenario, actions: readonly ScenarioAction[], weight: Weight, onItem?: () => void): Record<Bound, number>[] {
  const totals = totalsOf(base, weight);
  return actions.map((action, index) => {
    const scenario = totals(applyScenario(graph, { name: `sweep item ${index}`, actions: [action] }));
    onItem?.();
    return scenario;
  });
}

/** The sweep's result from its plan and each item's delivered supply (`scenarios[i]` for `plan.items[i]`): losses, ranks, order. */
export function finishSweep(plan: SweepPlan, scenarios: readonly Record<Bound, number>[]): SweepResult {
  const { by, mode, bound, weight, unit, baseline, items } = plan;
  if (scenarios.length !== items.length) throw new Error(`scenario/sweep: ${scenarios.length} results for ${items.length} items`);
  const rows: SweepRow[] = items.map((item, index) => {
    const scenario = scenarios[index] as Record<Bound, number>;
    const lossOf = (b: Bound) => (baseline[b] - scenario[b]) / baseline[b];
    const loss = { maxFlow: lossOf('maxFlow'), allocation: lossOf('allocation'), proportional: lossOf('proportional') };
    return { id: item.id, label: item.label, nodes: item.nodes, scenario, loss, rank: { maxFlow: 0, allocation: 0, proportional: 0 } };
  });
  const rankBy = Object.fromEntries(BOUNDS.map((b) => [b, ranks(rows.map((r) => r.loss[b]))])) as Record<Bound, number[]>;
  rows.forEach((row, i) => (row.rank = { maxFlow: rankBy.maxFlow[i] as number, allocation: rankBy.allocation[i] as number, proportional: rankBy.proportional[i] as number }));
  const order: Bound[] = [bound, ...BOUNDS.filter((b) => b !== bound)];
  rows.sort((a, b) => {
    for (const key of order) if (b.loss[key] !== a.loss[key]) return b.loss[key] - a.loss[key];
    return a.id.localeCompare(b.id);
  });
  return { by, mode, bound, weight, unit, baseline, rows, ...(plan.prices ? { prices: plan.prices } : {}) };
}

/** Runs the sweep (see the header) in the calling thread. The graph is not changed. */
export function sweepScenarios(graph: SupplyGraph, options: SweepOptions = {}): SweepResult {
  const { plan, base } = prepareSweep(graph, options);
  let done = 0;
  const scenarios = totalsWith(
    graph,
    base,
    plan.items.map((item) => item.action),
    plan.weight,
    () => options.onProgress?.(++done, plan.items.length),
  );
  return finishSweep(plan, scenarios);
}
