/**
 * The shared worker pool (src/metrics/worker-pool.ts): dealing and gathering are inverse,
 * results come back in thread order whatever order the workers finish in, progress is
 * summed over workers, and a worker that fails or exits without a result rejects the run.
 * Workers here are event emitters standing in for node:worker_threads Workers (the real
 * ones are exercised by the knockout and betweenness parallel tests).
 */
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { gatherInterleaved, interleave, runPool, threadCount } from '../../src/metrics/worker-pool.js';

/** A stand-in worker that replays `events` (message or exit) on later ticks, in order. */
function fakeWorker(events: ({ message: unknown } | { exit: number } | { error: Error })[], delay: number): Worker {
  const worker = new EventEmitter();
  events.forEach((event, i) =>
    setTimeout(() => {
      if ('message' in event) worker.emit('message', event.message);
      else if ('exit' in event) worker.emit('exit', event.exit);
      else worker.emit('error', event.error);
    }, delay + i),
  );
  return worker as unknown as Worker;
}

describe('worker-pool', () => {
  it('deals items interleaved and gathers them back in order', () => {
    const items = Array.from({ length: 11 }, (_v, i) => i);
    for (const count of [1, 2, 3, 5, 11]) {
      const shares = interleave(items, count);
      expect(shares).toHaveLength(count);
      shares.forEach((share, t) => expect(share.every((item) => item % count === t)).toBe(true));
      const values = shares.map((share) => Float64Array.from(share, (item) => item * 10));
      expect([...gatherInterleaved(values, items.length)]).toEqual(items.map((i) => i * 10));
    }
  });

  it('checks the thread count, defaulting to at least one', () => {
    expect(threadCount(undefined, 'x')).toBeGreaterThanOrEqual(1);
    expect(threadCount(3, 'x')).toBe(3);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => threadCount(bad, 'knockout')).toThrow(UsageError);
    expect(() => threadCount(0, 'knockout')).toThrow(/knockout: threads/);
  });

  it('returns results in thread order and sums progress', async () => {
    const progress: number[] = [];
    // Thread 0 finishes last.
    const results = await runPool<string>({
      name: 'test',
      workers: 3,
      total: 6,
      onProgress: (done, total) => progress.push(done * 100 + total),
      start: (t) => fakeWorker([{ message: { type: 'progress', done: 1 } }, { message: { type: 'progress', done: 2 } }, { message: { type: 'done', result: `r${t}` } }, { exit: 0 }], (2 - t) * 20),
    });
    expect(results).toEqual(['r0', 'r1', 'r2']);
    expect(progress.at(-1)).toBe(606);
    expect(progress).toHaveLength(6);
  });

  it('rejects when a worker exits without a result or fails', async () => {
    await expect(runPool({ name: 'knockout', workers: 2, total: 2, start: (t) => fakeWorker(t === 1 ? [{ exit: 1 }] : [{ message: { type: 'done', result: 1 } }, { exit: 0 }], 0) })).rejects.toThrow(
      /knockout worker stopped \(exit code 1\) before sending its result/,
    );
    await expect(runPool({ name: 'x', workers: 1, total: 1, start: () => fakeWorker([{ error: new Error('boom') }], 0) })).rejects.toThrow('boom');
  });
});
