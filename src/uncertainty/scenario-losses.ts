/**
 * The losses one ensemble member reports: per bound, the total loss and the loss of each
 * end use, exactly as `evaluateScenario` defines them (src/scenario/evaluate.ts):
 *
 *   loss = (baseline - scenario) / baseline     (null where the baseline is 0)
 *
 * Bounds: `maxFlow` (perfect rerouting), `allocation` (rerouting within recipes, the LP
 * of src/allocation; per end use, the end use served first) and `proportional` (no
 * rerouting, Leontief at nodes with recipes). Only these losses are computed, and only
 * under `bounds` (`evaluateLosses`: the same code as `evaluateScenario`, without its
 * reports: per-sink max flows, binding inputs, shadow prices, stage concentration,
 * bottlenecks).
 */
import type { Objective } from '../allocation/allocation-lp.js';
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { BOUNDS, type Bound } from '../scenario/evaluate.js';
import { evaluateLosses } from '../scenario/evaluate-losses.js';
import type { Scenario } from '../scenario/schema.js';

export { BOUNDS, type Bound };

export interface ScenarioLosses {
  name: string;
  unit: string;
  warnings: string[];
  /** Total loss per bound. */
  total: Partial<Record<Bound, number | null>>;
  /** Per end use (sorted by name), loss per bound. */
  byEndUse: { endUse: string; loss: Partial<Record<Bound, number | null>> }[];
}

/** Checks a bounds option: known names, at least one; returned in the order of BOUNDS. */
export function resolveBounds(bounds: readonly string[] | undefined): Bound[] {
  if (bounds === undefined) return [...BOUNDS];
  if (bounds.length === 0) throw new UsageError('uncertainty: give at least one bound');
  for (const b of bounds) if (!(BOUNDS as readonly string[]).includes(b)) throw new UsageError(`uncertainty: unknown bound "${b}" (known: ${BOUNDS.join(', ')})`);
  return BOUNDS.filter((b) => bounds.includes(b));
}

/** The losses of `scenario` on `graph` under `bounds` (allocation LP with `objective`). */
export function scenarioLosses(graph: SupplyGraph, scenario: Scenario, bounds: readonly Bound[], objective: Objective = 'total'): ScenarioLosses {
  const result = evaluateLosses(graph, scenario, { objective, bounds });
  const pick = (loss: Record<Bound, number | null>) => Object.fromEntries(bounds.map((b) => [b, loss[b] ?? null])) as Partial<Record<Bound, number | null>>;
  return {
    name: result.name,
    unit: result.unit,
    warnings: result.warnings,
    total: pick(result.total),
    byEndUse: result.byEndUse.map((e) => ({ endUse: e.endUse, loss: pick(e.loss) })),
  };
}
