/**
 * Scenario evaluation: delivered supply before and after a scenario under two bounds.
 *
 * - maxFlow bound (best case, perfect rerouting through spare capacity): maxFlow of the
 *   modified active graph (`apply-scenario.ts`, `max-flow.ts`; weights are capacities).
 * - proportional bound (no rerouting): `proportional-flow.ts` on the same graph (weights
 *   are nominal flows, i.e. volumes). Its baseline is the observed flow into the sinks.
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
 * knockout is only its own share of delivery); stage concentration: `stage-change.ts`.
 */
import { compactGraph } from '../model/compact.js';
import { ComputationError, UsageError } from '../model/errors.js';
import { nodeLabel, type SupplyGraph } from '../model/graph.js';
import { knockoutLoss } from '../metrics/flow/knockout.js';
import { maxFlow } from '../metrics/flow/max-flow.js';
import { applyScenario, type AppliedScenario, type ScenarioChange } from './apply-scenario.js';
import { proportionalFlow } from './proportional-flow.js';
import type { Scenario } from './schema.js';
import { countryLens, type CountryLens } from './country-lens.js';
import { naturalCompare } from './natural-sort.js';
import { sinkMaxFlow } from './sink-max-flow.js';
import { stageChanges, type StageChange } from './stage-change.js';

export interface EvaluateOptions {
  /** How many bottlenecks to list before and after. Default 10. */
  top?: number;
  /** A country code: also read the result for that country's end uses (`lens`, see `country-lens.ts`). */
  country?: string;
}

export interface SinkSupply {
  /** Flow into the sink in the maximum flow found (one of many). */
  maxFlow: number;
  /** Max flow into this sink alone (unique). */
  ownMaxFlow: number;
  proportional: number;
}

export interface Supply {
  maxFlow: number;
  proportional: number;
  bySink: Record<string, SinkSupply>;
}

export interface Loss {
  maxFlow: number | null;
  proportional: number | null;
}

export interface EndUseLoss {
  /** The sinks' `sector` (their label, or key, when they have none). */
  endUse: string;
  sinks: string[];
  baseline: { maxFlow: number; proportional: number };
  scenario: { maxFlow: number; proportional: number };
  loss: Loss;
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
  baseline: Supply;
  scenario: Supply;
  loss: { maxFlow: number; proportional: number; bySink: Record<string, Loss>; byEndUse: EndUseLoss[] };
  changes: ScenarioChange[];
  bottlenecks: { before: Bottleneck[]; after: Bottleneck[] };
  stages: StageChange[];
  warnings: string[];
  /** Per edge key, the flow after the scenario under the proportional bound (after(e) in `proportional-flow.ts`). */
  flows: { proportional: Record<string, number> };
  /** With the `country` option: the result for that country's end uses. */
  lens?: CountryLens;
}

const DEFAULTS: Required<Omit<EvaluateOptions, 'country'>> & Pick<EvaluateOptions, 'country'> = { top: 10, country: undefined };

function resolveOptions(options: EvaluateOptions): { top: number; country: string | undefined } {
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULTS)) throw new UsageError(`scenario/evaluate: unknown option "${key}" (known: ${Object.keys(DEFAULTS).join(', ')})`);
  }
  const top = options.top ?? DEFAULTS.top;
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`scenario/evaluate: top must be a whole number >= 0 (got ${top})`);
  const country = options.country;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`scenario/evaluate: country must be an upper-case ISO 3166-1 alpha-2 code (got "${country}")`);
  return { top, country };
}

const sinksOf = (graph: SupplyGraph) => graph.filterNodes((node) => graph.outDegree(node) === 0 && graph.inDegree(node) > 0);

/** The two bounds, in total only: what a sweep needs. */
export function supplyTotals(applied: AppliedScenario): { maxFlow: number; proportional: number } {
  const proportional = proportionalFlow(applied.graph, { pass: applied.pass, limit: applied.limit }).delivered;
  return { maxFlow: maxFlow(applied.graph).value, proportional };
}

/** Both bounds, per sink, and the proportional flow on each edge. */
function supplyOf(applied: AppliedScenario): { supply: Supply; edgeFlow: Record<string, number> } {
  const { graph } = applied;
  const flow = maxFlow(graph);
  const proportional = proportionalFlow(graph, { pass: applied.pass, limit: applied.limit });
  const compact = compactGraph(graph);
  const bySink: Record<string, SinkSupply> = {};
  for (const sink of sinksOf(graph)) {
    bySink[sink] = {
      maxFlow: graph.reduceInEdges(sink, (total, edge) => total + (flow.edgeFlow[edge] ?? 0), 0),
      ownMaxFlow: sinkMaxFlow(compact, new Set([sink])),
      proportional: proportional.bySink[sink] ?? 0,
    };
  }
  return { supply: { maxFlow: flow.value, proportional: proportional.delivered, bySink }, edgeFlow: proportional.edgeFlow };
}

