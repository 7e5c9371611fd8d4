import { describe, expect, it } from 'vitest';
import { pagerank } from '../../../src/metrics/centrality/pagerank.js';
import { ComputationError, UsageError } from '../../../src/model/errors.js';
import { flowFixtures } from '../flow/flow-fixtures.js';

describe('pagerank (flow as weight)', () => {
  for (const fixture of flowFixtures()) {
    it(`agrees with networkx pagerank(G, weight="flow") on ${fixture.name}`, () => {
      const result = pagerank(fixture.graph);
      expect(Object.keys(result).sort()).toEqual(Object.keys(fixture.expected.pagerank).sort());
      // Both stop when the L1 change is below n * 1e-6, so agreement is to about 1e-6.
      for (const [node, value] of Object.entries(fixture.expected.pagerank)) expect(Math.abs((result[node] ?? NaN) - value), node).toBeLessThan(1e-5);
    });
  }

  it('rejects unknown and bad options', () => {
    const graph = flowFixtures()[0]!.graph;
    expect(() => pagerank(graph, { damping: 0.5 } as never)).toThrow(UsageError);
    expect(() => pagerank(graph, { alpha: 1.5 })).toThrow(UsageError);
    expect(() => pagerank(graph, { maxIterations: 0 })).toThrow(UsageError);
    expect(() => pagerank(graph, { tolerance: 0 })).toThrow(UsageError);
  });

  it('reports failure to converge as a ComputationError', () => {
    const graph = flowFixtures().find((f) => f.name === 'cycle')!.graph;
    expect(() => pagerank(graph, { maxIterations: 1, tolerance: 1e-15 })).toThrow(ComputationError);
  });
});
