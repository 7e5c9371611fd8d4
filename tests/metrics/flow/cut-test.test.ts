import { describe, expect, it } from 'vitest';
import { FlowCanceller } from '../../../src/metrics/flow/cancel-flow.js';
import { CutTest } from '../../../src/metrics/flow/cut-test.js';
import { augment } from '../../../src/metrics/flow/dinic.js';
import { RESIDUAL_TOLERANCE } from '../../../src/metrics/flow/flow-network.js';
import { solveMaxFlow } from '../../../src/metrics/flow/max-flow.js';
import { compactGraph } from '../../../src/model/compact.js';
import { activeSubgraph } from '../../../src/model/graph.js';
import { flowFixtures } from './flow-fixtures.js';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import type { FlowNetwork } from '../../../src/metrics/flow/flow-network.js';

/** intact's definition, walked afresh every time (no memory). */
function intactByWalk(network: FlowNetwork, cut: CutTest, v: number, blocked: Uint8Array, toSource: boolean): boolean {
  const tree = toSource ? cut.sourceArc : cut.sinkArc;
  const root = toSource ? network.source : network.sink;
  for (let x = v; x !== root; ) {
    const a = tree[x] as number;
    if (a < 0) return false;
    x = network.head[toSource ? a ^ 1 : a] as number;
    if (blocked[x] || !network.hasResidual(a)) return false;
  }
  return true;
}

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

describe('CutTest on a generated graph with loops', () => {
  it('never rules out an augmenting path that exists, also after partial repairs, and remembers intact paths correctly', () => {
    const { graph } = parseGraph(generateSupplyGraph({ nodes: 300, seed: 9, backEdges: 0.1 }), 'generated');
    const solved = solveMaxFlow(compactGraph(graph));
    const { network, inVertex, outVertex } = solved.supply;
    const cut = new CutTest(network);
    const canceller = new FlowCanceller(network);
    const blocked = new Uint8Array(network.vertexCount);
    let ruledOut = 0;
    solved.graph.nodes.forEach((_node, i) => {
      const vertices = [inVertex[i] as number, outVertex[i] as number];
      for (const v of vertices) blocked[v] = 1;
      network.mark();
      canceller.cancelThrough(inVertex[i] as number);
      // A partial repair first (one Dinic phase), then the test on the changed flow.
      augment(network, { blocked, exhausted: () => true });
      const thorough = cut.mayAugment(blocked, true);
      for (let v = 0; v < network.vertexCount; v++) {
        if (cut.sourceSide[v]) expect(cut.intact(v, blocked, true)).toBe(intactByWalk(network, cut, v, blocked, true));
        if (cut.sinkSide[v]) expect(cut.intact(v, blocked, false)).toBe(intactByWalk(network, cut, v, blocked, false));
      }
      const added = augment(network, { blocked });
      if (!thorough) {
        ruledOut += 1;
        expect(added).toBeLessThanOrEqual(RESIDUAL_TOLERANCE * solved.value);
      }
      network.rollback();
      for (const v of vertices) blocked[v] = 0;
    });
    expect(ruledOut).toBeGreaterThan(0);
  });
});
