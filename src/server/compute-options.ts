/**
 * The compute pool's options and lanes (compute-pool.ts): its clock, the per-job run
 * options, the defaults (workers, queue, inline work, longest wait, how a worker starts)
 * and their checks.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../model/errors.js';
import type { ComputeJob } from './compute-jobs.js';

/** Time as the pool sees it: budgets are timers, "stopped after" a difference of `now()`. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ComputeOptions {
  /** Most worker threads of each lane (default: available cores - 1, at least 1). */
  workers: number;
  /** Most jobs waiting for a worker in each lane; one more is a BusyError (503). */
  queue: number;
  /** Jobs whose estimated work (RunOptions.work, default nodes x edges) is up to this are computed in the calling thread. */
  inlineWork: number;
  /** Longest wait for a worker, ms, whatever the job's budget (default 5 s); then a BusyError (503). */
  maxWaitMs: number;
  /** Starts a worker running compute-worker (tests run the TypeScript sources). */
  spawn: () => Worker;
  /** Timers and time (tests pass a manual clock). */
  clock: Clock;
}

export interface RunOptions {
  /** Longest wait for a worker, and longest computing time, in ms. */
  budgetMs: number;
  /** What to suggest when the budget runs out (e.g. "run `chokepoint metrics` on the file"). */
  hint: string;
  /** Aborting drops the job (the client went away). */
  signal?: AbortSignal;
  /** Estimated work of a graph job, in the units of `inlineWork` (default: nodes x edges of the graph). */
  work?: number;
  /** ArrayBuffers of the job (a posted body) to transfer to the worker rather than copy; unusable here afterwards. */
  transfer?: ArrayBuffer[];
  /** False for a graph used once (a posted one): the worker does not keep it (default true). */
  keepGraph?: boolean;
}

/** What `runJson` adds: the answer's byte limit, and what it is for the message beyond it. */
export interface JsonOptions extends RunOptions {
  answerBytes: number;
  /** e.g. "the scenario": "the scenario: the answer would be 12.0 MiB, ...". */
  what: string;
}

/** The lanes (see the header). */
export const LANES = ['graph', 'background', 'input'] as const;
export type Lane = (typeof LANES)[number];

export function laneOf(job: ComputeJob): Lane {
  if (job.type === 'analyze' || job.type === 'load') return 'input';
  return job.type === 'timeline' || job.type === 'ensemble' ? 'background' : 'graph';
}

/** Most graphs one worker keeps for later jobs. */
export const WORKER_GRAPHS = 4;

const WORKER_URL = new URL('./compute-worker.js', import.meta.url);

/** The compiled worker next to this file (dist/server/compute-worker.js). */
export const spawnCompiled = (): Worker => {
  if (!existsSync(fileURLToPath(WORKER_URL))) throw new Error(`the compute worker ${fileURLToPath(WORKER_URL)} is missing: run \`npm run build\` (or pass compute.spawn)`);
  return new Worker(WORKER_URL);
};

export const DEFAULT_COMPUTE: ComputeOptions = {
  workers: Math.max(1, availableParallelism() - 1),
  queue: 16,
  inlineWork: 20_000,
  maxWaitMs: 5_000,
  spawn: spawnCompiled,
  clock: SYSTEM_CLOCK,
};

/** `given` over DEFAULT_COMPUTE, checked (UsageError naming an unknown or bad option). */
export function resolveOptions(given: Partial<ComputeOptions>): ComputeOptions {
  for (const name of Object.keys(given)) if (!(name in DEFAULT_COMPUTE)) throw new UsageError(`compute: unknown option "${name}" (known: ${Object.keys(DEFAULT_COMPUTE).join(', ')})`);
  const options = { ...DEFAULT_COMPUTE, ...given };
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new UsageError(`compute: workers must be a whole number >= 1 (got ${options.workers})`);
  if (!Number.isInteger(options.queue) || options.queue < 0) throw new UsageError(`compute: queue must be a whole number >= 0 (got ${options.queue})`);
  if (!(options.maxWaitMs >= 0)) throw new UsageError(`compute: maxWaitMs must be a number >= 0 (got ${options.maxWaitMs})`);
  if (!(options.inlineWork >= 0)) throw new UsageError(`compute: inlineWork must be a number >= 0 (got ${options.inlineWork})`);
  return options;
}
