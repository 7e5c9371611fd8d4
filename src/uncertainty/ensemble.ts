/**
 * Uncertainty ensembles: a scenario evaluated on N members drawn from the ranges of its
 * inputs, summarised per headline (the total and each end use, under each bound) by
 * percentiles, the probability of exceeding a threshold, and the inputs that move it.
 *
 * 1. Inputs (`uncertain-inputs.ts`): every figure with a range, uniform on its interval.
 * 2. Draws: a Latin hypercube of N points in [0, 1)^d from a seeded generator
 *    (`latin-hypercube.ts`); member i gives input j the value low_j + u_ij (high_j - low_j).
 * 3. Member i (`sample-graph.ts`, stage totals rescaled) is evaluated exactly as a single
 *    scenario is (`scenario-losses.ts`: `evaluateLosses`, the losses of `evaluateScenario`
 *    without its reports), baseline and scenario on the member's own figures, so every
 *    loss is relative to the member's own baseline.
 *    Bounds: maxFlow, allocation, proportional (option `bounds`).
 * 4. Per headline h (a bound b and the total, or one end use): the losses L_h(i) of the
 *    members where it is defined (baseline > 0), their P10 / P50 / P90 (`quantile.ts`,
 *    Hyndman-Fan 7), mean, min, max, and P(L > threshold) = #{i : L_h(i) > T} / #defined.
 * 5. Sensitivity: Spearman's rho (`spearman.ts`) between each input's draws and L_h over
 *    the defined members; inputs ranked by |rho|. Each rank vector is computed once (per
 *    headline for its losses, per set of defined members for each input's draws).
 *
 * Members are independent, so any split of 0..N-1 between threads gives the same rows
 * (`evaluateMembers`) and the same summary: a seed reproduces a result exactly. With no
 * input (zero spread) every member is the point evaluation, bit for bit.
 * Percentiles of N draws are estimates: with a loss monotone in one uniform input, the
 * Latin hypercube's one-draw-per-stratum keeps the error of P10/P50/P90 within 1/N of
 * the input's range (times the slope), far tighter than plain Monte Carlo.
 *
 * References: Helton & Davis, "Latin hypercube sampling and the propagation of
 * uncertainty in analyses of complex systems", Reliab. Eng. Syst. Saf. 81 (2003) 23-69;
 * Saltelli et al., Global Sensitivity Analysis: The Primer (Wiley, 2008), ch. 1 (rank
 * correlation as a screening measure).
 */
import { OBJECTIVES, type Objective } from '../allocation/allocation-lp.js';
import { createRng } from '../generate/prng.js';
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { Scenario } from '../scenario/schema.js';
import { latinHypercube } from './latin-hypercube.js';
import { quantileSorted } from './quantile.js';
import { sampleModel } from './sample-graph.js';
import { resolveBounds, scenarioLosses, type Bound, type ScenarioLosses } from './scenario-losses.js';
import { averageRanks, pearson } from './spearman.js';
import { resolveSpreads, uncertainInputs, type Spreads, type UncertainInput } from './uncertain-inputs.js';
import { requireSupplyChain } from '../model/supply-chain.js';

export interface EnsembleOptions {
  /** Members N (>= 1). */
  samples: number;
  /** Seed of the draws (0 .. 2^53 - 1). Default 1. */
  seed?: number;
  /** Loss threshold T of P(loss > T). Default 0.2. */
  threshold?: number;
  /** Relative spreads by confidence (defaults in uncertain-inputs.ts). */
  spreads?: Partial<Spreads>;
  /** Inputs listed per headline in the sensitivity ranking. Default 10. */
  topInputs?: number;
  /** Bounds to report (maxFlow, allocation, proportional). Default: all three. */
  bounds?: string[];
  /** Objective of the allocation LP (total or fair). Default total. */
  objective?: Objective;
}

export type ResolvedEnsembleOptions = Required<Omit<EnsembleOptions, 'spreads' | 'bounds'>> & { spreads: Partial<Spreads>; bounds: Bound[] };

const DEFAULTS = { seed: 1, threshold: 0.2, topInputs: 10 };
const KNOWN = new Set(['samples', 'seed', 'threshold', 'spreads', 'topInputs', 'bounds', 'objective']);

