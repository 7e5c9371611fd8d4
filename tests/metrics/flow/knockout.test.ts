import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knockoutLoss, knockoutOfSolved } from '../../../src/metrics/flow/knockout.js';
import { solveMaxFlow } from '../../../src/metrics/flow/max-flow.js';
import { activeSubgraph } from '../../../src/model/graph.js';
import { compactGraph } from '../../../src/model/compact.js';
import { UsageError } from '../../../src/model/errors.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { flowFixtures } from './flow-fixtures.js';

function expectRecordClose(actual: Record<string, number>, expected: Record<string, number>, tolerance = 1e-9): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs((actual[key] ?? NaN) - value), key).toBeLessThanOrEqual(tolerance);
  }
}

const COUNTRIES = ['CN', 'AU', 'US'] as const;

/** Random small graphs: any edges (cycles allowed), float flows and capacities, some node capacities, some planned nodes. */
const randomGraph = fc
  .integer({ min: 2, max: 12 })
  .chain((n) =>
    fc.record({
      nodes: fc.array(
        fc.record({
          country: fc.constantFrom(...COUNTRIES),
          capacity: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
          status: fc.constantFrom('operating', 'operating', 'operating', 'operating', 'planned'),
        }),
        { minLength: n, maxLength: n },
      ),
      edges: fc.uniqueArray(
        fc.record({
          source: fc.integer({ min: 0, max: n - 1 }),
          target: fc.integer({ min: 0, max: n - 1 }),
          flow: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })),
          capacity: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: undefined }),
        }),
        { maxLength: 3 * n, selector: (e) => `${e.source}-${e.target}` },
      ),
    }),
  )
  .map(({ nodes, edges }) =>
    parseGraph(
      {
        nodes: nodes.map((v, i) => ({
          key: `n${i}`,
          attributes: { stage: 'mining', country: v.country, status: v.status, ...(v.capacity === undefined ? {} : { capacity: v.capacity }) },
        })),
        edges: edges
          .filter((e) => e.source !== e.target)
          .map((e) => ({ source: `n${e.source}`, target: `n${e.target}`, attributes: { flow: e.flow, ...(e.capacity === undefined ? {} : { capacity: e.capacity }) } })),
      },
      'random',
    ).graph,
  );

describe('knockoutLoss', () => {
  for (const fixture of flowFixtures()) {
    it(`agrees with networkx brute force on ${fixture.name}`, () => {
      const result = knockoutLoss(fixture.graph);
      expect(Math.abs(result.maxFlow - fixture.expected.maxFlow)).toBeLessThanOrEqual(1e-9 * Math.max(1, fixture.expected.maxFlow));
      expectRecordClose(result.nodes, fixture.expected.knockout);
      expectRecordClose(result.countries, fixture.expected.countryKnockout);
    });
  }

  it('gives the hand-computed losses of the chain', () => {
    // See max-flow.test.ts: maxFlow 80; without b only d -> e -> c (20) remains, without a
    // b gets at most 40 from d, and so on.
    const chain = flowFixtures().find((f) => f.name === 'chain');
    const result = knockoutLoss(chain!.graph);
    expectRecordClose(result.nodes, { a: 0.25, b: 0.75, c: 1, d: 0.375, e: 0.25 });
    expectRecordClose(result.countries, { AU: 0.375, CN: 0.75, JP: 1, MY: 0.25 });
  });

  it('with pruning and warm starts equals brute-force recomputation on random graphs', () => {
    fc.assert(
      fc.property(randomGraph, (graph) => {
        const fast = knockoutLoss(graph);
        const slow = knockoutLoss(graph, { method: 'brute-force' });
        expect(fast.maxFlow).toBeCloseTo(slow.maxFlow, 9);
        expectRecordClose(fast.nodes, slow.nodes);
        expectRecordClose(fast.countries, slow.countries);
      }),
      { seed: 20240611, numRuns: 60 },
    );
  });

  it('does not change the graph', () => {
    const fixture = flowFixtures().find((f) => f.name === 'cycle')!;
    const before = JSON.stringify(fixture.graph.export());
    knockoutLoss(fixture.graph);
    expect(JSON.stringify(fixture.graph.export())).toBe(before);
  });

  it('rejects unknown options and methods', () => {
    const graph = flowFixtures()[0]!.graph;
    expect(() => knockoutLoss(graph, { methd: 'brute-force' } as never)).toThrow(UsageError);
    expect(() => knockoutLoss(graph, { method: 'fast' } as never)).toThrow(UsageError);
  });
});

describe('knockoutOfSolved progress', () => {
  it('reports progress every 64 removals and at the end, with the same losses as without', () => {
    const fixture = flowFixtures().find((f) => f.name.startsWith('random')) ?? flowFixtures()[0];
    const active = activeSubgraph(fixture!.graph);
    const calls: [number, number][] = [];
    const withProgress = knockoutOfSolved(solveMaxFlow(compactGraph(active)), 'warm-start', (done, total) => calls.push([done, total]));
    const without = knockoutOfSolved(solveMaxFlow(compactGraph(active)));
    expect(withProgress).toEqual(without);
    const total = active.order + Object.keys(without.countries).length;
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([done], i) => i === 0 || done > (calls[i - 1]?.[0] ?? 0))).toBe(true);
    expect(calls.every(([done, t]) => t === total && (done % 64 === 0 || done === total))).toBe(true);
  });
});
