/**
 * Scenario evaluation: delivered supply before and after a scenario under three bounds.
 *
 * - maxFlow bound (optimistic, perfect rerouting through spare capacity, no recipes): maxFlow
 *   of the modified active graph (`apply-scenario.ts`, `max-flow.ts`; weights are capacities).
 * - allocation bound (realistic best case: rerouting through spare capacity, but every
 *   node obeys its recipes): the allocation LP (`allocation/solve-allocation.ts`) on the
 *   same graph, default recipes from the baseline flows, objective `total` or `fair`.
 *   Per end use (objective total): the end use served first (`servedFirstAllocation`,
 *   unique); with objective fair, its share of the fair optimum. Per sink: its share of
 *   the one optimum found (not unique under `total`).
 * - proportional bound (pessimistic, no rerouting, Leontief on inputs):
 *   `proportional-flow.ts` on the same graph (weights are nominal flows, i.e. volumes).
 *   Its baseline is the observed flow into the sinks.
 *
 *   loss = (baseline - scenario) / baseline      for each bound; negative = a gain
 *
 * Baseline = the active graph with no action. Per sink (a node with in-edges and no
 * out-edge): `maxFlow` is its share of the one maximum flow found (max flows are not
 * unique, so this split is one of many), `ownMaxFlow` the most it can get alone
 * (`sink-max-flow.ts`, unique); the per-sink and per-end-use max-flow losses use
 * ownMaxFlow. End uses are the sinks grouped by `sector` (label when absent, key when
 * unlabelled): e.g. the EV sinks of every country form one end use, served jointly.
 * A per-sink loss is null when its baseline is 0; a total baseline of 0 makes the loss
 * undefined: ComputationError. Bottlenecks are the nodes with the largest knockoutLoss
 * (`knockout.ts`) on the baseline and on the modified graph, sinks left out (a sink's
 * knockout is only its own share of delivery), found without the full table
 * (`knockout-top.ts`: exact, nodes ruled out by their throughput bound); stage concentration: `stage-change.ts`.
 */
