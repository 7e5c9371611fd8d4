/**
 * Dinic's `from`, `to` and `reverse` options (src/metrics/flow/dinic.ts): searching from the
 * sink's end finds the same maximum flow value as from the source's (networkx flow
 * fixtures, whose values max-flow.test.ts checks), also with the ends given by `from`/`to`;
 * nothing is added once the flow is maximum, nor by a search from a vertex to itself.
 */
import { describe, expect, it } from 'vitest';
import { augment } from '../../../src/metrics/flow/dinic.js';
import { solveMaxFlow } from '../../../src/metrics/flow/max-flow.js';
import { SUPER_SINK, SUPER_SOURCE } from '../../../src/metrics/flow/supply-network.js';
import { compactGraph } from '../../../src/model/compact.js';
import { activeSubgraph } from '../../../src/model/graph.js';
import { flowFixtures } from './flow-fixtures.js';

describe('augment: from, to and reverse', () => {
  for (const fixture of flowFixtures()) {
    it(`finds the maximum flow value searching from either end on ${fixture.name}`, () => {
      const solved = solveMaxFlow(compactGraph(activeSubgraph(fixture.graph)));
      const { network } = solved.supply;
      const close = (value: number) => expect(Math.abs(value - fixture.expected.maxFlow)).toBeLessThanOrEqual(1e-9 * Math.max(1, fixture.expected.maxFlow));
      network.clear();
      close(augment(network, { reverse: true }));
      expect(augment(network, { reverse: true })).toBe(0);
      network.clear();
      close(augment(network, { from: SUPER_SOURCE, to: SUPER_SINK, reverse: true }));
      expect(augment(network, { from: SUPER_SINK, to: SUPER_SINK })).toBe(0);
    });
  }
});

describe('augment: exhausted', () => {
  for (const fixture of flowFixtures()) {
    it(`is asked between phases only, and stopping early adds no more than the full run on ${fixture.name}`, () => {
      const solved = solveMaxFlow(compactGraph(activeSubgraph(fixture.graph)));
      const { network } = solved.supply;
      network.clear();
      const full = augment(network);
      network.clear();
      let asked = 0;
      const same = augment(network, {
        exhausted: () => {
          asked += 1;
          return false;
        },
      });
      // Never stopping: the very same pushes, so the very same number.
      expect(same).toBe(full);
      network.clear();
      const first = augment(network, { exhausted: () => true });
      expect(first).toBeLessThanOrEqual(full * (1 + 1e-12));
      if (full > 0) expect(first).toBeGreaterThan(0);
      // One phase per question, the first not asked; the last phase finds no path.
      if (full > 0) expect(asked).toBeGreaterThanOrEqual(1);
    });
  }
});
