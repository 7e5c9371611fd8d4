import { describe, expect, it } from 'vitest';
import { FlowCanceller } from '../../../src/metrics/flow/cancel-flow.js';
import { CutTest } from '../../../src/metrics/flow/cut-test.js';
import { augment } from '../../../src/metrics/flow/dinic.js';
import { RESIDUAL_TOLERANCE } from '../../../src/metrics/flow/flow-network.js';
import { solveMaxFlow } from '../../../src/metrics/flow/max-flow.js';
import { compactGraph } from '../../../src/model/compact.js';
import { activeSubgraph } from '../../../src/model/graph.js';
import { flowFixtures } from './flow-fixtures.js';

// The cut test is one-sided: whenever it says "no augmenting path", Dinic from the same
// flow (an independent search) must add nothing; and with no change at all (f maximum) it
// must say "no path".
describe('CutTest', () => {
  for (const fixture of flowFixtures()) {
    it(`never rules out an augmenting path that exists on ${fixture.name}`, () => {
      const solved = solveMaxFlow(compactGraph(activeSubgraph(fixture.graph)));
      const { network, inVertex, outVertex } = solved.supply;
      const cut = new CutTest(network);
      const canceller = new FlowCanceller(network);
      const blocked = new Uint8Array(network.vertexCount);
      network.mark();
      expect(cut.mayAugment(blocked)).toBe(false);
      solved.graph.nodes.forEach((_node, i) => {
        const vertices = [inVertex[i] as number, outVertex[i] as number];
        for (const v of vertices) blocked[v] = 1;
        network.mark();
        canceller.cancelThrough(inVertex[i] as number);
        const quick = cut.mayAugment(blocked, false);
        const thorough = cut.mayAugment(blocked, true);
        const added = augment(network, { blocked });
        if (!quick || !thorough) expect(added).toBeLessThanOrEqual(RESIDUAL_TOLERANCE * solved.value);
        network.rollback();
        for (const v of vertices) blocked[v] = 0;
      });
    });
  }
});
