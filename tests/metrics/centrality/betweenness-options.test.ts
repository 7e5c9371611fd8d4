/** Options, sampling and every error betweenness can throw. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { betweenness, resolveBetweennessOptions, type BetweennessOptions } from '../../../src/metrics/centrality/betweenness.js';
import { samplePivots } from '../../../src/metrics/centrality/sampling.js';
import { expectClose, fixtureGraph, graphOf, readFixture } from './helpers.js';
import { inputProblems } from '../../helpers/problems.js';

const path = () => graphOf(['a', 'b', 'c'], [['a', 'b', 1], ['b', 'c', 2]]);

const problemsOf = (run: () => unknown) => inputProblems(run);

describe('betweenness options', () => {
  it('fills defaults', () => {
    expect(resolveBetweennessOptions()).toEqual({ weight: null, normalized: true, sample: null, seed: 0, endpoints: false, undirected: false });
    expect(resolveBetweennessOptions({ sample: 3 })).toEqual({ weight: null, normalized: true, sample: 3, seed: 0, endpoints: false, undirected: false });
  });

  it.each<[string, unknown]>([
    ['an unknown option', { wieght: 'length' }],
    ['an empty weight name', { weight: '' }],
    ['a numeric weight', { weight: 3 }],
    ['a non-boolean normalized', { normalized: 'yes' }],
    ['sample 0', { sample: 0 }],
    ['a fractional sample', { sample: 1.5 }],
    ['seed without sample', { seed: 3 }],
    ['a negative seed', { sample: 2, seed: -1 }],
    ['a fractional seed', { sample: 2, seed: 0.5 }],
  ])('rejects %s with a UsageError', (_what, options) => {
    expect(() => betweenness(path(), options as BetweennessOptions)).toThrow(UsageError);
  });

  it('rejects non-object options', () => {
    expect(() => resolveBetweennessOptions(null as unknown as BetweennessOptions)).toThrow(UsageError);
  });

  it('rejects a sample larger than the graph', () => {
    expect(() => betweenness(path(), { sample: 4 })).toThrow(/sample \(4\) is larger than the number of nodes \(3\)/);
    expect(() => betweenness(path(), { sample: 4 })).toThrow(UsageError);
  });
});

describe('betweenness weights', () => {
  it('refuses a weight attribute no edge has (a likely typo) with a UsageError', () => {
    expect(() => betweenness(path(), { weight: 'lenght' })).toThrow(UsageError);
  });

  it('names every edge whose length is missing, not a number, not finite, zero or negative', () => {
    const graph = path();
    graph.addNode('d', { stage: 'mining', country: 'CN', status: 'operating' });
    graph.addNode('e', { stage: 'mining', country: 'CN', status: 'operating' });
    graph.addDirectedEdgeWithKey('c->d', 'c', 'd', { flow: 1 });
    graph.addDirectedEdgeWithKey('d->e', 'd', 'e', { flow: 1, length: -2 });
    graph.addDirectedEdgeWithKey('a->e', 'a', 'e', { flow: 1, length: 0 });
    graph.addDirectedEdgeWithKey('e->a', 'e', 'a', { flow: 1, length: Infinity });
    graph.addDirectedEdgeWithKey('b->e', 'b', 'e', { flow: 1, length: '3' } as never);
    expect(problemsOf(() => betweenness(graph, { weight: 'length' }))).toEqual([
      'edge "c->d": has no "length" attribute (every edge needs a length when weight is "length")',
      'edge "d->e": "length" must be > 0 to be used as a length (got -2)',
      'edge "a->e": "length" must be > 0 to be used as a length (got 0)',
      'edge "e->a": "length" must be a finite number to be used as a length (got Infinity)',
      'edge "b->e": "length" must be a finite number to be used as a length (got "3")',
    ]);
  });

  it('accepts a weight on a graph without edges', () => {
    expect(betweenness(graphOf(['a', 'b'], []), { weight: 'length' }).nodes).toEqual({ a: 0, b: 0 });
  });
});

describe('sampled betweenness', () => {
  const fixture = readFixture('random-cycles');
  const graph = fixtureGraph(fixture);

  it('picks K distinct sorted pivots, the same for the same seed', () => {
    const pivots = samplePivots(1000, 50, 7);
    expect(pivots.length).toBe(50);
    expect(new Set(pivots).size).toBe(50);
    expect([...pivots]).toEqual([...pivots].sort((a, b) => a - b));
    expect(pivots.every((p) => p >= 0 && p < 1000)).toBe(true);
    expect([...samplePivots(1000, 50, 7)]).toEqual([...pivots]);
    expect([...samplePivots(1000, 50, 8)]).not.toEqual([...pivots]);
  });

  it('samplePivots rejects K < 1 and K > n', () => {
    expect(() => samplePivots(5, 0, 1)).toThrow(UsageError);
    expect(() => samplePivots(5, 6, 1)).toThrow(UsageError);
  });

  it('is deterministic per seed', () => {
    expect(betweenness(graph, { sample: 10, seed: 5 })).toEqual(betweenness(graph, { sample: 10, seed: 5 }));
    expect(betweenness(graph, { sample: 10, seed: 5 }).nodes).not.toEqual(betweenness(graph, { sample: 10, seed: 6 }).nodes);
  });

  it('with K = n is the exact value', () => {
    const exact = betweenness(graph);
    const all = betweenness(graph, { sample: graph.order, seed: 123 });
    expectClose(all.nodes, exact.nodes, 1e-12);
    expectClose(all.edges, exact.edges, 1e-12);
  });

  it('refuses one pivot without endpoints (the pivot\'s own estimate is undefined; networkx gives NaN)', () => {
    expect(() => betweenness(graph, { sample: 1 })).toThrow(UsageError);
    expect(() => betweenness(graph, { sample: 1 })).toThrow('sample must be at least 2');
    expect(Object.values(betweenness(graph, { sample: 1, endpoints: true }).nodes).every(Number.isFinite)).toBe(true);
  });

  it('unnormalised samples with K = n are the exact raw sums', () => {
    // With K = n networkx computes the exact value; the unnormalised estimate is then the exact raw sum.
    expectClose(betweenness(graph, { sample: graph.order, normalized: false }).nodes, fixture.nodeRaw as Record<string, number>);
  });
});
