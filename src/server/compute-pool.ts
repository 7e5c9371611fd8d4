/**
 * The compute pool: metrics reports, scenario evaluations, posted graphs and large graph
 * files run on `node:worker_threads` workers, so a large graph never blocks the request
 * thread (and every other request with it). Each job has a time budget, in two parts:
 *
 * - waiting: a job waits for a free worker at most `budgetMs` and at most `maxWaitMs`
 *   (5 s: under overload a prompt 503 is worth more than an answer after the client gave
 *   up), and at most `queue` jobs wait at once in its lane; a job beyond either is a
 *   BusyError (503, try again later);
 * - computing: a job that computes longer than `budgetMs` is stopped (`worker.terminate()`)
 *   and answered with a ComputationError (422) saying so; a fresh worker replaces the
 *   stopped one when the next job comes.
 *
 * At most `workers` workers exist (default: the cores but one, at least 1); they start
 * when first needed and then wait for more work (unref'd: they never keep the process
 * alive).
 *
 * Lanes: jobs that bring their own input (`analyze`: a posted body; `load`: a graph file)
 * run in the `input` lane; jobs on a graph the server holds run in the `graph` lane
 * (metrics, scenarios: what the map waits for) or the `background` lane (timelines and
 * ensembles: many LPs each, hundreds of milliseconds to seconds, asked after the map's
 * answer). Each lane has its own workers (`workers` each) and its own queue (`queue`
 * each), so a flood of posted graphs (refused anyway, or not) fills the input lane and is
 * answered 503 there while the map's scenarios still find the graph lane free, and a
 * scenario never waits behind the time chart of the previous one (on the shipped dataset
 * a 24-month timeline holds a worker 100-500 ms).
 *
 * Crossing threads: a graph is sent to a worker once (graphology `export()`, structured
 * clone) under an id, and the worker keeps it for later jobs (at most WORKER_GRAPHS per
 * worker, least recently used dropped first; the pool keeps the bookkeeping and tells the
 * worker what to drop), so a job on a large graph does not export and copy the graph in
 * the request thread each time. A posted body crosses as a transferred ArrayBuffer
 * (`run.transfer`). `runJson` has the worker serialize the answer (JSON, with a byte
 * limit) and send the bytes back transferred, so a large answer is never stringified in
 * the request thread either.
 *
 * Small jobs are computed in the calling thread, where a worker round trip would
 * only add to their latency: a job whose estimated work (`RunOptions.work`, by default
 * nodes x edges of its graph) is at most `inlineWork` (20,000: about 15 ms of a core;
 * tiny graphs only: the shipped dataset's metrics, 156 x 280 = 43,680, and its scenarios
 * go to a worker; an ensemble counts one scenario per member). Inline work cannot be stopped once started, so its
 * budget is this work estimate, which fails deterministically: a job estimated over it
 * (a scenario with hundreds of actions, any larger graph) goes to a worker and its time
 * budget. Jobs that bring their own input (`analyze`: a posted body; `load`: a graph file)
 * always run on a worker. Errors thrown in a worker come back as the same typed errors
 * (compute-jobs.ts). An aborted job (the client went away) is dropped from the queue, or
 * its worker stopped. `close()` stops every worker and answers what is left with a
 * BusyError. Timers and the clock are `options.clock`, so tests drive budgets without
 * waiting on the wall clock.
 *
 * Warm-ups (`warm`): background jobs of the graph lane that prepare what a graph's later
 * jobs reuse in the worker that runs them (a large graph's scenario baseline:
 * baseline-cache.ts), so the map's first scenario on it computes only its own side. A
 * warm-up never delays a request: it waits (without a wait budget) until a graph-lane
 * worker is idle and no request waits for one; when a request of the graph lane finds
 * every worker busy and one runs a warm-up, that worker is stopped and the warm-up goes
 * back to the front of the warm-ups, to start again when the lane is idle (a fresh worker
 * takes the request at once). `cancelWarm(graph)` drops a graph's warm-ups, waiting or
 * running (the graph store calls it when the graph's file changes). A warm-up that
 * computes longer than its budget is stopped like any job.
 */
