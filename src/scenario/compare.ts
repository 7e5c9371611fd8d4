/**
 * Compares two or more scenario results side by side: the loss per end use under each
 * bound, and the difference of each scenario from the first (the reference), in
 * percentage points of the end use's baseline:
 *
 *   diff_i(u, bound) = loss_i(u, bound) - loss_0(u, bound)     null when either loss is null
 *
 * The results must come from the same graph (so the baselines agree); with a country lens
 * (`country-lens.ts`) in every result, the lens is compared (the country's end uses).
 * End uses are matched by name; one a result lacks is null there. Pure.
 */
import { UsageError } from '../model/errors.js';
import type { Bound, EndUseLoss, Loss, ScenarioResult } from './evaluate.js';
import { naturalCompare } from './natural-sort.js';

export type { Bound } from './evaluate.js';

/** The bounds a result reports, in the order tables show them (pessimistic to optimistic). */
export const BOUNDS: readonly Bound[] = ['proportional', 'allocation', 'maxFlow'];

export const BOUND_LABELS: Record<Bound, string> = {
  proportional: 'no rerouting (proportional)',
  allocation: 'rerouting under recipes (allocation)',
  maxFlow: 'full rerouting (max flow)',
};

/** The part of a result that is compared: the country lens when there is one, else the world. */
export interface ResultView {
  scope: string;
  baseline: { maxFlow: number; allocation: number; proportional: number };
  scenario: { maxFlow: number; allocation: number; proportional: number };
  loss: Loss;
  byEndUse: EndUseLoss[];
}

export function viewOf(result: ScenarioResult): ResultView {
  if (result.lens) return { scope: result.lens.country, baseline: result.lens.baseline, scenario: result.lens.scenario, loss: result.lens.loss, byEndUse: result.lens.byEndUse };
  return { scope: 'world', baseline: result.baseline, scenario: result.scenario, loss: { maxFlow: result.loss.maxFlow, allocation: result.loss.allocation, proportional: result.loss.proportional }, byEndUse: result.loss.byEndUse };
}

export interface ComparisonRow {
  /** The end use, or `total`. */
  endUse: string;
  /** Per scenario, its loss (null when the end use is missing there or its baseline is 0). */
  loss: Loss[];
  /** Per scenario, loss minus the first scenario's loss (the first's is 0, or null). */
  diff: Loss[];
}

export interface Comparison {
  scope: string;
  names: string[];
  unit: string;
  rows: ComparisonRow[];
}

const NONE: Loss = { maxFlow: null, allocation: null, proportional: null };

function minus(a: Loss, b: Loss): Loss {
  const d = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
  return { maxFlow: d(a.maxFlow, b.maxFlow), allocation: d(a.allocation, b.allocation), proportional: d(a.proportional, b.proportional) };
}

export function compareResults(results: readonly ScenarioResult[]): Comparison {
  if (results.length < 2) throw new UsageError(`scenario/compare: needs at least two results (got ${results.length})`);
  const views = results.map(viewOf);
  const scope = views[0]?.scope ?? 'world';
  if (views.some((v) => v.scope !== scope)) throw new UsageError(`scenario/compare: the results are read for different countries (${views.map((v) => v.scope).join(', ')})`);
  const row = (endUse: string, losses: Loss[]): ComparisonRow => ({ endUse, loss: losses, diff: losses.map((l) => minus(l, losses[0] ?? NONE)) });
  const endUses = [...new Set(views.flatMap((v) => v.byEndUse.map((u) => u.endUse)))].sort(naturalCompare);
  return {
    scope,
    names: results.map((r) => r.name),
    unit: results[0]?.unit ?? '',
    rows: [row('total', views.map((v) => v.loss)), ...endUses.map((u) => row(u, views.map((v) => v.byEndUse.find((e) => e.endUse === u)?.loss ?? NONE)))],
  };
}