import { bindingInput, type BindingInput } from '../allocation/binding-input.js';
import { OBJECTIVES, type Objective } from '../allocation/allocation-lp.js';
import { solveAllocation, type CountryShadowPrice } from '../allocation/solve-allocation.js';
import { ComputationError, UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { bottlenecks } from './bottlenecks.js';
import { endUseFigures, relativeLoss, type EndUseFigures } from './end-use-figures.js';
import { maxFlow } from '../metrics/flow/max-flow.js';
import { applyScenario, isOwnActiveGraph, type AppliedScenario, type ScenarioChange } from './apply-scenario.js';
import { proportionalFlow } from './proportional-flow.js';
import type { Scenario } from './schema.js';
import { countryLens, type CountryLens } from './country-lens.js';
import { allocationOf, completeSide, evaluateSide, remember, sinksOf, startSide, type PreparedBaseline, type Side, type SideStart } from './evaluation-side.js';
import { stageChanges, type StageChange } from './stage-change.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { unitOf } from '../model/units.js';

export type { PreparedBaseline } from './evaluation-side.js';

export interface EvaluateOptions {
  /** How many bottlenecks to list before and after. Default 10. */
  top?: number;
  /** A country code: also read the result for that country's end uses (`lens`, see `country-lens.ts`). */
  country?: string;
  /** Objective of the allocation LP: `total` (default) or `fair`. */
  objective?: Objective;
  /**
   * The baseline side computed once by `prepareBaseline` for this graph and objective
   * (results are the same as without it; the graph must not have changed since).
   */
  baseline?: PreparedBaseline;
}

/** The three bounds, in the order they are reported. */
export const BOUNDS = ['maxFlow', 'allocation', 'proportional'] as const;
export type Bound = (typeof BOUNDS)[number];

/** One line per bound on what it assumes (text report, map, docs). */
export const BOUND_ASSUMPTIONS: Record<Bound, string> = {
  maxFlow: 'max flow: perfect rerouting through spare capacity, no recipes (a magnet needs no Dy/Tb): optimistic',
  allocation: 'allocation: rerouting through spare capacity, every plant bound by its recipe (inputs in fixed proportions, alternatives where given): realistic best case',
  proportional: 'proportional: no rerouting, each plant runs at the share of its scarcest input that still arrives (Leontief): pessimistic',
};

export interface SinkSupply {
  /** Flow into the sink in the maximum flow found (one of many). */
  maxFlow: number;
  /** Max flow into this sink alone (unique). */
  ownMaxFlow: number;
  /** What the sink receives in the allocation optimum found (not unique under objective total). */
  allocation: number;
  proportional: number;
}

export interface Supply {
  maxFlow: number;
  allocation: number;
  proportional: number;
  /** The fair level lambda of the allocation LP (objective fair), else null. */
  fairLevel: number | null;
  bySink: Record<string, SinkSupply>;
}

export interface Loss {
  maxFlow: number | null;
  allocation: number | null;
  proportional: number | null;
}

export interface EndUseLoss {
  /** The sinks' `sector` (their label, or key, when they have none). */
  endUse: string;
  sinks: string[];
  baseline: { maxFlow: number; allocation: number; proportional: number };
  scenario: { maxFlow: number; allocation: number; proportional: number };
  loss: Loss;
  /** Under the allocation bound, what limits the sink of this end use that lost most (null without a loss). */
  binding: BindingInput | null;
}

export interface Bottleneck {
  node: string;
  label: string;
  stage: string;
  country: string;
  /** knockoutLoss on that graph. */
  loss: number;
}

export interface ScenarioResult {
  name: string;
  description?: string;
  unit: string;
  /** Objective of the allocation LP. */
  objective: Objective;
  /** One line per bound on what it assumes. */
  assumptions: Record<Bound, string>;
  baseline: Supply;
  scenario: Supply;
  loss: { maxFlow: number; allocation: number | null; proportional: number; bySink: Record<string, Loss>; byEndUse: EndUseLoss[] };
  /** Shadow prices of capacity in the scenario's allocation LP: per node, and per country (its best node). */
  shadowPrice: { nodes: Record<string, number>; countries: Record<string, CountryShadowPrice> };
  changes: ScenarioChange[];
  bottlenecks: { before: Bottleneck[]; after: Bottleneck[] };
  stages: StageChange[];
  warnings: string[];
  /** Per edge key, the flow after the scenario under the proportional bound (after(e) in `proportional-flow.ts`). */
  flows: { proportional: Record<string, number> };
  /** With the `country` option: the result for that country's end uses. */
  lens?: CountryLens;
}

const DEFAULTS: Required<Omit<EvaluateOptions, 'country' | 'baseline'>> & Pick<EvaluateOptions, 'country' | 'baseline'> = { top: 10, country: undefined, objective: 'total', baseline: undefined };

export function resolveOptions(options: EvaluateOptions): { top: number; country: string | undefined; objective: Objective; baseline: PreparedBaseline | undefined } {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) throw new UsageError(`scenario/evaluate: unknown option "${key}" (known: ${Object.keys(DEFAULTS).join(', ')})`);
  }
  const top = options.top ?? DEFAULTS.top;
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`scenario/evaluate: top must be a whole number >= 0 (got ${top})`);
  const country = options.country;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`scenario/evaluate: country must be an upper-case ISO 3166-1 alpha-2 code (got "${country}")`);
  const objective = options.objective ?? DEFAULTS.objective;
  if (!(OBJECTIVES as readonly string[]).includes(objective)) throw new UsageError(`scenario/evaluate: objective must be one of ${OBJECTIVES.join(', ')} (got "${String(objective)}")`);
  const baseline = options.baseline;
  if (baseline !== undefined && baseline.objective !== objective) {
    throw new UsageError(`scenario/evaluate: the prepared baseline is for objective "${baseline.objective}", not "${objective}"`);
  }
  return { top, country, objective, baseline };
}

/**
 * The three bounds, in total only: what a sweep needs. `base` is the baseline active
 * graph whose flows give the default recipes (default: the applied graph itself).
 */
export function supplyTotals(applied: AppliedScenario, base: SupplyGraph = applied.graph, objective: Objective = 'total'): Record<Bound, number> {
  const proportional = proportionalFlow(applied.graph, { pass: applied.pass, limit: applied.limit }).delivered;
  const allocation = solveAllocation(applied, { base, objective }).delivered;
  return { maxFlow: maxFlow(applied.graph).value, allocation, proportional };
}

/**
 * What each sink receives under each bound (max flow and allocation: the one optimum
 * found; proportional: unique), for weighting sinks by value (`value.ts`). `base` as in
 * `supplyTotals`.
 */
