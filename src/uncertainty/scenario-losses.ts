/**
 * The losses one ensemble member reports: per bound, the total loss and the loss of each
 * end use, as `evaluateScenario` defines them (src/scenario/evaluate.ts):
 *
 *   loss = (baseline - scenario) / baseline     (null where the baseline is 0)
 *
 * Bounds: `maxFlow` (perfect rerouting), `proportional` (no rerouting) and `allocation`
 * (rerouting within recipes: the LP of src/allocation, objective `total`). While
 * `evaluateScenario` does not report the allocation bound itself, it is computed here
 * exactly as issue 11 defines it: `solveAllocation` on the scenario's applied graph, with
 * default recipes from the member's own baseline active graph; per end use, its share of
 * the one optimum found (optima need not be unique, so an end use's allocation figure is
 * one of several; the total is unique). When `evaluateScenario` reports it, its figures
 * are used instead.
 */
import { solveAllocation } from '../allocation/solve-allocation.js';
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { applyScenario } from '../scenario/apply-scenario.js';
import { evaluateScenario } from '../scenario/evaluate.js';
import type { Scenario } from '../scenario/schema.js';

export const BOUNDS = ['maxFlow', 'proportional', 'allocation'] as const;
export type Bound = (typeof BOUNDS)[number];

export interface ScenarioLosses {
  name: string;
  unit: string;
  warnings: string[];
  /** Total loss per bound. */
  total: Partial<Record<Bound, number | null>>;
  /** Per end use (sorted by name), loss per bound. */
  byEndUse: { endUse: string; loss: Partial<Record<Bound, number | null>> }[];
}

/** Checks a bounds option: known names, no duplicates, at least one. */
export function resolveBounds(bounds: readonly string[] | undefined): Bound[] {
  if (bounds === undefined) return [...BOUNDS];
  if (bounds.length === 0) throw new UsageError('uncertainty: give at least one bound');
  for (const b of bounds) if (!(BOUNDS as readonly string[]).includes(b)) throw new UsageError(`uncertainty: unknown bound "${b}" (known: ${BOUNDS.join(', ')})`);
  return BOUNDS.filter((b) => bounds.includes(b));
}

const relativeLoss = (before: number, after: number): number | null => (before > 0 ? (before - after) / before : null);

/** The losses of `scenario` on `graph` under `bounds`. */
export function scenarioLosses(graph: SupplyGraph, scenario: Scenario, bounds: readonly Bound[]): ScenarioLosses {
  const result = evaluateScenario(graph, scenario, { top: 0 });
  const reported = result.loss as unknown as Record<string, number | null>;
  const total: Partial<Record<Bound, number | null>> = {};
  const byEndUse = result.loss.byEndUse.map((e) => ({ endUse: e.endUse, loss: {} as Partial<Record<Bound, number | null>>, reported: e.loss as unknown as Record<string, number | null> }));
  const computeAllocation = bounds.includes('allocation') && !('allocation' in reported);
  for (const bound of bounds) {
    if (bound === 'allocation' && computeAllocation) continue;
    total[bound] = reported[bound] ?? null;
    for (const e of byEndUse) e.loss[bound] = e.reported[bound] ?? null;
  }
  if (computeAllocation) {
    const before = applyScenario(graph, { name: 'baseline', actions: [] });
    const after = applyScenario(graph, scenario);
    const b = solveAllocation(before);
    const s = solveAllocation(after, { base: before.graph });
    total.allocation = relativeLoss(b.delivered, s.delivered);
    for (const e of byEndUse) e.loss.allocation = relativeLoss(b.byEndUse[e.endUse] ?? 0, s.byEndUse[e.endUse] ?? 0);
  }
  return { name: result.name, unit: result.unit, warnings: result.warnings, total, byEndUse: byEndUse.map(({ endUse, loss }) => ({ endUse, loss })) };
}
