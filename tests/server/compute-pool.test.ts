/**
 * The compute pool (src/server/compute-pool.ts): results from a worker equal those of the
 * calling thread; worker errors come back as the same typed errors; a job over its time
 * budget is stopped (its worker terminated, a fresh one takes the next job) and answered
 * with a 422 while small requests are still answered at once; a full queue is a 503; an
 * aborted job stops its worker; closing the pool or the server terminates the workers.
 * Heavy jobs are generated graphs (`generateSupplyGraph`, 2,000 nodes, ~1 s of metrics
 * here), or jobs on a worker that never answers (hanging-worker.ts). Budgets run on a
 * manual clock (`ComputeOptions.clock`) that a test advances: no assertion depends on how
 * fast or loaded the machine is (issue 14: wall-clock limits made these tests flaky).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { BusyError, ChokepointError, ComputationError, InputError, NotFoundError, TooLargeError, UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { reviveError, serializeError } from '../../src/server/compute-jobs.js';
import { ComputePool, type ComputeOptions } from '../../src/server/compute-pool.js';
import type { RunningServer } from '../../src/server/start.js';
import { manualClock } from '../helpers/manual-clock.js';
import { spawnHangingWorker } from './hanging-worker.js';
import { copyGraphs, postJson, startTestServer } from './helpers.js';
import { spawnComputeWorker } from './spawn-compute-worker.js';

const HEAVY_BODY = generateSupplyGraph({ nodes: 2000, seed: 7, edgesPerNode: 6 });
const HEAVY = parseGraph(HEAVY_BODY, 'heavy').graph;
const MEDIUM = parseGraph(generateSupplyGraph({ nodes: 200, seed: 7 }), 'medium').graph;
const SMALL = parseGraph(generateSupplyGraph({ nodes: 60, seed: 7 }), 'small').graph;
const ZERO = {
  nodes: [
    { key: 'a', attributes: { stage: 'mining', country: 'CN' } },
    { key: 'b', attributes: { stage: 'end-use', country: 'CN' } },
  ],
  edges: [{ source: 'a', target: 'b', attributes: { flow: 0 } }],
};
const CN_OFF = { name: 'CN offline', actions: [{ type: 'disableCountry' as const, country: 'CN' }] };
const RUN = { budgetMs: 10_000, hint: 'try the CLI' };
const METRICS = { type: 'metrics', options: {} } as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pool whose workers are recorded, with a promise of each one's exit. */
function recordedPool(options: Partial<ComputeOptions>, spawnWorker: () => Worker = spawnComputeWorker): { pool: ComputePool; exits: Promise<number>[] } {
  const exits: Promise<number>[] = [];
  const spawn = (): Worker => {
    const worker = spawnWorker();
    exits.push(new Promise((resolve) => worker.once('exit', resolve)));
    return worker;
  };
  return { pool: new ComputePool({ spawn, ...options }), exits };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await sleep(5);
  expect(check()).toBe(true);
}

