/**
 * Losses only: the total and per-end-use losses of a scenario under the bounds asked for,
 * with the loss definitions of `evaluate.ts` (its `endUseFigures` and `totalLosses`, on
 * lean sides of `evaluation-side.ts`), for callers that evaluate many variants (one
 * ensemble member is one call, src/uncertainty/scenario-losses.ts).
 */
import type { Objective } from '../allocation/allocation-lp.js';
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { requireSupplyChain } from '../model/supply-chain.js';
import { unitOf } from '../model/units.js';
import { applyScenario } from './apply-scenario.js';
import { endUseFigures, type EndUseFigures } from './end-use-figures.js';
import { BOUNDS, resolveOptions, totalLosses, type Bound, type Loss } from './evaluate.js';
import { evaluateSide } from './evaluation-side.js';
import type { Scenario } from './schema.js';

export interface LossOptions {
  /** Objective of the allocation LP: `total` (default) or `fair`. */
  objective?: Objective;
  /** The bounds to compute (default all three, in any order; reported in the order of BOUNDS). */
  bounds?: readonly Bound[];
}

/** The losses of a scenario: what `evaluateLosses` returns. */
export interface ScenarioLossResult {
  name: string;
  unit: string;
  warnings: string[];
  /** Total loss per bound (null: not computed, or the allocation baseline is 0). */
  total: Loss;
  /** Per end use, sorted by name: the figures and losses of `ScenarioResult.loss.byEndUse`, without the binding input. */
  byEndUse: EndUseFigures[];
}

/**
 * The total and per-end-use losses of `scenario` on `graph` under `bounds`, exactly as
 * `evaluateScenario` computes them (the same sides and the same end-use figures, hence
 * the same numbers), and nothing else: lean sides (`evaluation-side.ts`) compute only the
 * bounds asked for, each end use's max flow once (no per-sink max flows), and no binding
 * inputs, shadow-price report, stage concentration, bottlenecks or country lens. Bounds
 * left out are NaN in the figures and null in the losses. One ensemble member is one call
 * (src/uncertainty/scenario-losses.ts). The graph is not changed.
 */
export function evaluateLosses(graph: SupplyGraph, scenario: Scenario, options: LossOptions = {}): ScenarioLossResult {
  requireSupplyChain(graph, 'scenario');
  for (const key of Object.keys(options)) {
    if (key !== 'objective' && key !== 'bounds') throw new UsageError(`scenario/evaluate: unknown option "${key}" (known: objective, bounds)`);
  }
  const { objective } = resolveOptions(options.objective === undefined ? {} : { objective: options.objective });
  const bounds = options.bounds ?? BOUNDS;
  if (bounds.length === 0) throw new UsageError('scenario/evaluate: give at least one bound');
  for (const b of bounds) if (!(BOUNDS as readonly string[]).includes(b)) throw new UsageError(`scenario/evaluate: unknown bound "${String(b)}" (known: ${BOUNDS.join(', ')})`);
  const after = applyScenario(graph, scenario);
  const before = applyScenario(graph, { name: 'baseline', actions: [] });
  const lean = { bounds, detail: 'losses' as const };
  const sideBefore = evaluateSide(before, before.graph, objective, lean);
  const sideAfter = evaluateSide(after, before.graph, objective, { ...lean, from: sideBefore });
  return {
    name: scenario.name,
    unit: unitOf(graph.getAttributes()),
    warnings: after.warnings,
    total: totalLosses(sideBefore.supply, sideAfter.supply),
    byEndUse: endUseFigures(sideBefore, sideAfter, objective),
  };
}
