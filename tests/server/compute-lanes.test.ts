/**
 * The compute pool's request-layer parts added for issue 14, round 2
 * (src/server/compute-pool.ts, compute-jobs.ts): two lanes, so posted input filling its
 * lane cannot take the workers of the map's graph jobs; graphs sent to a worker once and
 * kept (WORKER_GRAPHS, least recently used dropped, as the pool tells it); answers
 * serialized where the job runs (`runJson`, bytes transferred back, the byte limit checked
 * there); posted bodies as bytes (invalid UTF-8 is a 400). Budgets on a manual clock.
 */
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { BusyError, ComputationError, InputError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { decodeBody, runRequest, WorkerGraphs, type WorkerRequest } from '../../src/server/compute-jobs.js';
import { ComputePool, laneOf, WORKER_GRAPHS } from '../../src/server/compute-pool.js';
import { manualClock } from '../helpers/manual-clock.js';
import { spawnHangingWorker } from './hanging-worker.js';
import { spawnComputeWorker } from './spawn-compute-worker.js';
import { postJson, serveCopiedGraphs } from './helpers.js';

const graphOf = (seed: number, nodes = 40) => parseGraph(generateSupplyGraph({ nodes, seed }), `g${seed}`).graph;
const RUN = { budgetMs: 10_000, hint: 'try the CLI' };
const METRICS = { type: 'metrics', options: {} } as const;
const LIMITS = { analyzeNodes: 2000, analyzeEdges: 20000, analyzeWork: 1e9 };

/** A pool whose workers' incoming requests are recorded. */
function recordingPool(spawnWorker: () => Worker, options: Partial<ConstructorParameters<typeof ComputePool>[0]> = {}) {
  const sent: WorkerRequest[][] = [];
  const spawn = (): Worker => {
    const worker = spawnWorker();
    const mine: WorkerRequest[] = [];
    sent.push(mine);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message: WorkerRequest, transfer?: readonly ArrayBuffer[]) => {
      mine.push(message);
      post(message, transfer as never);
    };
    return worker;
  };
  return { pool: new ComputePool({ spawn, inlineWork: 0, ...options }), sent };
}

describe('compute pool lanes', () => {
  it('puts posted input and file reads in the input lane, the map\'s computations in the graph lane, timelines and ensembles in the background lane', () => {
    expect(laneOf({ type: 'analyze', body: new Uint8Array(), limits: LIMITS })).toBe('input');
    expect(laneOf({ type: 'load', path: '/x', label: 'x.json', want: 'summary' })).toBe('input');
    expect(laneOf(METRICS)).toBe('graph');
    expect(laneOf({ type: 'scenario', scenario: { name: 'x', actions: [] }, options: {} })).toBe('graph');
    expect(laneOf({ type: 'timeline', scenario: { name: 'x', actions: [] }, options: {} })).toBe('background');
    expect(laneOf({ type: 'ensemble', scenario: { name: 'x', actions: [] }, options: { samples: 10 } })).toBe('background');
  });

  it('a scenario does not wait behind a timeline: each has a worker of its own lane', async () => {
    const clock = manualClock();
    const { pool, sent } = recordingPool(spawnHangingWorker, { workers: 1, queue: 0, clock });
    const graph = graphOf(2);
    const timeline = pool.run(graph, { type: 'timeline', scenario: { name: 'x', actions: [] }, options: {} }, RUN);
    timeline.catch(() => {});
    const scenario = pool.run(graph, { type: 'scenario', scenario: { name: 'x', actions: [] }, options: {} }, RUN);
    scenario.catch(() => {});
    expect(pool.stats()).toEqual({ workers: 2, busy: 2, waiting: 0 });
    expect(sent.map((requests) => requests.map((r) => r.job.type))).toEqual([['timeline'], ['scenario']]);
    // A second timeline finds its lane full (queue 0): 503, while the scenario computes.
    await expect(pool.run(graph, { type: 'timeline', scenario: { name: 'y', actions: [] }, options: {} }, RUN)).rejects.toThrow(BusyError);
    await pool.close();
    await expect(timeline).rejects.toThrow(BusyError);
    await expect(scenario).rejects.toThrow(BusyError);
  });

  it('a full input lane answers 503 while graph jobs still get a worker of their own lane', async () => {
    const clock = manualClock();
    const { pool, sent } = recordingPool(spawnHangingWorker, { workers: 1, queue: 0, clock });
    const body = new TextEncoder().encode('{}');
    const upload = pool.run(null, { type: 'analyze', body, limits: LIMITS }, RUN);
    upload.catch(() => {});
    await expect(pool.run(null, { type: 'analyze', body: new TextEncoder().encode('{}'), limits: LIMITS }, RUN)).rejects.toThrow(BusyError);
    const graphJob = pool.run(graphOf(1), METRICS, { ...RUN, budgetMs: 100 });
    graphJob.catch(() => {});
    expect(pool.stats()).toEqual({ workers: 2, busy: 2, waiting: 0 });
    expect(sent.map((requests) => requests.map((r) => r.job.type))).toEqual([['analyze'], ['metrics']]);
    clock.advance(100);
    await expect(graphJob).rejects.toThrow(ComputationError);
    await pool.close();
    await expect(upload).rejects.toThrow(BusyError);
  });
});

