import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { knockoutOfSolved } from '../../../src/metrics/flow/knockout.js';
import { topKnockout } from '../../../src/metrics/flow/knockout-top.js';
import { solveMaxFlow, type SolvedFlow } from '../../../src/metrics/flow/max-flow.js';
import { compactGraph } from '../../../src/model/compact.js';
import { activeSubgraph, type SupplyGraph } from '../../../src/model/graph.js';
import { parseGraph } from '../../../src/model/parse-graph.js';

const solve = (graph: SupplyGraph): SolvedFlow => solveMaxFlow(compactGraph(activeSubgraph(graph)));

/** The full table's ranking: positive losses of eligible nodes, largest first, ties by key. */
function fullRanking(solved: SolvedFlow, eligible: (i: number) => boolean): { node: string; loss: number }[] {
  const table = knockoutOfSolved(solved).nodes;
  return solved.graph.nodes
    .map((node, i) => ({ node, i, loss: table[node] as number }))
    .filter((r) => r.loss > 0 && eligible(r.i))
    .sort((a, b) => b.loss - a.loss || a.node.localeCompare(b.node))
    .map(({ node, loss }) => ({ node, loss }));
}

function expectSameTop(graph: SupplyGraph, top: number, eligibleOf: (solved: SolvedFlow) => (i: number) => boolean = () => () => true): number {
  const full = solve(graph);
  const expected = fullRanking(full, eligibleOf(full)).slice(0, top);
  const solved = solve(graph);
  const before = solved.supply.network.flow.slice();
  const result = topKnockout(solved, top, eligibleOf(solved));
  expect(result.ranking.map((r) => ({ node: solved.graph.nodes[r.node], loss: r.loss }))).toEqual(expected);
  expect(solved.supply.network.flow).toEqual(before);
  return result.evaluated;
}

/**
 * Random graphs with integer flows and capacities in a small range, so that equal
 * losses (ties broken by key) and equal throughputs are common; cycles allowed.
 */
const randomGraph = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.record({
      nodes: fc.array(fc.record({ country: fc.constantFrom('CN', 'AU', 'US'), capacity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(
        fc.record({ source: fc.integer({ min: 0, max: n - 1 }), target: fc.integer({ min: 0, max: n - 1 }), flow: fc.integer({ min: 0, max: 4 }), capacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }),
        { maxLength: 3 * n, selector: (e) => `${e.source}-${e.target}` },
      ),
      top: fc.integer({ min: 1, max: 6 }),
    }),
  )
  .map(({ nodes, edges, top }) => ({
    top,
    graph: parseGraph(
      {
        nodes: nodes.map((v, i) => ({ key: `n${i}`, attributes: { stage: 'mining', country: v.country, ...(v.capacity === undefined ? {} : { capacity: v.capacity }) } })),
        edges: edges
          .filter((e) => e.source !== e.target)
          .map((e) => ({ source: `n${e.source}`, target: `n${e.target}`, attributes: { flow: e.flow, ...(e.capacity === undefined ? {} : { capacity: e.capacity }) } })),
      },
      'random',
    ).graph,
  }));

const notSink = (solved: SolvedFlow) => (i: number) => (solved.graph.outDegree[i] as number) > 0;

describe('topKnockout', () => {
  it('equals the first N of the full knockout ranking on random graphs, ties by key included', () => {
    fc.assert(
      fc.property(randomGraph, ({ graph, top }) => {
        expectSameTop(graph, top);
        expectSameTop(graph, top, notSink);
      }),
      { seed: 15015, numRuns: 150 },
    );
  });

  it('breaks ties by node key: a chain whose nodes all lose everything', () => {
    // s -> a -> b -> t, every node carries the whole flow 5, so every loss is 1 and the
    // bound x(v)/F = 1 equals the N-th loss: all must be evaluated, the list is by key.
    const graph = parseGraph(
      {
        nodes: ['t', 'b', 'a', 's'].map((key) => ({ key, attributes: { stage: 'mining', country: 'CN' } })),
        edges: [
          { source: 's', target: 'a', attributes: { flow: 5 } },
          { source: 'a', target: 'b', attributes: { flow: 5 } },
          { source: 'b', target: 't', attributes: { flow: 5 } },
        ],
      },
      'chain',
    ).graph;
    const solved = solve(graph);
    const result = topKnockout(solved, 2);
    expect(result.ranking.map((r) => [solved.graph.nodes[r.node], r.loss])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(result.evaluated).toBe(4);
  });

  it('stops early: a node whose throughput bound is below the N-th loss is not evaluated', () => {
    // s1 -> big -> t carries 10 of 11, s2 -> small -> t carries 1: big and s1 lose 10/11
    // each; with N = 2, s2's and small's bound 1/11 is below the second loss 10/11.
    const graph = parseGraph(
      {
        nodes: ['s1', 's2', 'big', 'small', 't'].map((key) => ({ key, attributes: { stage: 'mining', country: 'CN' } })),
        edges: [
          { source: 's1', target: 'big', attributes: { flow: 10 } },
          { source: 'big', target: 't', attributes: { flow: 10 } },
          { source: 's2', target: 'small', attributes: { flow: 1 } },
          { source: 'small', target: 't', attributes: { flow: 1 } },
        ],
      },
      'two paths',
    ).graph;
    const evaluated = expectSameTop(graph, 2, notSink);
    expect(evaluated).toBe(2);
  });

  it('returns nothing for N = 0 or a graph delivering nothing', () => {
    const graph = parseGraph({ nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN' } }, { key: 'b', attributes: { stage: 'mining', country: 'CN' } }], edges: [{ source: 'a', target: 'b', attributes: { flow: 0 } }] }, 'empty').graph;
    expect(topKnockout(solve(graph), 3)).toEqual({ ranking: [], evaluated: 0 });
    const chain = generateSupplyGraph({ nodes: 40, seed: 1 });
    expect(topKnockout(solve(parseGraph(chain, 'g').graph), 0)).toEqual({ ranking: [], evaluated: 0 });
  });

  it('equals the full ranking on the default dataset and a generated graph with loops, evaluating fewer nodes', () => {
    const dataset = parseGraph(JSON.parse(readFileSync(new URL('../../../graphs/rare-earths-2024.json', import.meta.url), 'utf8')), 'rare-earths-2024.json').graph;
    for (const top of [1, 5, 10, 25]) expectSameTop(dataset, top, notSink);
    const generated = parseGraph(generateSupplyGraph({ nodes: 600, seed: 7, backEdges: 0.05 }), 'generated').graph;
    const solved = solve(generated);
    const carrying = solved.graph.nodes.filter((_n, i) => notSink(solved)(i)).length;
    const evaluated = expectSameTop(generated, 10, notSink);
    expect(evaluated).toBeLessThan(carrying);
  });
});
