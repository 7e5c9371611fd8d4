import { describe, expect, it } from 'vitest';
import { OUT_OF_BUDGET, PathSearch } from '../../../src/metrics/flow/augmenting-path.js';
import { FlowCanceller } from '../../../src/metrics/flow/cancel-flow.js';
import { CutTest } from '../../../src/metrics/flow/cut-test.js';
import { solveMaxFlow } from '../../../src/metrics/flow/max-flow.js';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { compactGraph } from '../../../src/model/compact.js';
import { parseGraph } from '../../../src/model/parse-graph.js';

describe('PathSearch.find with a budget', () => {
  it('gives up with OUT_OF_BUDGET, or returns exactly what the unlimited search returns', () => {
    const { graph } = parseGraph(generateSupplyGraph({ nodes: 300, seed: 5, backEdges: 0.1 }), 'generated');
    const solved = solveMaxFlow(compactGraph(graph));
    const { network, inVertex, outVertex } = solved.supply;
    const cut = new CutTest(network);
    const search = new PathSearch(network, cut);
    const canceller = new FlowCanceller(network);
    const blocked = new Uint8Array(network.vertexCount);
    const outcomes = { path: 0, none: 0, spent: 0 };
    solved.graph.nodes.forEach((_node, i) => {
      blocked[inVertex[i] as number] = 1;
      blocked[outVertex[i] as number] = 1;
      network.mark();
      canceller.clearPaths();
      canceller.cancelThrough(inVertex[i] as number);
      const unlimited = search.find(blocked, canceller.paths);
      expect(search.find(blocked, canceller.paths, 0)).toBe(OUT_OF_BUDGET);
      for (const budget of [2, 16, 256]) {
        const limited = search.find(blocked, canceller.paths, budget);
        if (limited === OUT_OF_BUDGET) outcomes.spent += 1;
        else expect(limited).toEqual(unlimited);
      }
      expect(search.find(blocked, canceller.paths, Infinity)).toEqual(unlimited);
      if (unlimited === null) outcomes.none += 1;
      else outcomes.path += 1;
      network.rollback();
      blocked[inVertex[i] as number] = 0;
      blocked[outVertex[i] as number] = 0;
    });
    // The graph exercises all three outcomes.
    expect(outcomes.path).toBeGreaterThan(0);
    expect(outcomes.none).toBeGreaterThan(0);
    expect(outcomes.spent).toBeGreaterThan(0);
  });
});
