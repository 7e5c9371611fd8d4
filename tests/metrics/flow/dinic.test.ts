/**
 * Dinic's `from`, `to` and `reverse` options (src/metrics/flow/dinic.ts): searching from the
 * sink's end finds the same maximum flow value as from the source's (networkx flow
 * fixtures, whose values max-flow.test.ts checks), also with the ends given by `from`/`to`;
 * nothing is added once the flow is maximum, nor by a search from a vertex to itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { augment } from '../../../src/metrics/flow/dinic.js';
import { FlowNetwork } from '../../../src/metrics/flow/flow-network.js';
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

/** Random networks: up to 14 vertices (0 the source, 1 the sink), parallel arcs, zero and infinite capacities. */
const randomNetwork = fc.integer({ min: 2, max: 14 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(
      fc.record({
        tail: fc.integer({ min: 0, max: n - 1 }),
        head: fc.integer({ min: 0, max: n - 1 }),
        cap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true }), fc.constant(Infinity)),
      }),
      { maxLength: 4 * n },
    ),
    // Each call's removed vertices, as flags per vertex.
    blocks: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
  }),
);

/** The arcs without loops, those leaving the source or entering the sink made finite: no path of unbounded arcs (augment would push Infinity). */
function bounded(arcs: readonly { tail: number; head: number; cap: number }[]) {
  const kept = arcs.filter((a) => a.tail !== a.head);
  return kept.map((a) => (a.cap === Infinity && (a.tail === 0 || a.head === 1) ? { ...a, cap: 7 } : a));
}

describe('augment: scratch space reused over calls', () => {
  it('leaves no state between calls: a network reused for many calls pushes what a fresh one does', () => {
    fc.assert(
      fc.property(randomNetwork, ({ n, arcs, blocks }) => {
        const list = bounded(arcs);
        const build = () =>
          new FlowNetwork(
            n,
            0,
            1,
            list.map((a) => a.tail),
            list.map((a) => a.head),
            list.map((a) => a.cap),
          );
        const reused = build();
        for (const flags of blocks) {
          const blocked = Uint8Array.from(flags, (b, v) => (b && v > 1 ? 1 : 0));
          // A warm start: half the calls begin from the flow the previous call left.
          const warm = flags[0] === true;
          if (!warm) reused.clear();
          const fresh = build();
          fresh.flow.set(reused.flow);
          fresh.scale.set(reused.scale);
          const a = augment(reused, { blocked });
          const b = augment(fresh, { blocked });
          expect(a).toBe(b);
          expect(Array.from(reused.flow)).toEqual(Array.from(fresh.flow));
        }
      }),
      { seed: 20261201, numRuns: 200 },
    );
  });
});