export function sinkSupplies(applied: AppliedScenario, base: SupplyGraph = applied.graph, objective: Objective = 'total'): Record<Bound, Record<string, number>> {
  const { graph } = applied;
  const flow = maxFlow(graph);
  const proportional = proportionalFlow(graph, { pass: applied.pass, limit: applied.limit }).bySink;
  const allocation = solveAllocation(applied, { base, objective }).bySink;
  const max: Record<string, number> = {};
  for (const sink of sinksOf(graph)) max[sink] = graph.reduceInEdges(sink, (total, edge) => total + (flow.edgeFlow[edge] ?? 0), 0);
  return { maxFlow: max, allocation, proportional };
}

/** Stage concentration before and after (`stage-change.ts`), remembered on the scenario side. */
export function stageChangesOf(sideBefore: SideStart, sideAfter: Side): StageChange[] {
  return remember(sideAfter, 'stages', () => stageChanges(sideBefore.applied.shape, sideAfter.applied.shape, sideAfter.edgeFlow));
}

/** Under the allocation bound, what limits the sink of the end use `e` that lost most (null without a loss). */
function bindingOf(e: EndUseFigures, before: Side, after: Side): BindingInput | null {
  const lost = (sink: string) => (before.supply.bySink[sink]?.allocation ?? 0) - (after.supply.bySink[sink]?.allocation ?? 0);
  const worst = [...e.sinks].filter((sink) => after.applied.shape.hasNode(sink)).sort((x, y) => lost(y) - lost(x) || x.localeCompare(y))[0];
  const hasLoss = e.scenario.allocation < e.baseline.allocation * (1 - 1e-9) - 1e-9;
  if (!hasLoss || worst === undefined) return null;
  const { network, allocation } = allocationOf(after);
  return bindingInput(network, allocation, worst);
}

/**
 * The total loss under each bound; ComputationError when the baseline delivers nothing
 * under max flow or the proportional bound (a bound a lean side left out is NaN, never 0).
 */
export function totalLosses(baseline: Supply, scenario: Supply): Loss {
  if (baseline.maxFlow <= 0 || baseline.proportional <= 0) {
    throw new ComputationError(`scenario/evaluate: the baseline delivers nothing to the sinks (max flow ${baseline.maxFlow}, observed ${baseline.proportional}), so a loss is undefined`);
  }
  return {
    maxFlow: relativeLoss(baseline.maxFlow, scenario.maxFlow),
    allocation: relativeLoss(baseline.allocation, scenario.allocation),
    proportional: relativeLoss(baseline.proportional, scenario.proportional),
  };
}

/**
 * The baseline side of every evaluation of `graph` with the allocation objective
 * `objective` (default total), computed once: pass it as the `baseline` option of
 * `evaluateScenario` (same results, less work). The graph must not change afterwards.
 */
export function prepareBaseline(graph: SupplyGraph, options: { objective?: Objective } = {}): PreparedBaseline {
  const { objective } = resolveOptions(options.objective === undefined ? {} : { objective: options.objective });
  return { graph, objective, side: completeSide(startBaseline(graph, objective)) };
}

/** The baseline side of `graph` started (`startSide`: its allocation LP built, not solved). */
function startBaseline(graph: SupplyGraph, objective: Objective): SideStart {
  // Every node operating: the graph itself is the baseline's graph (read, never changed), not a copy.
  const before = applyScenario(graph, { name: 'baseline', actions: [] }, isOwnActiveGraph(graph) ? { active: graph } : {});
  return startSide(before, before.graph, objective);
}

/**
 * An evaluation begun (`beginEvaluation`): its options resolved, the scenario applied and
 * the baseline side either prepared (the `baseline` option) or started, its LP not yet
 * solved. `evaluateScenario` finishes it in the calling thread; evaluate-parallel.ts
 * solves the baseline LP on a worker thread meanwhile.
 */
export interface Evaluation {
  graph: SupplyGraph;
  scenario: Scenario;
  top: number;
  country: string | undefined;
  objective: Objective;
  after: AppliedScenario;
  /** The baseline side: prepared (complete), or started. */
  before: { prepared: Side } | { started: SideStart };
}

/**
 * Checks the graph and options, starts (or takes) the baseline side and applies the
 * scenario. `onBaseline` is called with a started baseline side (not a prepared one) before
 * the scenario is applied (evaluate-parallel.ts posts its LP to the worker then).
 */
