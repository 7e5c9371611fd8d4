/**
 * evaluateScenarioParallel (src/scenario/evaluate-parallel.ts): the baseline's allocation LP
 * and knockout bottlenecks on a worker thread give exactly `evaluateScenario`'s result
 * (toEqual on the whole ScenarioResult, and the same JSON text), and small graphs,
 * threads: 1 and a prepared baseline stay in the calling thread. Which path runs is
 * decided by the graph's size, never by time.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../src/generate/supply-graph.js';
import { UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario, prepareBaseline } from '../../src/scenario/evaluate.js';
import { evaluateScenarioParallel, PARALLEL_MIN_SIZE, type SpawnBaselineWorker } from '../../src/scenario/evaluate-parallel.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { tsWorker } from '../helpers/ts-worker.js';

let spawned = 0;
const spawn: SpawnBaselineWorker = () => {
  spawned++;
  return tsWorker('scenario/baseline-worker');
};
const noSpawn: SpawnBaselineWorker = () => {
  throw new Error('no worker expected');
};
const file = 'graphs/rare-earths-2024.json';
let dataset: SupplyGraph;
let generated: SupplyGraph;
beforeAll(() => {
  dataset = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
  // A generated graph with loops (the kind the scale target is set on), small enough for a test.
  generated = parseGraph(generateSupplyGraph({ nodes: 400, seed: 3, backEdges: 0.05 }), 'generated').graph;
});

const disable = (country: string): Scenario => ({ name: `no ${country}`, actions: [{ type: 'disableCountry', country }] });
const embargo: Scenario = { name: 'embargo', actions: [{ type: 'embargo', from: 'CN' }] };

describe('evaluateScenarioParallel', () => {
  it('on the shipped dataset, forced onto a worker: the same result as evaluateScenario (total and fair, lens, top 0)', async () => {
    const cases: [Scenario, Parameters<typeof evaluateScenario>[2]][] = [
      [disable('CN'), {}],
      [embargo, { objective: 'fair' }],
      [disable('CN'), { country: 'US', top: 5 }],
      [embargo, { top: 0 }],
    ];
    for (const [scenario, options] of cases) {
      const before = spawned;
      const single = evaluateScenario(dataset, scenario, options);
      const parallel = await evaluateScenarioParallel(dataset, scenario, { ...options, threads: 2, minSize: 0, spawn });
      expect(spawned).toBe(before + 1);
      expect(parallel).toEqual(single);
      expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
    }
  });

  it('on a generated graph with loops: the same result, bottlenecks ranked on the worker', async () => {
    const single = evaluateScenario(generated, disable('CN'));
    expect(single.bottlenecks.before.length).toBe(10);
    const parallel = await evaluateScenarioParallel(generated, disable('CN'), { threads: 2, minSize: 0, spawn });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
  });

  it('a worker that fails leaves the solve to the calling thread: the same result', async () => {
    const failing: SpawnBaselineWorker = () => new Worker('process.exit(3)', { eval: true });
    const single = evaluateScenario(dataset, disable('CN'));
    expect(await evaluateScenarioParallel(dataset, disable('CN'), { threads: 2, minSize: 0, spawn: failing })).toEqual(single);
  });

  it('stays in the calling thread below PARALLEL_MIN_SIZE, with threads: 1 and with a prepared baseline; checks its options', async () => {
    expect(dataset.order + dataset.size).toBeLessThan(PARALLEL_MIN_SIZE);
    const single = evaluateScenario(dataset, disable('CN'));
    expect(await evaluateScenarioParallel(dataset, disable('CN'), { threads: 2, spawn: noSpawn })).toEqual(single);
    expect(await evaluateScenarioParallel(dataset, disable('CN'), { threads: 1, minSize: 0, spawn: noSpawn })).toEqual(single);
    const baseline = prepareBaseline(dataset);
    expect(await evaluateScenarioParallel(dataset, disable('CN'), { baseline, threads: 2, minSize: 0, spawn: noSpawn })).toEqual(single);
    await expect(evaluateScenarioParallel(dataset, disable('CN'), { threads: 0 })).rejects.toThrow(UsageError);
    await expect(evaluateScenarioParallel(dataset, disable('CN'), { threads: 2, minSize: 0, top: -1, spawn: noSpawn })).rejects.toThrow(UsageError);
  });

  it('an error of the evaluation (an unknown country in the lens) is the usual typed one, the worker stopped', async () => {
    await expect(evaluateScenarioParallel(dataset, disable('CN'), { threads: 2, minSize: 0, country: 'cn', spawn: noSpawn })).rejects.toThrow(UsageError);
  });
});