/** Checks options strictly (unknown keys, ranges) and fills defaults. */
export function resolveEnsembleOptions(options: EnsembleOptions): ResolvedEnsembleOptions {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new UsageError(`uncertainty/ensemble: unknown option "${key}" (known: ${[...KNOWN].join(', ')})`);
  }
  const { samples } = options;
  if (!Number.isSafeInteger(samples) || samples < 1) throw new UsageError(`uncertainty/ensemble: samples must be a whole number >= 1 (got ${samples})`);
  const seed = options.seed ?? DEFAULTS.seed;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`uncertainty/ensemble: seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${seed})`);
  const threshold = options.threshold ?? DEFAULTS.threshold;
  if (!Number.isFinite(threshold)) throw new UsageError(`uncertainty/ensemble: threshold must be a finite number (got ${threshold})`);
  const topInputs = options.topInputs ?? DEFAULTS.topInputs;
  if (!Number.isSafeInteger(topInputs) || topInputs < 0) throw new UsageError(`uncertainty/ensemble: topInputs must be a whole number >= 0 (got ${topInputs})`);
  const objective = options.objective ?? 'total';
  if (!(OBJECTIVES as readonly string[]).includes(objective)) throw new UsageError(`uncertainty/ensemble: objective must be one of ${OBJECTIVES.join(', ')} (got "${String(objective)}")`);
  return { samples, seed, threshold, topInputs, spreads: options.spreads ?? {}, bounds: resolveBounds(options.bounds), objective };
}

/** One headline: a bound, for the total (endUse null) or one end use. */
export interface Headline {
  endUse: string | null;
  bound: string;
}

/** What every member shares: the inputs, their draws and the headlines. */
export interface EnsemblePlan {
  options: ResolvedEnsembleOptions;
  inputs: UncertainInput[];
  /** columns[j][i]: the uniform draw u_ij of input j for member i. */
  columns: Float64Array[];
  /** The point evaluation (published figures, action ranges at their midpoints). */
  point: ScenarioLosses;
  bounds: Bound[];
  headlines: Headline[];
}

/** Every headline, in order: the total under each bound, then each end use under each bound. */
function headlinesOf(losses: ScenarioLosses, bounds: readonly Bound[]): Headline[] {
  return [...bounds.map((bound) => ({ endUse: null, bound })), ...losses.byEndUse.flatMap((e) => bounds.map((bound) => ({ endUse: e.endUse, bound })))];
}

/** The loss of each headline in one evaluation (NaN where undefined). */
export function headlineLosses(losses: ScenarioLosses, headlines: readonly Headline[]): Float64Array {
  const byEndUse = new Map(losses.byEndUse.map((e) => [e.endUse, e.loss as Record<string, number | null | undefined>]));
  const total = losses.total as Record<string, number | null | undefined>;
  const out = new Float64Array(headlines.length);
  headlines.forEach((h, k) => {
    const value = h.endUse === null ? total[h.bound] : byEndUse.get(h.endUse)?.[h.bound];
    out[k] = typeof value === 'number' ? value : Number.NaN;
  });
  return out;
}

/** Builds the plan: inputs, draws (from the seed), the point evaluation and the headlines. */
export function planEnsemble(graph: SupplyGraph, scenario: Scenario, options: EnsembleOptions): EnsemblePlan {
  requireSupplyChain(graph, 'ensemble');
  const resolved = resolveEnsembleOptions(options);
  const inputs = uncertainInputs(graph, scenario, resolved.spreads);
  const columns = latinHypercube(resolved.samples, inputs.length, createRng(resolved.seed));
  const point = scenarioLosses(graph, scenario, resolved.bounds, resolved.objective);
  return { options: resolved, inputs, columns, point, bounds: resolved.bounds, headlines: headlinesOf(point, resolved.bounds) };
}

/** The input values of member i. */
export function memberValues(plan: EnsemblePlan, i: number): Float64Array {
  const values = new Float64Array(plan.inputs.length);
  plan.inputs.forEach((input, j) => {
    const u = (plan.columns[j] as Float64Array)[i] as number;
    values[j] = input.low + u * (input.high - input.low);
  });
  return values;
}

/** Headline losses of members from .. to-1 (one row each), calling onMember after each. */
export function evaluateMembers(graph: SupplyGraph, scenario: Scenario, plan: EnsemblePlan, from: number, to: number, onMember?: () => void): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let i = from; i < to; i++) {
    const member = sampleModel(graph, scenario, plan.inputs, memberValues(plan, i));
    rows.push(headlineLosses(scenarioLosses(member.graph, member.scenario, plan.options.bounds, plan.options.objective), plan.headlines));
    onMember?.();
  }
  return rows;
}

