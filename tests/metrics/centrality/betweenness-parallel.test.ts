/** Worker-thread betweenness equals the single-thread result, deterministically. */
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { UsageError } from '../../../src/model/errors.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { betweenness, betweennessCsr } from '../../../src/metrics/centrality/betweenness.js';
import { betweennessCsrParallel, betweennessParallel, brandesSumParallel } from '../../../src/metrics/centrality/betweenness-parallel.js';
import { buildCsr } from '../../../src/metrics/centrality/csr.js';
import { spawnTsWorker } from './spawn-ts-worker.js';

// A mid-size graph: 1,500 nodes, 4,500 edges, 5 % back edges. minWork: 0 makes it use
// threads although it is below the default threshold.
const { graph } = parseGraph(generateSupplyGraph({ nodes: 1500, seed: 11, backEdges: 0.05 }), 'synthetic.json');
const csr = buildCsr(graph);

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(1e-300, Math.abs(x), Math.abs(y)));
  }
  return worst;
}

describe('parallel betweenness', () => {
  it('equals the single-thread result within 1e-12 and is bit-identical run to run', async () => {
    const single = betweennessCsr(csr);
    const threaded = await betweennessCsrParallel(csr, { threads: 3, spawn: spawnTsWorker, minWork: 0 });
    expect(maxRelativeDifference(threaded.nodes, single.nodes)).toBeLessThan(1e-12);
    expect(maxRelativeDifference(threaded.edges as Float64Array, single.edges as Float64Array)).toBeLessThan(1e-12);
    const again = await betweennessCsrParallel(csr, { threads: 3, spawn: spawnTsWorker, minWork: 0 });
    expect([...again.nodes]).toEqual([...threaded.nodes]);
    expect([...(again.edges as Float64Array)]).toEqual([...(threaded.edges as Float64Array)]);
  });

  it('gives the same records as betweenness(), weighted and sampled too, and reports progress', async () => {
    graph.forEachEdge((edge, attributes) => graph.setEdgeAttribute(edge, 'length' as never, (1 + (attributes.flow % 3)) as never));
    const progress: number[] = [];
    for (const options of [{ weight: 'length' }, { sample: 400, seed: 3 }]) {
      const expected = betweenness(graph, options);
      const actual = await betweennessParallel(graph, { ...options, threads: 2, spawn: spawnTsWorker, minWork: 0, onProgress: (done) => progress.push(done) });
      for (const key of Object.keys(expected.nodes)) expect(actual.nodes[key]).toBeCloseTo(expected.nodes[key] as number, 12);
      for (const key of Object.keys(expected.edges)) expect(actual.edges[key]).toBeCloseTo(expected.edges[key] as number, 12);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeLessThanOrEqual(graph.order);
  });

  it('runs small jobs in the calling thread', async () => {
    const spawn = () => {
      throw new Error('no worker expected');
    };
    const small = buildCsr(parseGraph(generateSupplyGraph({ nodes: 50, seed: 1 }), 'small.json').graph);
    const raw = await brandesSumParallel(small, null, true, { threads: 4, spawn });
    expect(raw.nodes.length).toBe(50);
  });

  it('rejects bad thread counts and unknown options', async () => {
    await expect(betweennessParallel(graph, { threads: 0 })).rejects.toThrow(UsageError);
    await expect(betweennessParallel(graph, { threads: 1.5 })).rejects.toThrow(UsageError);
    await expect(betweennessParallel(graph, { thread: 2 } as never)).rejects.toThrow(UsageError);
  });

  it('reports a worker that fails', async () => {
    const { Worker } = await import('node:worker_threads');
    const broken = () => new Worker('throw new Error("boom")', { eval: true });
    await expect(betweennessCsrParallel(csr, { threads: 2, spawn: broken, minWork: 0 })).rejects.toThrow(/boom/);
    const silent = () => new Worker('', { eval: true });
    await expect(betweennessCsrParallel(csr, { threads: 2, spawn: silent, minWork: 0 })).rejects.toThrow(/before sending its result/);
  });
});