import type { ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import { BusyError, ComputationError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { LANES, WORKER_GRAPHS, laneOf, resolveOptions, type ComputeOptions, type JsonOptions, type Lane, type RunOptions } from './compute-options.js';
import {
  boundedJson,
  reviveError,
  runJob,
  type AnswerAs,
  type ComputeJob,
  type GraphJob,
  type GraphRef,
  type JobResult,
  type StandaloneJob,
  type WorkerReply,
  type WorkerRequest,
} from './compute-jobs.js';

export { DEFAULT_COMPUTE, LANES, SYSTEM_CLOCK, WORKER_GRAPHS, laneOf, spawnCompiled, type Clock, type ComputeOptions, type JsonOptions, type Lane, type RunOptions } from './compute-options.js';

/** A signal that aborts when the response's connection closes before the answer is sent. */
export function abortOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

interface Pending {
  /** A warm-up (`warm`): waits behind every request, and gives way to them. */
  warm?: boolean;
  graph: SupplyGraph | null;
  job: ComputeJob;
  run: RunOptions;
  lane: Lane;
  answer: AnswerAs;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** Clears the timer and abort listener of the current phase. */
  cleanup: () => void;
}

interface Slot {
  worker: Worker;
  lane: Lane;
  pending: Pending | null;
  dead: boolean;
  /** Ids of the graphs the worker holds, least recently used first. */
  graphs: Set<number>;
}

const seconds = (ms: number) => `${Number((ms / 1000).toPrecision(3))} s`;

/** What a job is, for messages: "the metrics of 2000 nodes and 12000 edges". */
function describeJob({ graph, job }: Pending): string {
  if (job.type === 'analyze') return 'the analysis of the posted graph';
  if (job.type === 'load') return `reading ${job.label}`;
  const what = job.type === 'metrics' ? 'the metrics' : job.type === 'timeline' ? 'the timeline' : job.type === 'baseline' ? 'the scenario baseline' : 'the scenario';
  return graph === null ? what : `${what} of ${graph.order} nodes and ${graph.size} edges`;
}

export class ComputePool {
  readonly options: ComputeOptions;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Record<Lane, Pending[]> = { graph: [], background: [], input: [] };
  /** Warm-ups waiting for an idle graph-lane worker, first first. */
  private readonly warming: Pending[] = [];
  private readonly graphIds = new WeakMap<SupplyGraph, number>();
  private nextGraphId = 1;
  private closed = false;

  constructor(options: Partial<ComputeOptions> = {}) {
    this.options = resolveOptions(options);
  }

  /** Runs `job` on `graph` (see the header); the graph is not changed. */
  run<J extends GraphJob>(graph: SupplyGraph, job: J, run: RunOptions): Promise<JobResult<J>>;
  /** Runs a job that brings its own input, always on a worker. */
  run<J extends StandaloneJob>(graph: null, job: J, run: RunOptions): Promise<JobResult<J>>;
  run(graph: SupplyGraph | null, job: ComputeJob, run: RunOptions): Promise<unknown> {
    return this.submit(graph, job, run, { as: 'result' });
  }

  /**
   * Like `run`, but answers the result's JSON text as UTF-8 bytes, serialized where the job
   * ran (on a worker: in the worker) and refused with a ComputationError (422) when longer
   * than `answerBytes`.
   */
  runJson(graph: SupplyGraph | null, job: ComputeJob, run: JsonOptions): Promise<Buffer> {
    const { answerBytes, what, ...rest } = run;
    return this.submit(graph, job, rest, { as: 'json', limit: answerBytes, what }) as Promise<Buffer>;
  }

  /**
   * Runs `job` on `graph` as a warm-up (see the header): on a graph-lane worker when one
   * is idle and no request waits, stopped and started again later when a request needs
   * that worker. Resolves with the job's result; rejects when it fails, overruns its
   * budget, or is cancelled (`cancelWarm`, `close`). A job estimated at most `inlineWork`
   * would run in the request thread anyway: not warmed (resolves undefined).
   */
  warm(graph: SupplyGraph, job: GraphJob, run: RunOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new BusyError('the server is stopping; try again later'));
    if ((run.work ?? graph.order * graph.size) <= this.options.inlineWork) return Promise.resolve(undefined);
    return new Promise<unknown>((resolve, reject) => {
      this.warming.push({ warm: true, graph, job, run, lane: 'graph', answer: { as: 'result' }, resolve, reject, cleanup: () => {} });
      this.dispatch();
    });
  }

  /** Drops the warm-ups of `graph`, waiting or running (its worker is stopped); they reject with a BusyError. */
  cancelWarm(graph: SupplyGraph): void {
    const cancelled = new BusyError('the warm-up was cancelled: its graph changed');
    for (let i = this.warming.length - 1; i >= 0; i--) {
      const pending = this.warming[i] as Pending;
      if (pending.graph !== graph) continue;
      this.warming.splice(i, 1);
      this.settle(pending, cancelled);
    }
    for (const slot of this.slots) {
      if (slot.pending?.warm === true && slot.pending.graph === graph) {
        void this.discard(slot, cancelled);
      }
    }
    this.dispatch();
  }

  /** Warm-ups waiting or running. */
  warmups(): { waiting: number; running: number } {
    return { waiting: this.warming.length, running: [...this.slots].filter((slot) => slot.pending?.warm === true).length };
  }

  /** Workers alive, how many compute, jobs waiting (all lanes). */
  stats(): { workers: number; busy: number; waiting: number } {
    const busy = [...this.slots].filter((slot) => slot.pending !== null).length;
    return { workers: this.slots.size, busy, waiting: LANES.reduce((sum, lane) => sum + this.waiting[lane].length, 0) };
  }

  /** Stops every worker; jobs still waiting or computing get a BusyError. */
  async close(): Promise<void> {
    this.closed = true;
    const stopping = new BusyError('the server is stopping; try again later');
    for (const lane of LANES) for (const pending of this.waiting[lane].splice(0)) this.settle(pending, stopping);
    for (const pending of this.warming.splice(0)) this.settle(pending, stopping);
    await Promise.all([...this.slots].map((slot) => this.discard(slot, stopping)));
  }

  private submit(graph: SupplyGraph | null, job: ComputeJob, run: RunOptions, answer: AnswerAs): Promise<unknown> {
    if (this.closed) return Promise.reject(new BusyError('the server is stopping; try again later'));
    if (graph !== null && (run.work ?? graph.order * graph.size) <= this.options.inlineWork) {
      try {
        const result = runJob(graph, job as GraphJob);
        return Promise.resolve(answer.as === 'result' ? result : Buffer.from(boundedJson(result, answer.limit, answer.what)));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    const lane = laneOf(job);
    const waiting = this.waiting[lane];
    // A request never waits for a warm-up: its worker is stopped instead.
    if (!this.hasFreeWorker(lane)) this.yieldWarmup(lane);
    if (waiting.length >= this.options.queue && !this.hasFreeWorker(lane)) {
      return Promise.reject(new BusyError(`the server is busy (${this.options.queue} computations waiting); try again later`));
    }
    return new Promise<unknown>((resolve, reject) => {
      const pending: Pending = { graph, job, run, lane, answer, resolve, reject, cleanup: () => {} };
      waiting.push(pending);
      // Waiting is bounded by the budget and by `maxWaitMs`: under overload a prompt 503
      // (try again) is better than an answer after the client gave up.
      const waitMs = Math.min(run.budgetMs, this.options.maxWaitMs);
      this.phase(pending, waitMs, (aborted) => {
        const at = waiting.indexOf(pending);
        if (at >= 0) waiting.splice(at, 1);
        if (aborted) return new BusyError('the request was aborted by the client while it waited for a worker');
        return new BusyError(`the server is busy: no worker was free within ${seconds(waitMs)}; try again later`);
      });
      this.dispatch();
    });
  }

  /**
   * A request waits in `lane` and no worker is free: a worker of the lane that runs a
   * warm-up is stopped, and the warm-up goes back to the front of the warm-ups (see the header).
   */
  private yieldWarmup(lane: Lane): void {
    const slot = [...this.slots].find((s) => s.lane === lane && s.pending?.warm === true);
    if (!slot) return;
    const warm = slot.pending as Pending;
    slot.pending = null;
    warm.cleanup();
    this.warming.unshift(warm);
    void this.discard(slot, null);
  }

  private hasFreeWorker(lane: Lane): boolean {
    let count = 0;
    for (const slot of this.slots) {
      if (slot.lane !== lane) continue;
      if (slot.pending === null) return true;
      count++;
    }
    return count < this.options.workers;
  }

  /**
   * Starts a phase (waiting or computing) of `pending`: after its budget, or on abort,
   * `onEnd` undoes the phase and gives the error to answer with.
   */
  private phase(pending: Pending, budgetMs: number, onEnd: (aborted: boolean) => Error): void {
    pending.cleanup();
    const { signal } = pending.run;
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

  /**
   * The graph as `slot`'s worker gets it: by id when it holds it, else with its data (and
   * the ids to drop to stay within WORKER_GRAPHS). `commit` records the change once posted.
   */
  private graphRef(slot: Slot, graph: SupplyGraph, keep: boolean): { ref: GraphRef; commit: () => void } {
    if (!keep) return { ref: { data: graph.export() }, commit: () => {} };
    let id = this.graphIds.get(graph);
    if (id === undefined) {
      id = this.nextGraphId++;
      this.graphIds.set(graph, id);
    }
    const known = id;
    if (slot.graphs.has(known)) {
      return {
        ref: { id: known },
        commit: () => {
          slot.graphs.delete(known);
          slot.graphs.add(known);
        },
      };
    }
    const drop = [...slot.graphs].slice(0, Math.max(0, slot.graphs.size - WORKER_GRAPHS + 1));
    return {
      ref: { id: known, data: graph.export(), ...(drop.length > 0 ? { drop } : {}) },
      commit: () => {
        for (const old of drop) slot.graphs.delete(old);
        slot.graphs.add(known);
      },
    };
  }

  private dispatch(): void {
    for (const lane of LANES) {
      const waiting = this.waiting[lane];
      while (waiting.length > 0 && this.hasFreeWorker(lane)) {
        const pending = waiting.shift() as Pending;
        this.start(lane, pending, pending.run.keepGraph !== false);
      }
    }
    // Warm-ups last: only on an idle graph lane with no request waiting.
    while (this.warming.length > 0 && this.waiting.graph.length === 0 && this.hasFreeWorker('graph')) {
      this.start('graph', this.warming.shift() as Pending, true);
    }
  }

  /**
   * Posts `pending` to a free worker of `lane` (spawned if none is idle) and starts its
   * computing phase; a failure to spawn or post settles it with the error. `keepGraph`
   * says whether the worker keeps the graph for later jobs.
   */
  private start(lane: Lane, pending: Pending, keepGraph: boolean): void {
    let slot = [...this.slots].find((s) => s.lane === lane && s.pending === null);
    try {
      slot ??= this.spawn(lane);
      if (pending.graph === null) {
        const request: WorkerRequest = { graph: null, job: pending.job as StandaloneJob, answer: pending.answer };
        slot.worker.postMessage(request, pending.run.transfer ?? []);
      } else {
        const { ref, commit } = this.graphRef(slot, pending.graph, keepGraph);
        const request: WorkerRequest = { graph: ref, job: pending.job as GraphJob, answer: pending.answer };
        slot.worker.postMessage(request);
        commit();
      }
    } catch (error) {
      this.settle(pending, error as Error);
      return;
    }
    this.compute(slot, pending);
  }

  /** The computing phase of `pending` on `busy`'s worker. */
  private compute(busy: Slot, pending: Pending): void {
    busy.pending = pending;
    const t0 = this.options.clock.now();
    this.phase(pending, pending.run.budgetMs, (aborted) => {
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

  private spawn(lane: Lane): Slot {
    const slot: Slot = { worker: this.options.spawn(), lane, pending: null, dead: false, graphs: new Set() };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending;
      if (slot.dead || pending === null) return;
      slot.pending = null;
      if (!reply.ok) this.settle(pending, reviveError(reply.error));
      else if ('json' in reply) this.settle(pending, { result: Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength) });
      else this.settle(pending, { result: reply.result });
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
