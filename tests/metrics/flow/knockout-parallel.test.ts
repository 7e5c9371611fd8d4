import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { knockoutLoss, knockoutOfSolved } from '../../../src/metrics/flow/knockout.js';
import { knockoutLossParallel, knockoutOfSolvedParallel, type SpawnKnockoutWorker } from '../../../src/metrics/flow/knockout-parallel.js';
import { solveWithOptions } from '../../../src/metrics/flow/max-flow.js';
import { UsageError } from '../../../src/model/errors.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { tsWorker } from '../../helpers/ts-worker.js';

const spawn: SpawnKnockoutWorker = (input) => tsWorker('metrics/flow/knockout-worker', { workerData: input });
const graph = (nodes: number, seed: number) => parseGraph(generateSupplyGraph({ nodes, seed, backEdges: 0.05 }), 'generated').graph;

describe('knockoutLossParallel', () => {
  it('gives exactly the single-thread table, whatever the thread count', async () => {
    const g = graph(400, 11);
    const single = knockoutLoss(g);
    expect(Object.values(single.nodes).some((loss) => loss > 0)).toBe(true);
    for (const threads of [2, 3]) {
      const progress: number[] = [];
      const threaded = await knockoutLossParallel(g, { threads, minGroups: 0, spawn, onProgress: (done) => progress.push(done) });
      expect(threaded).toEqual(single);
      expect(progress.at(-1)).toBe(Object.keys(single.nodes).length + Object.keys(single.countries).length);
    }
  });

  it('runs small tables in the calling thread and checks its options', async () => {
    const g = graph(60, 2);
    const noSpawn: SpawnKnockoutWorker = () => {
      throw new Error('no worker expected');
    };
    expect(await knockoutLossParallel(g, { threads: 4, spawn: noSpawn })).toEqual(knockoutLoss(g));
    await expect(knockoutLossParallel(g, { threads: 0 })).rejects.toThrow(UsageError);
    await expect(knockoutLossParallel(g, { method: 'brute-force', threads: 2, minGroups: 0, spawn })).resolves.toEqual(knockoutLoss(g, { method: 'brute-force' }));
  });

  it('takes a network solved elsewhere (chosen terminals, another capacity attribute) and gives knockoutOfSolved exactly, without solving again', async () => {
    const g = graph(300, 5);
    const keys = g.nodes();
    // Every edge gets a "limit" attribute, a capacity other than capacity ?? flow.
    g.forEachEdge((edge, attributes) => {
      g.setEdgeAttribute(edge, 'limit' as never, ((attributes.flow ?? 1) * 0.75 + 1) as never);
    });
    const sources = keys.filter((k) => g.inDegree(k) === 0 && g.outDegree(k) > 0).slice(0, 5);
    const targets = keys.filter((k) => g.outDegree(k) === 0 && g.inDegree(k) > 0);
    for (const options of [{}, { sources, targets }, { sources, targets, capacity: 'limit' }]) {
      const solved = solveWithOptions(g, options);
      const flowBefore = solved.supply.network.flow.slice();
      const single = knockoutOfSolved(solved);
      const threaded = await knockoutOfSolvedParallel(solved, { threads: 2, minGroups: 0, spawn });
      expect(threaded).toEqual(single);
      expect(solved.supply.network.flow).toEqual(flowBefore);
    }
  });
});