export function beginEvaluation(graph: SupplyGraph, scenario: Scenario, options: EvaluateOptions = {}, onBaseline?: (started: SideStart) => void): Evaluation {
  requireSupplyChain(graph, 'scenario');
  const { top, country, objective, baseline: prepared } = resolveOptions(options);
  if (prepared !== undefined && prepared.graph !== graph) throw new UsageError('scenario/evaluate: the prepared baseline belongs to another graph');
  let before: Evaluation['before'];
  if (prepared) before = { prepared: prepared.side };
  else {
    const started = startBaseline(graph, objective);
    onBaseline?.(started);
    before = { started };
  }
  // The scenario read off the baseline's active graph: its modified graph is built only if read (the country lens).
  const active = ('prepared' in before ? before.prepared : before.started).applied.graph;
  return { graph, scenario, top, country, objective, after: applyScenario(graph, scenario, { active }), before };
}

/** The baseline side begun: the prepared one, or the started one. */
export const baselineStart = (e: Evaluation): SideStart => ('prepared' in e.before ? e.before.prepared : e.before.started);

/** The scenario's side, taking the baseline side's compact graph, network and LP with the overlay's capacities (`SideOptions.from`). */
export function scenarioSide(e: Evaluation): Side {
  const from = baselineStart(e);
  return evaluateSide(e.after, from.applied.graph, e.objective, { from });
}

/** Evaluates `scenario` (already validated by `parseScenario`) on `graph`. The graph is not changed. */
export function evaluateScenario(graph: SupplyGraph, scenario: Scenario, options: EvaluateOptions = {}): ScenarioResult {
  const e = beginEvaluation(graph, scenario, options);
  const sideBefore = 'prepared' in e.before ? e.before.prepared : completeSide(e.before.started);
  return finishEvaluation(e, sideBefore, scenarioSide(e));
}

/**
 * The result of the evaluation `e` from its two sides: `sideBefore` the baseline side
 * (`baselineStart(e)` completed), `sideAfter` = `scenarioSide(e)`. Figures already
 * remembered on a side (bottlenecks, end uses served first, stage changes) are read back.
 */
export function finishEvaluation(e: Evaluation, sideBefore: Side, sideAfter: Side): ScenarioResult {
  const { graph, scenario, top, country, objective, after } = e;
  const before = sideBefore.applied;
  const baseline = 'prepared' in e.before ? structuredClone(sideBefore.supply) : sideBefore.supply;
  const { supply: changed, edgeFlow: flowAfter } = sideAfter;
  const allocationAfter = allocationOf(sideAfter).allocation;
  // Both totals are > 0 here, so the max-flow and proportional losses are numbers.
  const total = totalLosses(baseline, changed);
  const bySink: Record<string, Loss> = {};
  for (const sink of new Set([...Object.keys(baseline.bySink), ...Object.keys(changed.bySink)])) {
    const b = baseline.bySink[sink];
    const s = changed.bySink[sink];
    bySink[sink] = {
      maxFlow: relativeLoss(b?.ownMaxFlow ?? 0, s?.ownMaxFlow ?? 0),
      allocation: relativeLoss(b?.allocation ?? 0, s?.allocation ?? 0),
      proportional: relativeLoss(b?.proportional ?? 0, s?.proportional ?? 0),
    };
  }
  return {
    name: scenario.name,
    ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    unit: unitOf(graph.getAttributes()),
    objective,
    assumptions: { ...BOUND_ASSUMPTIONS },
    baseline,
    scenario: changed,
    loss: {
      maxFlow: total.maxFlow as number,
      allocation: total.allocation,
      proportional: total.proportional as number,
      bySink,
      byEndUse: endUseFigures(sideBefore, sideAfter, objective).map((e) => ({ ...e, binding: bindingOf(e, sideBefore, sideAfter) })),
    },
    shadowPrice: allocationAfter.shadowPrice,
    changes: after.changes,
    bottlenecks: { before: bottlenecks(sideBefore, top), after: bottlenecks(sideAfter, top) },
    stages: stageChangesOf(sideBefore, sideAfter),
    warnings: after.warnings,
    flows: { proportional: flowAfter },
    ...(country !== undefined
      ? {
          lens: countryLens({
            before: before.graph,
            after: after.graph,
            baseline,
            scenario: changed,
            country,
            top,
            allocation: { before: { network: allocationOf(sideBefore).network, result: allocationOf(sideBefore).allocation }, after: { network: allocationOf(sideAfter).network, result: allocationAfter }, objective },
            sides: { before: sideBefore, after: sideAfter },
          }),
        }
      : {}),
  };
}
