/** sweepScenariosParallel (src/scenario/sweep-parallel.ts): the single-thread sweep, exactly, on any number of threads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { sweepScenarios } from '../../src/scenario/sweep.js';
import { sweepScenariosParallel, type SpawnSweepWorker } from '../../src/scenario/sweep-parallel.js';
import { tsWorker } from '../helpers/ts-worker.js';
import { chain } from './graphs.js';

const spawn: SpawnSweepWorker = (input) => tsWorker('scenario/sweep-worker', { workerData: input });
const dataset = parseGraph(JSON.parse(readFileSync(new URL('../../graphs/rare-earths-2024.json', import.meta.url), 'utf8')), 'rare-earths-2024.json').graph;

describe('sweepScenariosParallel', () => {
  it('on the default dataset, by country: one thread and two threads give the same rows in the same order', async () => {
    const single = sweepScenarios(dataset);
    expect(single.rows.length).toBeGreaterThan(4);
    const progress: number[] = [];
    const two = await sweepScenariosParallel(dataset, { threads: 2, minWork: 0, spawn, onProgress: (done) => progress.push(done) });
    expect(two).toEqual(single);
    expect(two.rows.map((r) => r.id)).toEqual(single.rows.map((r) => r.id));
    expect(progress.at(-1)).toBe(single.rows.length);
  });

  it('by node, in value, on three threads: the same result', async () => {
    const options = { by: 'node', weight: 'value', bound: 'allocation' } as const;
    const single = sweepScenarios(dataset, options);
    expect(await sweepScenariosParallel(dataset, { ...options, threads: 3, minWork: 0, spawn })).toEqual(single);
  });

  it('runs a small sweep (or threads: 1) in the calling thread and checks its options', async () => {
    const noSpawn: SpawnSweepWorker = () => {
      throw new Error('no worker expected');
    };
    const g = chain();
    expect(await sweepScenariosParallel(g, { threads: 4, spawn: noSpawn })).toEqual(sweepScenarios(g));
    expect(await sweepScenariosParallel(dataset, { threads: 1, minWork: 0, spawn: noSpawn })).toEqual(sweepScenarios(dataset));
    await expect(sweepScenariosParallel(g, { threads: 0 })).rejects.toThrow(UsageError);
    await expect(sweepScenariosParallel(g, { threads: 2, mode: 'embargo', by: 'node', spawn })).rejects.toThrow(UsageError);
  });
});