describe('ComputePool', () => {
  it('computes in a worker the same report and scenario result as the calling thread', async () => {
    const pool = new ComputePool({ spawn: spawnComputeWorker, inlineWork: 0 });
    try {
      expect(await pool.run(MEDIUM, METRICS, RUN)).toEqual(computeMetrics(MEDIUM));
      const scenario = { type: 'scenario', scenario: CN_OFF, options: { top: 3 } } as const;
      expect(await pool.run(MEDIUM, scenario, RUN)).toEqual(evaluateScenario(MEDIUM, CN_OFF, { top: 3 }));
      expect(pool.stats()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });

  it('computes small graphs in the calling thread, without a worker', async () => {
    const pool = new ComputePool({ spawn: () => { throw new Error('no worker expected'); } });
    expect(SMALL.order * SMALL.size).toBeLessThanOrEqual(pool.options.inlineWork);
    expect((await pool.run(SMALL, METRICS, RUN)).nodes).toHaveLength(60);
    expect(pool.stats().workers).toBe(0);
  });

  it('rebuilds errors thrown in a worker as the same typed errors', async () => {
    const pool = new ComputePool({ spawn: spawnComputeWorker, inlineWork: 0 });
    try {
      await expect(pool.run(MEDIUM, { type: 'metrics', options: { metrics: ['nope'] } as never }, RUN)).rejects.toThrow(UsageError);
      await expect(pool.run(MEDIUM, { type: 'metrics', options: { bogus: 1 } as never }, RUN)).rejects.toThrow(/unknown option "bogus"/);
      const zero = parseGraph(ZERO, 'zero').graph;
      const failed = pool.run(zero, { type: 'scenario', scenario: { name: 'none', actions: [] }, options: {} }, RUN);
      await expect(failed).rejects.toThrow(ComputationError);
      await expect(failed).rejects.toThrow(/baseline delivers nothing/);
    } finally {
      await pool.close();
    }
  });

  it('serializes every kind of error and rebuilds it', () => {
    const input = reviveError(serializeError(new InputError('f.json', [{ element: 'node "a"', message: 'bad' }], 4)));
    expect(input).toBeInstanceOf(InputError);
    expect(input).toMatchObject({ file: 'f.json', problems: [{ element: 'node "a"', message: 'bad' }], total: 4 });
    expect(input.message).toBe(new InputError('f.json', [{ element: 'node "a"', message: 'bad' }], 4).message);
    for (const error of [new UsageError('u'), new NotFoundError('n'), new TooLargeError('t'), new ComputationError('c'), new BusyError('b')]) {
      const back = reviveError(serializeError(error));
      expect(back).toBeInstanceOf(error.constructor);
      expect(back.message).toBe(error.message);
    }
    const internal = reviveError(serializeError(new TypeError('boom')));
    expect(internal).not.toBeInstanceOf(ChokepointError);
    expect(internal.message).toMatch(/^compute worker: TypeError: boom/);
  });

  it('stops a job over its budget with a ComputationError, and a fresh worker takes the next job', async () => {
    const clock = manualClock();
    const { pool, exits } = recordedPool({ workers: 1, inlineWork: 0, clock });
    try {
      const over = pool.run(HEAVY, METRICS, { budgetMs: 200, hint: 'run `chokepoint metrics` on the file' });
      await until(() => pool.stats().busy === 1);
      clock.advance(199);
      expect(pool.stats().busy).toBe(1);
      clock.advance(51);
      await expect(over).rejects.toThrow(ComputationError);
      await expect(over).rejects.toThrow(/^the metrics of 2000 nodes and 12000 edges did not finish within the time budget of 0\.2 s \(stopped after 0\.25 s\); run `chokepoint metrics` on the file$/);
      await exits[0]; // terminated
      expect((await pool.run(MEDIUM, METRICS, RUN)).nodes).toHaveLength(200);
      expect(exits).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('answers BusyError when the queue is full or a job waits longer than its budget; close stops the workers', async () => {
    const clock = manualClock();
    const { pool, exits } = recordedPool({ workers: 1, queue: 1, inlineWork: 0, clock }, spawnHangingWorker);
    const running = pool.run(HEAVY, METRICS, RUN);
    running.catch(() => {});
    const waiting = pool.run(MEDIUM, METRICS, { budgetMs: 100, hint: '' });
    await expect(pool.run(MEDIUM, METRICS, RUN)).rejects.toThrow(/^the server is busy \(1 computations waiting\)/);
    clock.advance(100);
    await expect(waiting).rejects.toThrow(BusyError);
    await expect(waiting).rejects.toThrow(/no worker was free within 0\.1 s/);
    const queued = pool.run(MEDIUM, METRICS, RUN);
    queued.catch(() => {});
    expect(pool.stats()).toEqual({ workers: 1, busy: 1, waiting: 1 });
    await pool.close();
    await expect(running).rejects.toThrow(/the server is stopping/);
    await expect(queued).rejects.toThrow(BusyError);
    expect(exits).toHaveLength(1);
    await exits[0];
    expect(pool.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
    expect(clock.timers).toBe(0);
    await expect(pool.run(HEAVY, METRICS, RUN)).rejects.toThrow(BusyError);
  });

  it('stops the worker of an aborted job', async () => {
    const { pool, exits } = recordedPool({ workers: 1, inlineWork: 0 }, spawnHangingWorker);
    const abort = new AbortController();
    const job = pool.run(HEAVY, METRICS, { ...RUN, signal: abort.signal });
    await until(() => pool.stats().busy === 1);
    abort.abort();
    await expect(job).rejects.toThrow(/aborted by the client/);
    await exits[0];
    expect(pool.stats().workers).toBe(0);
    await pool.close();
  });

  it('computes inline only what its work estimate allows: a job estimated over inlineWork goes to a worker (issue 14)', async () => {
    const clock = manualClock();
    const { pool, exits } = recordedPool({ workers: 1, clock }, spawnHangingWorker);
    expect(SMALL.order * SMALL.size).toBeLessThanOrEqual(pool.options.inlineWork);
    const scenario = { type: 'scenario', scenario: CN_OFF, options: {} } as const;
    expect((await pool.run(SMALL, scenario, RUN)).name).toBe('CN offline');
    expect(exits).toHaveLength(0);
    const heavy = pool.run(SMALL, scenario, { ...RUN, budgetMs: 50, work: pool.options.inlineWork + 1 });
    await until(() => pool.stats().busy === 1);
    clock.advance(50);
    await expect(heavy).rejects.toThrow(/^the scenario of 60 nodes and \d+ edges did not finish within the time budget of 0\.05 s/);
    await pool.close();
  });

  it('refuses unknown or bad options', () => {
    expect(() => new ComputePool({ worker: 2 } as never)).toThrow(UsageError);
    expect(() => new ComputePool({ workers: 0 })).toThrow(/workers must be a whole number >= 1/);
    expect(() => new ComputePool({ queue: -1 })).toThrow(UsageError);
  });
});

describe('the server with a compute pool', () => {
  let server: RunningServer;
  let folder: Awaited<ReturnType<typeof copyGraphs>>;
  const clock = manualClock();
  // The posted graph is parsed here (analyzeInlineBytes), so its job is "the metrics of ...".
  const limits = { analyzeWork: 1e9, analyzeMs: 300, analyzeInlineBytes: 1e9 };

  beforeAll(async () => {
    folder = await copyGraphs();
    await writeFile(join(folder.dir, 'zero.json'), JSON.stringify(ZERO));
    // A worker that never answers: only the (manual) budget ends its jobs.
    server = await startTestServer({ graphsDir: folder.dir, limits, compute: { workers: 1, queue: 1, spawn: spawnHangingWorker, clock } });
  });
  afterAll(async () => {
    await server.close();
    await folder.remove();
  });

  it('stops an upload over its time budget with a 422, while small requests are answered meanwhile', async () => {
    const big = postJson(server.url, '/api/analyze', HEAVY_BODY);
    await until(() => server.pool.stats().busy === 1);
    for (let i = 0; i < 5; i++) {
      const res = await postJson(server.url, '/api/graphs/mini/scenario', CN_OFF);
      expect(res.status).toBe(200);
      await res.json();
    }
    expect(server.pool.stats().busy).toBe(1); // the big job was still computing all along
    clock.advance(300);
    const res = await big;
    expect(res.status).toBe(422);
    const body = (await res.json()) as { kind: string; error: string };
    expect(body.kind).toBe('computation');
    expect(body.error).toMatch(/^the metrics of 2000 nodes and 12000 edges did not finish within the time budget of 0\.3 s \(stopped after 0\.3 s\)/);
    expect(body.error).toMatch(/ask for fewer metrics .* or run `chokepoint metrics` on the file$/);
  });

  it('answers 503 with Retry-After when the queue is full', async () => {
    const first = postJson(server.url, '/api/analyze', HEAVY_BODY);
    await until(() => server.pool.stats().busy === 1);
    const second = postJson(server.url, '/api/analyze', HEAVY_BODY);
    await until(() => server.pool.stats().waiting === 1);
    const third = await postJson(server.url, '/api/analyze', HEAVY_BODY);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(await third.json()).toMatchObject({ kind: 'busy', error: expect.stringMatching(/^the server is busy/) as unknown });
    clock.advance(300); // the first job's budget: stopped; the second takes a fresh worker
    expect((await first).status).toBe(422);
    await until(() => server.pool.stats().busy === 1);
    clock.advance(300);
    expect((await second).status).toBe(422);
  });

  it('maps an error thrown in a worker to its status (a scenario on a graph that delivers nothing: 422)', async () => {
    const other = await startTestServer({ graphsDir: folder.dir, compute: { inlineWork: 0 } });
    try {
      const res = await postJson(other.url, '/api/graphs/zero/scenario', { name: 'none', actions: [] });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ kind: 'computation', error: expect.stringMatching(/baseline delivers nothing/) as unknown });
      expect((await postJson(other.url, '/api/graphs/mini/scenario', CN_OFF)).status).toBe(200);
      expect(other.pool.stats().workers).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('closing the server terminates its workers', async () => {
    const exits: Promise<number>[] = [];
    const spawn = (): Worker => {
      const worker = spawnComputeWorker();
      exits.push(new Promise((resolve) => worker.once('exit', resolve)));
      return worker;
    };
    const other = await startTestServer({ graphsDir: folder.dir, limits: { analyzeWork: 1e9 }, compute: { spawn }, timeouts: { graceMs: 200 } });
    const pending = postJson(other.url, '/api/analyze', HEAVY_BODY).catch(() => null);
    await until(() => other.pool.stats().busy === 1);
    await other.close();
    expect(exits).toHaveLength(1);
    await exits[0];
    expect(other.pool.stats()).toEqual({ workers: 0, busy: 0, waiting: 0 });
    await pending;
  });
});