describe('the wait for a worker', () => {
  it('is bounded by maxWaitMs whatever the job budget: then a prompt 503, not an answer after the client gave up', async () => {
    const clock = manualClock();
    const { pool } = recordingPool(spawnHangingWorker, { workers: 1, maxWaitMs: 50, clock });
    const running = pool.run(graphOf(6), METRICS, RUN);
    running.catch(() => {});
    const waiting = pool.run(graphOf(7), METRICS, RUN); // budget 10 s
    clock.advance(49);
    expect(pool.stats().waiting).toBe(1);
    clock.advance(1);
    await expect(waiting).rejects.toThrow(BusyError);
    await expect(waiting).rejects.toThrow(/^the server is busy: no worker was free within 0\.05 s; try again later$/);
    expect(pool.stats()).toEqual({ workers: 1, busy: 1, waiting: 0 });
    await pool.close();
    expect(() => new ComputePool({ maxWaitMs: -1 })).toThrow(/maxWaitMs must be a number >= 0/);
  });
});

describe('graphs kept by workers', () => {
  it('sends a graph once, then by id; drops the least recently used beyond WORKER_GRAPHS; same results as the calling thread', async () => {
    const { pool, sent } = recordingPool(spawnComputeWorker, { workers: 1 });
    const graphs = Array.from({ length: WORKER_GRAPHS + 1 }, (_, i) => graphOf(i + 1, 30));
    const first = graphs[0] as (typeof graphs)[number];
    try {
      const scenario = { type: 'scenario' as const, scenario: { name: 'CN off', actions: [{ type: 'disableCountry' as const, country: 'CN' }] }, options: {} };
      expect(await pool.run(first, scenario, RUN)).toEqual(evaluateScenario(first, scenario.scenario, {}));
      expect(await pool.run(first, METRICS, RUN)).toEqual(computeMetrics(first));
      for (const graph of graphs.slice(1)) await pool.run(graph, METRICS, RUN);
      await pool.run(first, METRICS, RUN); // dropped by the last graph: sent again
      const refs = (sent[0] ?? []).map((r) => r.graph);
      expect(refs.map((ref) => ref !== null && ref.data !== undefined)).toEqual([true, false, true, true, true, true, true]);
      expect(refs[5]?.drop).toEqual([refs[0]?.id]);
      expect(refs[6]?.drop).toEqual([refs[1 + 1]?.id]);
      // A graph used once (a posted one) is sent without an id: the worker does not keep it.
      await pool.run(first, METRICS, { ...RUN, keepGraph: false });
      expect((sent[0] ?? [])[7]?.graph).toEqual({ data: first.export() });
    } finally {
      await pool.close();
    }
  });

  it('WorkerGraphs refuses a job whose graph it neither got nor holds', () => {
    const held = new WorkerGraphs();
    const graph = graphOf(3, 30);
    expect(held.get({ id: 7, data: graph.export() }).order).toBe(graph.order);
    expect(held.get({ id: 7 }).order).toBe(graph.order);
    expect(() => held.get({ id: 8 })).toThrow(/graph 8 was neither sent nor held/);
    held.get({ id: 9, data: graph.export(), drop: [7] });
    expect(held.size).toBe(1);
  });
});

describe('answers serialized where the job runs (runJson)', () => {
  it('gives the JSON bytes of the result, in the calling thread and on a worker, and refuses an answer over its limit there', async () => {
    const graph = graphOf(4, 30);
    const expected = JSON.stringify(computeMetrics(graph));
    const inline = new ComputePool({ spawn: () => { throw new Error('no worker expected'); }, inlineWork: Infinity });
    const worker = new ComputePool({ spawn: spawnComputeWorker, inlineWork: 0 });
    try {
      for (const pool of [inline, worker]) {
        const bytes = await pool.runJson(graph, METRICS, { ...RUN, answerBytes: 1e9, what: 'the metrics' });
        expect(Buffer.isBuffer(bytes)).toBe(true);
        expect(bytes.toString('utf8')).toBe(expected);
        const over = pool.runJson(graph, METRICS, { ...RUN, answerBytes: 100, what: 'the metrics' });
        await expect(over).rejects.toThrow(ComputationError);
        await expect(over).rejects.toThrow(/^the metrics: the answer would be .* MiB, more than the server sends/);
      }
    } finally {
      await worker.close();
    }
  });

  it('a posted body is decoded in the worker: invalid UTF-8 is an InputError', async () => {
    expect(decodeBody(new TextEncoder().encode('{"a":"é"}'))).toBe('{"a":"é"}');
    expect(() => decodeBody(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(InputError);
    const request: WorkerRequest = { graph: null, job: { type: 'analyze', body: new Uint8Array([0x7b, 0xff, 0x7d]), limits: LIMITS }, answer: { as: 'result' } };
    await expect(runRequest(request)).rejects.toThrow(/not valid UTF-8/);
  });
});

describe('a large posted body over HTTP', () => {
  const served = serveCopiedGraphs({ limits: { analyzeInlineBytes: 10 } });

  it('is refused with a 400 when it is not UTF-8 (decoded on the worker)', async () => {
    const body = Buffer.concat([Buffer.from('{"nodes": ["'), Buffer.from([0xff, 0xfe]), Buffer.from('"]}')]);
    const res = await fetch(new URL('/api/analyze', served.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: 'input', details: [{ element: 'request body', message: 'is not valid UTF-8 text' }] });
    // A valid one still works on the same path.
    expect((await postJson(served.server.url, '/api/analyze?metrics=throughput', { nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN' } }], edges: [] })).status).toBe(200);
  });
});
