/**
 * The worker-thread pool the parallel metrics share (flow/knockout-parallel.ts,
 * centrality/betweenness-parallel.ts): work items dealt to T threads interleaved (item i
 * to thread i mod T, so items of very different cost, e.g. upstream and downstream nodes,
 * spread evenly), one worker per share started by the caller, progress summed over the
 * workers, and the workers' results returned in thread order for the caller to merge, so a
 * merge never depends on which worker finished first.
 *
 * Protocol (`PoolMessage`): a worker posts { type: 'progress', done } (items of its share
 * done so far) any number of times, then { type: 'done', result } once, and exits; the
 * worker side is `poolReply`. A worker that throws, or exits without a result, rejects
 * the run. With the worker files, this is the only part of src/metrics that touches Node
 * APIs (node:os, node:worker_threads).
 */
import { availableParallelism } from 'node:os';
import type { MessagePort, TransferListItem, Worker } from 'node:worker_threads';
import { UsageError } from '../model/errors.js';

/** Most threads a pool starts by default. */
export const MAX_DEFAULT_THREADS = 16;

export type PoolMessage<R> = { type: 'progress'; done: number } | { type: 'done'; result: R };

/** `threads` checked (a whole number >= 1; `what` names the metric in the error), or the default: available parallelism, at most MAX_DEFAULT_THREADS. */
export function threadCount(threads: number | undefined, what: string): number {
  if (threads === undefined) return Math.min(MAX_DEFAULT_THREADS, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`${what}: threads must be a whole number >= 1 (got ${threads})`);
  return threads;
}

/** `items` dealt to `count` shares: share t holds items t, t + count, t + 2 count, ... */
export function interleave<T>(items: readonly T[], count: number): T[][] {
  const shares = Array.from({ length: count }, (): T[] => []);
  items.forEach((item, i) => shares[i % count]?.push(item));
  return shares;
}

/** The inverse of `interleave` for one value per item: value i is parts[i mod count][floor(i / count)]. */
export function gatherInterleaved(parts: readonly ArrayLike<number>[], length: number): Float64Array {
  const count = parts.length;
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = (parts[i % count] as ArrayLike<number>)[Math.floor(i / count)] as number;
  return out;
}

export interface PoolRun {
  /** Names the workers in errors (e.g. "knockout"). */
  name: string;
  /** Starts worker t (0 .. workers - 1) on its share. */
  start: (t: number) => Worker;
  workers: number;
  /** Items in all shares, for progress. */
  total: number;
  /** Called with (items done over all workers, total) on each worker's progress. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

function runOne<R>(worker: Worker, name: string, onDone: (done: number) => void): Promise<R> {
  return new Promise((resolve, reject) => {
    let result: { value: R } | null = null;
    worker.on('message', (message: PoolMessage<R>) => {
      if (message.type === 'progress') onDone(message.done);
      else result = { value: message.result };
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (result !== null) resolve(result.value);
      else reject(new Error(`${name} worker stopped (exit code ${code}) before sending its result`));
    });
  });
}

/** Runs the pool's workers at once; their results in thread order. */
export async function runPool<R>(run: PoolRun): Promise<R[]> {
  const progress = new Array<number>(run.workers).fill(0);
  return Promise.all(
    Array.from({ length: run.workers }, (_w, t) =>
      runOne<R>(run.start(t), run.name, (done) => {
        progress[t] = done;
        run.onProgress?.(progress.reduce((a, b) => a + b, 0), run.total);
      }),
    ),
  );
}

/** The worker side of the protocol, on the worker's `parentPort`. */
export function poolReply<R>(port: MessagePort): { progress: (done: number) => void; done: (result: R, transfer?: readonly TransferListItem[]) => void } {
  return {
    progress: (done) => port.postMessage({ type: 'progress', done } satisfies PoolMessage<R>),
    done: (result, transfer = []) => port.postMessage({ type: 'done', result } satisfies PoolMessage<R>, [...transfer]),
  };
}
