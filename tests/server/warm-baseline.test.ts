/**
 * Background warm-ups of large graphs' scenario baselines (compute-pool.ts `warm`,
 * compute-jobs.ts job `baseline`, graph-store.ts onLoaded/onReplaced, app.ts): a warmed
 * baseline is reused by the scenario that follows (baselines built, counted); a warm-up
 * waits behind every request and gives its worker up to a request (order of the requests
 * posted to the workers, workers stopped); a changed file cancels its graph's warm-up.
 * Budgets on a manual clock and hanging workers: nothing depends on timing.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { BusyError, ComputationError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario, type EvaluateOptions } from '../../src/scenario/evaluate.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { baselineBuilds } from '../../src/server/baseline-cache.js';
import { runJob, type WorkerRequest } from '../../src/server/compute-jobs.js';
import { ComputePool } from '../../src/server/compute-pool.js';
import { GraphStore, type LoadedGraph } from '../../src/server/graph-store.js';
import { manualClock } from '../helpers/manual-clock.js';
import { spawnHangingWorker } from './hanging-worker.js';

const graphOf = (seed: number, nodes = 40) => parseGraph(generateSupplyGraph({ nodes, seed }), `g${seed}`).graph;
const RUN = { budgetMs: 1_000, hint: 'try the CLI' };
const WARM = { type: 'baseline', objective: 'total' } as const;
const scenarioJob = (country: string): { type: 'scenario'; scenario: Scenario; options: EvaluateOptions } => ({ type: 'scenario', scenario: { name: `no ${country}`, actions: [{ type: 'disableCountry', country }] }, options: {} });

/** A pool of hanging workers whose requests are recorded, one list per worker, and whose workers' exits are counted. */
function recordingPool(clock = manualClock()) {
  const sent: WorkerRequest[][] = [];
  const exits: Promise<number>[] = [];
  const spawn = (): Worker => {
    const worker = spawnHangingWorker();
    const mine: WorkerRequest[] = [];
    sent.push(mine);
    exits.push(new Promise((resolve) => worker.once('exit', resolve)));
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: WorkerRequest) => {
      mine.push(message);
      post(message);
    };
    return worker;
  };
  return { pool: new ComputePool({ spawn, workers: 1, queue: 4, inlineWork: 0, clock }), sent, exits, clock };
}

const types = (sent: WorkerRequest[][]) => sent.map((requests) => requests.map((r) => r.job.type));

describe('baseline warm-up job', () => {
  it('prepares the baseline once; the scenario after it reuses it and gives the same result', () => {
    const graph = graphOf(3, 60);
    const country = graph.getNodeAttribute(graph.nodes()[0] as string, 'country');
    const before = baselineBuilds.count;
    expect(runJob(graph, WARM)).toEqual({ prepared: true });
    expect(baselineBuilds.count).toBe(before + 1);
    expect(runJob(graph, WARM)).toEqual({ prepared: true });
    const result = runJob(graph, scenarioJob(country));
    expect(baselineBuilds.count).toBe(before + 1);
    expect(result).toEqual(evaluateScenario(graph, scenarioJob(country).scenario));
    // Another graph object (a new file version) prepares its own.
    runJob(graph.copy(), WARM);
    expect(baselineBuilds.count).toBe(before + 2);
  });
});

