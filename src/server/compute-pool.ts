/**
 * The compute pool: metrics reports, scenario evaluations, posted graphs and large graph
 * files run on `node:worker_threads` workers, so a large graph never blocks the request
 * thread (and every other request with it). Each job has a time budget, in two parts:
 *
 * - waiting: a job waits for a free worker at most `budgetMs`, and at most `queue` jobs
 *   wait at once; a job beyond either is a BusyError (503, try again later);
 * - computing: a job that computes longer than `budgetMs` is stopped (`worker.terminate()`)
 *   and answered with a ComputationError (422) saying so; a fresh worker replaces the
 *   stopped one when the next job comes.
 *
 * At most `workers` workers exist (default: the cores but one, at least 1); they start
 * when first needed and then wait for more work (unref'd: they never keep the process
 * alive). Small jobs are computed in the calling thread, where a worker round trip would
 * only add to their latency: a job whose estimated work (`RunOptions.work`, by default
 * nodes x edges of its graph) is at most `inlineWork` (the shipped dataset's metrics or a
 * preset scenario on it, ~30 ms). Inline work cannot be stopped once started, so its
 * budget is this work estimate, which fails deterministically: a job estimated over it
 * (a scenario with hundreds of actions, any larger graph) goes to a worker and its time
 * budget. Jobs that bring their own input (`analyze`: a posted body; `load`: a graph file)
 * always run on a worker. Errors thrown in a worker come back as the same typed errors
 * (compute-jobs.ts). An aborted job (the client went away) is dropped from the queue, or
 * its worker stopped. `close()` stops every worker and answers what is left with a
 * BusyError. Timers and the clock are `options.clock`, so tests drive budgets without
 * waiting on the wall clock.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BusyError, ComputationError, UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { reviveError, runJob, type ComputeJob, type GraphJob, type JobResult, type StandaloneJob, type WorkerReply, type WorkerRequest } from './compute-jobs.js';

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
  /** Most worker threads (default: available cores - 1, at least 1). */
  workers: number;
  /** Most jobs waiting for a worker; one more is a BusyError (503). */
  queue: number;
  /** Jobs whose estimated work (RunOptions.work, default nodes x edges) is up to this are computed in the calling thread. */
  inlineWork: number;
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
}

const WORKER_URL = new URL('./compute-worker.js', import.meta.url);

/** The compiled worker next to this file (dist/server/compute-worker.js). */
export const spawnCompiled = (): Worker => {
  if (!existsSync(fileURLToPath(WORKER_URL))) throw new Error(`the compute worker ${fileURLToPath(WORKER_URL)} is missing: run \`npm run build\` (or pass compute.spawn)`);
  return new Worker(WORKER_URL);
};

export const DEFAULT_COMPUTE: ComputeOptions = {
  workers: Math.max(1, availableParallelism() - 1),
  queue: 16,
  inlineWork: 50_000,
  spawn: spawnCompiled,
  clock: SYSTEM_CLOCK,
};

/** A signal that aborts when the response's connection closes before the answer is sent. */
export function abortOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

interface Pending {
  graph: SupplyGraph | null;
  job: ComputeJob;
  run: RunOptions;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** Clears the timer and abort listener of the current phase. */
  cleanup: () => void;
}

interface Slot {
  worker: Worker;
  pending: Pending | null;
  dead: boolean;
}

const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;

/** What a job is, for messages: "the metrics of 2000 nodes and 12000 edges". */
function describeJob({ graph, job }: Pending): string {
  if (job.type === 'analyze') return 'the analysis of the posted graph';
  if (job.type === 'load') return `reading ${job.label}`;
  const what = job.type === 'metrics' ? 'the metrics' : job.type === 'timeline' ? 'the timeline' : 'the scenario';
  return graph === null ? what : `${what} of ${graph.order} nodes and ${graph.size} edges`;
}

function resolveOptions(given: Partial<ComputeOptions>): ComputeOptions {
  for (const name of Object.keys(given)) if (!(name in DEFAULT_COMPUTE)) throw new UsageError(`compute: unknown option "${name}" (known: ${Object.keys(DEFAULT_COMPUTE).join(', ')})`);
  const options = { ...DEFAULT_COMPUTE, ...given };
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new UsageError(`compute: workers must be a whole number >= 1 (got ${options.workers})`);
  if (!Number.isInteger(options.queue) || options.queue < 0) throw new UsageError(`compute: queue must be a whole number >= 0 (got ${options.queue})`);
  if (!(options.inlineWork >= 0)) throw new UsageError(`compute: inlineWork must be a number >= 0 (got ${options.inlineWork})`);
  return options;
}

export class ComputePool {
  readonly options: ComputeOptions;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Pending[] = [];
  private closed = false;

  constructor(options: Partial<ComputeOptions> = {}) {
    this.options = resolveOptions(options);
  }

