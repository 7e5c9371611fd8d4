/**
 * `scenario --samples N [--seed S] [--threshold T] [--threads K] [--bounds ..] [--spreads
 * high=..,medium=..,low=..]`: an uncertainty ensemble instead of a point evaluation
 * (src/uncertainty/ensemble.ts, threaded by ../ensemble-threads.ts; report in
 * ensemble-report.ts; JSON is the EnsembleResult), with a progress bar on stderr.
 */
import { availableParallelism } from 'node:os';
import type { Objective } from '../../allocation/allocation-lp.js';
import { UsageError } from '../../model/errors.js';
import type { SupplyGraph } from '../../model/graph.js';
import type { Scenario } from '../../scenario/schema.js';
import type { CliContext } from '../context.js';
import { runEnsembleThreaded } from '../ensemble-threads.js';
import { createProgress } from '../progress.js';
import { ensembleCsv, ensembleText } from './ensemble-report.js';
import { emit, render, type OutputFormat, type ScenarioFlags } from './scenario-shared.js';

/** A whole number >= min from a flag, or a UsageError naming the flag. */
function wholeFlag(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number >= ${min} (got "${value}")`);
  return n;
}

/** `high=0.1,low=0.8` -> { high: 0.1, low: 0.8 }. */
function parseSpreads(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [level, text] = part.split('=').map((v) => v.trim());
    const n = Number(text);
    if (!level || text === undefined || text === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--spreads: expected level=number pairs such as high=0.1,medium=0.3,low=0.6 (got "${value}")`);
    out[level] = n;
  }
  return out;
}

/** The ensemble flags, checked; null when --samples is absent (a point evaluation). */
export function ensembleFlags(flags: ScenarioFlags) {
  if (flags.samples === undefined) {
    for (const flag of ['seed', 'threshold', 'threads', 'spreads', 'bounds'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag}: only with --samples N (an uncertainty ensemble)`);
    }
    return null;
  }
  const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
  if (threshold !== undefined && (flags.threshold?.trim() === '' || !Number.isFinite(threshold))) throw new UsageError(`--threshold: expected a number such as 0.2 (got "${flags.threshold}")`);
  return {
    options: {
      samples: wholeFlag('--samples', flags.samples, 1),
      ...(flags.seed !== undefined ? { seed: wholeFlag('--seed', flags.seed, 0) } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(flags.spreads !== undefined ? { spreads: parseSpreads(flags.spreads) } : {}),
      ...(flags.bounds !== undefined ? { bounds: flags.bounds.split(',').map((b) => b.trim()) } : {}),
    },
    threads: flags.threads !== undefined ? wholeFlag('--threads', flags.threads, 1) : availableParallelism(),
  };
}

export type EnsembleFlags = NonNullable<ReturnType<typeof ensembleFlags>>;

/** Runs the ensemble of `scenario` on `graph` and writes its report. */
export async function runScenarioEnsemble(ctx: CliContext, graph: SupplyGraph, scenario: Scenario, ensemble: EnsembleFlags, objective: Objective, format: OutputFormat, flags: ScenarioFlags): Promise<void> {
  const bar = createProgress(ctx, { total: ensemble.options.samples, label: 'ensemble', quiet: flags.quiet });
  try {
    const result = await runEnsembleThreaded(graph, scenario, { ...ensemble.options, objective }, { threads: ensemble.threads, onProgress: (done) => bar.update(done) });
    bar.stop();
    await emit(ctx, render(format, result, (r) => ensembleText(r), ensembleCsv, flags.rawCsv === true), flags.out, flags.force === true);
  } finally {
    bar.stop();
  }
}
