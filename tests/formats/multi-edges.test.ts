/**
 * The multigraph and undirected rules of src/formats/multi-edges.ts on hand-made edge
 * lists (hand-solved sums); the networkx comparison is tests/cli/import-multigraph.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InputError, ProblemList, UsageError } from '../../src/model/errors.js';
import { checkMultiEdgeOptions, collapseParallel, directBoth, withParallelHint, type PlainEdge } from '../../src/formats/multi-edges.js';

const e = (source: string, target: string, attributes: Record<string, unknown>, key?: string): PlainEdge => ({ ...(key ? { key } : {}), source, target, attributes });

function problemsOf(edges: PlainEdge[]): string[] {
  const problems = new ProblemList();
  collapseParallel(edges, problems);
  try {
    problems.throwIfAny('f');
  } catch (error) {
    return (error as InputError).problems.map((p) => `${p.element}: ${p.message}`);
  }
  return [];
}

describe('collapseParallel', () => {
  it('sums flow and capacity (missing capacity = flow, inf wins), keeps the first edge\'s attributes and order', () => {
    const problems = new ProblemList();
    const { edges, warning } = collapseParallel(
      [e('a', 'b', { flow: 1, capacity: 5, note: 'first' }, '0'), e('b', 'c', { flow: 2 }, 'k'), e('a', 'b', { flow: 3, note: 'second' }, '1'), e('a', 'b', { flow: 4, capacity: 6 }, '2'), e('c', 'd', { flow: 1, capacity: 2 }), e('c', 'd', { flow: 1, capacity: 'inf' })],
      problems,
    );
    expect(problems.empty).toBe(true);
    expect(edges).toEqual([
      e('a', 'b', { flow: 8, capacity: 14, note: 'first' }),
      e('b', 'c', { flow: 2 }, 'k'),
      e('c', 'd', { flow: 2, capacity: 'inf' }),
    ]);
    expect(warning).toContain('5 parallel edges collapsed into 2');
  });

  it('leaves capacity absent when no parallel edge has one; no warning when nothing is parallel', () => {
    const problems = new ProblemList();
    expect(collapseParallel([e('a', 'b', { flow: 1 }), e('a', 'b', { flow: 2 })], problems).edges).toEqual([e('a', 'b', { flow: 3 })]);
    expect(collapseParallel([e('a', 'b', { flow: 1 }), e('b', 'a', { flow: 2 })], problems).warning).toBeUndefined();
    expect(collapseParallel([e('a', 'b', { capacity: 1 }), e('a', 'b', { capacity: 2 })], problems).edges).toEqual([e('a', 'b', { capacity: 3 })]);
  });

  it('refuses what cannot be summed, naming the pair and the edge', () => {
    expect(problemsOf([e('a', 'b', { flow: 1, material: 'Dy' }), e('a', 'b', { flow: 1 })])).toEqual([
      'edge "a -> b": parallel edges #0 and #1 (in file order) carry different materials ("Dy" and undefined); flows of different materials cannot be summed',
    ]);
    expect(problemsOf([e('a', 'b', { flow: -1 }), e('a', 'b', { flow: 2 })])).toEqual(['edge "a -> b": parallel edge #0: flow -1 is not a number >= 0, so the parallel edges cannot be summed']);
    expect(problemsOf([e('a', 'b', { flow: 1 }), e('a', 'b', {})])).toEqual(['edge "a -> b": parallel edge #1 has no flow while another parallel edge has one; the flows cannot be summed']);
    expect(problemsOf([e('a', 'b', { capacity: 1 }), e('a', 'b', {})])).toEqual([
      'edge "a -> b": parallel edge #1 has neither capacity nor flow while another parallel edge has a capacity; the capacities cannot be summed',
    ]);
    expect(problemsOf([e('a', 'b', { capacity: 'lots' }), e('a', 'b', { capacity: 1 })])).toEqual([
      'edge "a -> b": parallel edge #0: capacity "lots" is not a number >= 0 or "inf", so the parallel edges cannot be summed',
    ]);
  });
});

describe('directBoth', () => {
  it('turns an undirected edge into both directions with copies of its attributes, dropping its id', () => {
    const out = directBoth([{ ...e('a', 'b', { capacity: 3 }, 'x'), undirected: true }, { ...e('b', 'c', { capacity: 1 }, 'y'), undirected: false }]);
    expect(out).toEqual([
      { source: 'a', target: 'b', undirected: false, attributes: { capacity: 3 } },
      { source: 'b', target: 'a', undirected: false, attributes: { capacity: 3 } },
      { key: 'y', source: 'b', target: 'c', undirected: false, attributes: { capacity: 1 } },
    ]);
    expect(out[0]?.attributes).not.toBe(out[1]?.attributes);
  });
});

describe('options and hints', () => {
  it('refuses unknown rules', () => {
    expect(() => checkMultiEdgeOptions({ multigraph: 'max' as 'sum' })).toThrow(UsageError);
    expect(() => checkMultiEdgeOptions({ undirected: 'one' as 'both' })).toThrow('undirected must be "both", not "one"');
    expect(() => checkMultiEdgeOptions({ multigraph: 'sum', undirected: 'both' })).not.toThrow();
  });

  it('adds the --multigraph hint to parallel-edge problems only', () => {
    const error = withParallelHint(new InputError('f', [{ element: 'edge "a -> b"', message: 'parallel edge: x' }, { element: 'node "c"', message: 'other' }])) as InputError;
    expect(error.problems.map((p) => p.message)).toEqual(['parallel edge: x (to collapse parallel edges (a multigraph), import with --multigraph sum)', 'other']);
    const other = new Error('x');
    expect(withParallelHint(other)).toBe(other);
  });
});
