/**
 * In-flight sharing of the answer cache (src/server/answer-cache.ts `answer`): identical
 * questions that miss the cache at the same time share one computation, keyed as the
 * cache is; the shared computation is aborted only when every request waiting for it has
 * gone. Deterministic: computations are promises the test settles, budgets a manual clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputationError } from '../../src/model/errors.js';
import { AnswerCache } from '../../src/server/answer-cache.js';
import type { RunningServer } from '../../src/server/start.js';
import { manualClock } from '../helpers/manual-clock.js';
import { spawnHangingWorker } from './hanging-worker.js';
import { copyGraphs, postJson, startTestServer } from './helpers.js';

/** A computation the test settles by hand, counting its starts and keeping its signal. */
function manual() {
  const calls: { signal: AbortSignal; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  const compute = (signal: AbortSignal) =>
    new Promise<Buffer>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { calls, compute };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AnswerCache.answer: identical questions in flight share one computation', () => {
  it('computes once for three identical questions asked at once, and caches the answer', async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const graph = {};
    const { calls, compute } = manual();
    const asked = [cache.answer(graph, 'q', compute), cache.answer(graph, 'q', compute), cache.answer(graph, 'q', compute)];
    await tick();
    expect(calls).toHaveLength(1);
    expect(cache.stats()).toMatchObject({ shared: 2, inFlight: 1, entries: 0 });
    calls[0]?.resolve(Buffer.from('A'));
    const answers = await Promise.all(asked);
    expect(answers.map(String)).toEqual(['A', 'A', 'A']);
    expect(cache.stats()).toMatchObject({ inFlight: 0, entries: 1 });
    // Asked again later: from the cache, no computation.
    expect(String(await cache.answer(graph, 'q', compute))).toBe('A');
    expect(calls).toHaveLength(1);
  });

  it('does not share between different questions or different graph versions', async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const { calls, compute } = manual();
    const v1 = {};
    const v2 = {};
    const asked = [cache.answer(v1, 'q', compute), cache.answer(v1, 'r', compute), cache.answer(v2, 'q', compute)];
    await tick();
    expect(calls).toHaveLength(3);
    calls.forEach((call, i) => call.resolve(Buffer.from(String(i))));
    expect((await Promise.all(asked)).map(String)).toEqual(['0', '1', '2']);
    expect(cache.stats().shared).toBe(0);
  });

  it('gives every waiting request the error, caches nothing, and computes afresh the next time', async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const graph = {};
    const { calls, compute } = manual();
    const asked = [cache.answer(graph, 'q', compute), cache.answer(graph, 'q', compute)];
    await tick();
    calls[0]?.reject(new ComputationError('did not finish within the time budget'));
    for (const one of asked) await expect(one).rejects.toThrow(ComputationError);
    expect(cache.stats()).toMatchObject({ entries: 0, inFlight: 0 });
    const again = cache.answer(graph, 'q', compute);
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(Buffer.from('B'));
    expect(String(await again)).toBe('B');
  });

  it('aborts the shared computation only when every waiting request has gone away', async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const graph = {};
    const { calls, compute } = manual();
    const first = new AbortController();
    const second = new AbortController();
    const asked = [cache.answer(graph, 'q', compute, first.signal), cache.answer(graph, 'q', compute, second.signal)];
    await tick();
    first.abort();
    expect(calls[0]?.signal.aborted).toBe(false);
    second.abort();
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.reject(new ComputationError('aborted'));
    for (const one of asked) await expect(one).rejects.toThrow('aborted');
  });

  it('a request that went away does not abort the computation another one still waits for', async () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const graph = {};
    const { calls, compute } = manual();
    const gone = new AbortController();
    const stays = new AbortController();
    const asked = [cache.answer(graph, 'q', compute, gone.signal), cache.answer(graph, 'q', compute, stays.signal)];
    await tick();
    gone.abort();
    calls[0]?.resolve(Buffer.from('C'));
    expect((await Promise.all(asked)).map(String)).toEqual(['C', 'C']);
    expect(calls[0]?.signal.aborted).toBe(false);
  });
});

describe('POST /api/graphs/:id/scenario shares one computation between identical requests in flight', () => {
  let server: RunningServer;
  let folder: Awaited<ReturnType<typeof copyGraphs>>;
  const clock = manualClock();
  const answers = new AnswerCache();

  beforeAll(async () => {
    folder = await copyGraphs();
    // Every scenario on a worker that never answers: only the (manual) budget ends it.
    server = await startTestServer({ graphsDir: folder.dir, answers, limits: { scenarioMs: 1000 }, compute: { workers: 4, inlineWork: 0, spawn: spawnHangingWorker, clock } });
  });
  afterAll(async () => {
    await server.close();
    await folder.remove();
  });

  it('three identical requests occupy one worker and all get its answer (here: the budget error)', async () => {
    const body = { name: 'China embargo', actions: [{ type: 'embargo', from: 'CN' }] };
    const asked = [postJson(server.url, '/api/graphs/mini/scenario', body), postJson(server.url, '/api/graphs/mini/scenario', body), postJson(server.url, '/api/graphs/mini/scenario?top=3', body)];
    // The third asks another question (top=3): its own computation. Wait until all three are in.
    for (let i = 0; i < 1000 && !(server.pool.stats().busy === 2 && answers.stats().shared === 1); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answers.stats()).toMatchObject({ shared: 1, inFlight: 2 });
    expect(server.pool.stats()).toMatchObject({ busy: 2, waiting: 0 });
    clock.advance(1000);
    const responses = await Promise.all(asked);
    expect(responses.map((res) => res.status)).toEqual([422, 422, 422]);
    const errors = (await Promise.all(responses.map((res) => res.json()))) as { error: string }[];
    expect(errors[0]?.error).toMatch(/did not finish within the time budget of 1 s/);
    expect(errors[1]).toEqual(errors[0]);
  });
});