export interface LossStats {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  min: number;
  max: number;
  /** Share of members with loss > threshold. */
  pExceed: number;
  /** Members where the loss is defined (baseline > 0). */
  members: number;
}

export interface InputEffect {
  input: string;
  /** Spearman's rho of the input's draws and the loss; null when undefined. */
  rho: number | null;
}

export interface HeadlineSummary extends Headline {
  /** The loss of the point evaluation. */
  point: number | null;
  /** null when no member defines the loss. */
  stats: LossStats | null;
  /** The topInputs inputs with the largest |rho|, largest first (rho null left out). */
  sensitivity: InputEffect[];
}

export interface EnsembleResult {
  name: string;
  samples: number;
  seed: number;
  threshold: number;
  spreads: Spreads;
  unit: string;
  bounds: Bound[];
  inputs: Omit<UncertainInput, 'target'>[];
  headlines: HeadlineSummary[];
  warnings: string[];
}

function statsOf(values: number[], threshold: number): LossStats | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let above = 0;
  for (const v of sorted) {
    sum += v;
    if (v > threshold) above += 1;
  }
  return {
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    mean: sum / sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    pExceed: above / sorted.length,
    members: sorted.length,
  };
}

/** Summarises the member rows (in member order 0..N-1) into percentiles and sensitivities. */
export function summarizeEnsemble(plan: EnsemblePlan, rows: readonly Float64Array[]): EnsembleResult {
  const { options, inputs, headlines, point } = plan;
  if (rows.length !== options.samples) throw new UsageError(`uncertainty/ensemble: expected ${options.samples} member rows (got ${rows.length})`);
  const pointLosses = headlineLosses(point, headlines);
  // Spearman's rho (`spearman.ts`: Pearson on average ranks) with each rank vector computed
  // once: the losses' per headline, each input's per set of defined members (headlines
  // defined on the same members share them; usually all members).
  const inputRanks = new Map<string, Float64Array[]>();
  const ranksOf = (defined: readonly number[]): Float64Array[] => {
    const key = defined.length === rows.length ? 'all' : defined.join(',');
    let ranks = inputRanks.get(key);
    if (!ranks) {
      ranks = plan.columns.map((column) => averageRanks(defined.map((i) => column[i] as number)));
      inputRanks.set(key, ranks);
    }
    return ranks;
  };
  const summaries = headlines.map((h, k): HeadlineSummary => {
    const defined: number[] = [];
    const losses: number[] = [];
    rows.forEach((row, i) => {
      const v = row[k] as number;
      if (!Number.isNaN(v)) {
        defined.push(i);
        losses.push(v);
      }
    });
    const lossRanks = defined.length >= 2 ? averageRanks(losses) : undefined;
    const ranks = lossRanks ? ranksOf(defined) : [];
    const effects: InputEffect[] = inputs.map((input, j) => ({ input: input.id, rho: lossRanks ? pearson(ranks[j] as Float64Array, lossRanks) : null }));
    const sensitivity = effects
      .filter((e) => e.rho !== null)
      .sort((a, b) => Math.abs(b.rho as number) - Math.abs(a.rho as number) || a.input.localeCompare(b.input))
      .slice(0, options.topInputs);
    const p = pointLosses[k] as number;
    return { ...h, point: Number.isNaN(p) ? null : p, stats: statsOf(losses, options.threshold), sensitivity };
  });
  return {
    name: point.name,
    samples: options.samples,
    seed: options.seed,
    threshold: options.threshold,
    spreads: resolveSpreads(options.spreads),
    unit: point.unit,
    bounds: plan.bounds,
    inputs: inputs.map(({ target: _target, ...rest }) => rest),
    headlines: summaries,
    warnings: point.warnings,
  };
}

/** The whole ensemble in the calling thread (see the CLI for the threaded run). */
export function runEnsemble(graph: SupplyGraph, scenario: Scenario, options: EnsembleOptions, onMember?: () => void): EnsembleResult {
  const plan = planEnsemble(graph, scenario, options);
  const rows = evaluateMembers(graph, scenario, plan, 0, plan.options.samples, onMember);
  return summarizeEnsemble(plan, rows);
}