const relativeLoss = (before: number, after: number): number | null => (before > 0 ? (before - after) / before : null);

function bottlenecks(graph: SupplyGraph, top: number): Bottleneck[] {
  if (top === 0) return [];
  const losses = knockoutLoss(graph).nodes;
  return Object.entries(losses)
    .filter(([node, loss]) => loss > 0 && graph.outDegree(node) > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, top)
    .map(([node, loss]) => {
      const a = graph.getNodeAttributes(node);
      return { node, label: nodeLabel(node, a), stage: a.stage, country: a.country, loss };
    });
}

/** The end use a sink belongs to: its sector, else its label, else its key. */
function endUseOf(graph: SupplyGraph, sink: string): string {
  const a = graph.getNodeAttributes(sink);
  return a.sector ?? nodeLabel(sink, a);
}

function endUseLosses(before: AppliedScenario, after: AppliedScenario, baseline: Supply, scenario: Supply): EndUseLoss[] {
  const groups = new Map<string, string[]>();
  for (const sink of new Set([...Object.keys(baseline.bySink), ...Object.keys(scenario.bySink)])) {
    const endUse = endUseOf(after.graph.hasNode(sink) ? after.graph : before.graph, sink);
    groups.set(endUse, [...(groups.get(endUse) ?? []), sink]);
  }
  const compactBefore = compactGraph(before.graph);
  const compactAfter = compactGraph(after.graph);
  const proportionalOf = (supply: Supply, sinks: string[]) => sinks.reduce((total, s) => total + (supply.bySink[s]?.proportional ?? 0), 0);
  return [...groups]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([endUse, sinks]) => {
      const ownOf = (supply: Supply, compact: typeof compactBefore) =>
        sinks.length === 1 ? (supply.bySink[sinks[0] as string]?.ownMaxFlow ?? 0) : sinkMaxFlow(compact, new Set(sinks));
      const b = { maxFlow: ownOf(baseline, compactBefore), proportional: proportionalOf(baseline, sinks) };
      const s = { maxFlow: ownOf(scenario, compactAfter), proportional: proportionalOf(scenario, sinks) };
      return { endUse, sinks: sinks.sort(), baseline: b, scenario: s, loss: { maxFlow: relativeLoss(b.maxFlow, s.maxFlow), proportional: relativeLoss(b.proportional, s.proportional) } };
    });
}

/** Evaluates `scenario` (already validated by `parseScenario`) on `graph`. The graph is not changed. */
export function evaluateScenario(graph: SupplyGraph, scenario: Scenario, options: EvaluateOptions = {}): ScenarioResult {
  const { top, country } = resolveOptions(options);
  const before = applyScenario(graph, { name: 'baseline', actions: [] });
  const after = applyScenario(graph, scenario);
  const baseline = supplyOf(before).supply;
  const { supply: changed, edgeFlow: flowAfter } = supplyOf(after);
  if (baseline.maxFlow <= 0 || baseline.proportional <= 0) {
    throw new ComputationError(`scenario/evaluate: the baseline delivers nothing to the sinks (max flow ${baseline.maxFlow}, observed ${baseline.proportional}), so a loss is undefined`);
  }
  const bySink: Record<string, Loss> = {};
  for (const sink of new Set([...Object.keys(baseline.bySink), ...Object.keys(changed.bySink)])) {
    const b = baseline.bySink[sink];
    const s = changed.bySink[sink];
    bySink[sink] = { maxFlow: relativeLoss(b?.ownMaxFlow ?? 0, s?.ownMaxFlow ?? 0), proportional: relativeLoss(b?.proportional ?? 0, s?.proportional ?? 0) };
  }
  return {
    name: scenario.name,
    ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    unit: graph.getAttribute('unit') ?? 't REO/yr',
    baseline,
    scenario: changed,
    loss: {
      maxFlow: (baseline.maxFlow - changed.maxFlow) / baseline.maxFlow,
      proportional: (baseline.proportional - changed.proportional) / baseline.proportional,
      bySink,
      byEndUse: endUseLosses(before, after, baseline, changed),
    },
    changes: after.changes,
    bottlenecks: { before: bottlenecks(before.graph, top), after: bottlenecks(after.graph, top) },
    stages: stageChanges(before.graph, after.graph, flowAfter),
    warnings: after.warnings,
    flows: { proportional: flowAfter },
    ...(country !== undefined ? { lens: countryLens({ before: before.graph, after: after.graph, baseline, scenario: changed, country, top }) } : {}),
  };
}