  /** Runs `job` on `graph` (see the header); the graph is not changed. */
  run<J extends GraphJob>(graph: SupplyGraph, job: J, run: RunOptions): Promise<JobResult<J>>;
  /** Runs a job that brings its own input, always on a worker. */
  run<J extends StandaloneJob>(graph: null, job: J, run: RunOptions): Promise<JobResult<J>>;
  run(graph: SupplyGraph | null, job: ComputeJob, run: RunOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new BusyError('the server is stopping; try again later'));
    if (graph !== null && (run.work ?? graph.order * graph.size) <= this.options.inlineWork) {
      try {
        return Promise.resolve(runJob(graph, job as GraphJob));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    if (this.waiting.length >= this.options.queue && !this.hasFreeWorker()) {
      return Promise.reject(new BusyError(`the server is busy (${this.options.queue} computations waiting); try again later`));
    }
    return new Promise<unknown>((resolve, reject) => {
      const pending: Pending = { graph, job, run, resolve, reject, cleanup: () => {} };
      this.waiting.push(pending);
      this.phase(pending, (aborted) => {
        const at = this.waiting.indexOf(pending);
        if (at >= 0) this.waiting.splice(at, 1);
        if (aborted) return new BusyError('the request was aborted by the client while it waited for a worker');
        return new BusyError(`the server is busy: no worker was free within ${seconds(run.budgetMs)}; try again later`);
      });
      this.dispatch();
    });
  }

  /** Workers alive, how many compute, jobs waiting. */
  stats(): { workers: number; busy: number; waiting: number } {
    const busy = [...this.slots].filter((slot) => slot.pending !== null).length;
    return { workers: this.slots.size, busy, waiting: this.waiting.length };
  }

  /** Stops every worker; jobs still waiting or computing get a BusyError. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = new BusyError('the server is stopping; try again later');
    for (const pending of this.waiting.splice(0)) this.settle(pending, stopping);
    await Promise.all([...this.slots].map((slot) => this.discard(slot, stopping)));
  }

  private hasFreeWorker(): boolean {
    return this.slots.size < this.options.workers || [...this.slots].some((slot) => slot.pending === null);
  }

  /**
   * Starts a phase (waiting or computing) of `pending`: after its budget, or on abort,
   * `onEnd` undoes the phase and gives the error to answer with.
   */
  private phase(pending: Pending, onEnd: (aborted: boolean) => Error): void {
    pending.cleanup();
    const { budgetMs, signal } = pending.run;
    const { clock } = this.options;
    const end = (aborted: boolean) => this.settle(pending, onEnd(aborted));
    const timer = clock.setTimeout(() => end(false), budgetMs);
    const onAbort = () => end(true);
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.cleanup = () => {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) onAbort();
  }

  private settle(pending: Pending, outcome: Error | { result: unknown }): void {
    pending.cleanup();
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome.result);
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && this.hasFreeWorker()) {
      const pending = this.waiting.shift() as Pending;
      let slot = [...this.slots].find((s) => s.pending === null);
      try {
        slot ??= this.spawn();
        const request = (pending.graph === null ? { graph: null, job: pending.job } : { graph: pending.graph.export(), job: pending.job }) as WorkerRequest;
        slot.worker.postMessage(request);
      } catch (error) {
        this.settle(pending, error as Error);
        continue;
      }
      const busy = slot;
      busy.pending = pending;
      const t0 = this.options.clock.now();
      this.phase(pending, (aborted) => {
        busy.pending = null;
        void this.discard(busy, null);
        this.dispatch();
        if (aborted) return new ComputationError('the request was aborted by the client; its computation was stopped');
        return new ComputationError(
          `${describeJob(pending)} did not finish within the time budget of ${seconds(pending.run.budgetMs)} ` +
            `(stopped after ${seconds(this.options.clock.now() - t0)}); ${pending.run.hint}`,
        );
      });
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.options.spawn(), pending: null, dead: false };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending;
      if (slot.dead || pending === null) return;
      slot.pending = null;
      this.settle(pending, reply.ok ? { result: reply.result } : reviveError(reply.error));
      this.dispatch();
    });
    // A worker that fails or exits by itself takes its job with it: an internal error.
    slot.worker.on('error', (error) => this.lost(slot, error));
    slot.worker.on('exit', (code) => this.lost(slot, new Error(`compute worker exited (code ${code})`)));
    this.slots.add(slot);
    return slot;
  }

  private lost(slot: Slot, error: Error): void {
    if (slot.dead) return;
    void this.discard(slot, new Error(`compute worker: ${error.stack ?? error.message}`));
    this.dispatch();
  }

  /** Terminates a worker; its job, if any, is answered with `error`. */
  private async discard(slot: Slot, error: Error | null): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.delete(slot);
    const pending = slot.pending;
    slot.pending = null;
    if (pending && error) this.settle(pending, error);
    await slot.worker.terminate();
  }
}