describe('compute pool warm-ups', () => {
  let pool: ComputePool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('wait behind every request of the graph lane, and run when it is idle', async () => {
    const r = recordingPool();
    pool = r.pool;
    const graph = graphOf(1);
    const first = pool.run(graph, scenarioJob('CN'), RUN);
    first.catch(() => {});
    const warm = pool.warm(graph, WARM, RUN);
    warm.catch(() => {});
    const second = pool.run(graph, scenarioJob('US'), { ...RUN, budgetMs: 2_000 });
    second.catch(() => {});
    expect(pool.warmups()).toEqual({ waiting: 1, running: 0 });
    expect(types(r.sent)).toEqual([['scenario']]);
    // The first request overruns its budget: the request that waited goes first, then the warm-up.
    r.clock.advance(1_000);
    await expect(first).rejects.toThrow(ComputationError);
    expect(types(r.sent)).toEqual([['scenario'], ['scenario']]);
    expect(pool.warmups()).toEqual({ waiting: 1, running: 0 });
    r.clock.advance(2_000);
    await expect(second).rejects.toThrow(ComputationError);
    expect(types(r.sent)).toEqual([['scenario'], ['scenario'], ['baseline']]);
    expect(pool.warmups()).toEqual({ waiting: 0, running: 1 });
  });

  it('give their worker up to a request: stopped at once, the request posted to a fresh worker, the warm-up started again when the lane is idle', async () => {
    const r = recordingPool();
    pool = r.pool;
    const graph = graphOf(2);
    const warm = pool.warm(graph, WARM, { ...RUN, budgetMs: 10_000 });
    warm.catch(() => {});
    expect(types(r.sent)).toEqual([['baseline']]);
    const request = pool.run(graph, { type: 'metrics', options: {} }, RUN);
    request.catch(() => {});
    // Posted at once (no wait), on a second worker; the first one is stopped.
    expect(types(r.sent)).toEqual([['baseline'], ['metrics']]);
    await r.exits[0];
    expect(pool.stats()).toEqual({ workers: 1, busy: 1, waiting: 0 });
    expect(pool.warmups()).toEqual({ waiting: 1, running: 0 });
    r.clock.advance(1_000);
    await expect(request).rejects.toThrow(ComputationError);
    expect(types(r.sent)).toEqual([['baseline'], ['metrics'], ['baseline']]);
    expect(pool.warmups()).toEqual({ waiting: 0, running: 1 });
  });

  it('cancelWarm drops a graph\'s warm-ups, waiting or running; other graphs\' stay', async () => {
    const r = recordingPool();
    pool = r.pool;
    const [a, b] = [graphOf(4), graphOf(5)];
    const running = pool.warm(a, WARM, RUN);
    const waitingA = pool.warm(a, { type: 'baseline', objective: 'fair' }, RUN);
    const waitingB = pool.warm(b, WARM, RUN);
    waitingB.catch(() => {});
    expect(pool.warmups()).toEqual({ waiting: 2, running: 1 });
    pool.cancelWarm(a);
    await expect(running).rejects.toThrow(BusyError);
    await expect(waitingA).rejects.toThrow(/cancelled: its graph changed/);
    await r.exits[0];
    // The lane is free again: b's warm-up runs on a fresh worker.
    expect(types(r.sent)).toEqual([['baseline'], ['baseline']]);
    expect(r.sent[1]?.[0]?.graph?.data).toBeDefined();
    expect(pool.warmups()).toEqual({ waiting: 0, running: 1 });
  });

  it('a job small enough to run inline is not warmed; after close, warm-ups are refused', async () => {
    pool = new ComputePool({ spawn: () => { throw new Error('no worker expected'); }, inlineWork: 1e12 });
    await expect(pool.warm(graphOf(6), WARM, RUN)).resolves.toBeUndefined();
    await pool.close();
    await expect(pool.warm(graphOf(6), WARM, RUN)).rejects.toThrow(BusyError);
  });
});

describe('graph store load events', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reports each loaded graph, and the old graph when its file changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'warm-store-'));
    const file = join(dir, 'g.json');
    writeFileSync(file, JSON.stringify(generateSupplyGraph({ nodes: 30, seed: 1 })));
    const loaded: LoadedGraph[] = [];
    const replaced: SupplyGraph[] = [];
    const store = new GraphStore(dir, { onLoaded: (l) => loaded.push(l), onReplaced: (g) => replaced.push(g) });
    const first = (await store.load('g')).graph;
    await store.load('g');
    expect(loaded.map((l) => l.graph)).toEqual([first]);
    expect(replaced).toEqual([]);
    writeFileSync(file, JSON.stringify(generateSupplyGraph({ nodes: 31, seed: 1 })));
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    const second = (await store.load('g')).graph;
    expect(second).not.toBe(first);
    expect(replaced).toEqual([first]);
    expect(loaded.map((l) => l.graph)).toEqual([first, second]);
  });
});
