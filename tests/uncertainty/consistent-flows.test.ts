/**
 * Mass-consistent members (src/uncertainty/consistent-flows.ts, sample-graph.ts): every
 * plant of every member balances (out = in x published yield), hand-solved propagation on
 * a graph with a loss and a loop, stage totals met by rescaling sources, and the default
 * dataset's members checked node by node.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComputationError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { memberValues, planEnsemble } from '../../src/uncertainty/ensemble.js';
import { latinHypercube } from '../../src/uncertainty/latin-hypercube.js';
import { createRng } from '../../src/generate/prng.js';
import { sampleModel } from '../../src/uncertainty/sample-graph.js';
import { uncertainInputs } from '../../src/uncertainty/uncertain-inputs.js';
import { build } from '../scenario/graphs.js';

const none: Scenario = { name: 'none', actions: [] };

/** Largest relative imbalance |out - in x y| / max(in, out, 1) over the non-source, non-sink nodes of `member`, y from `published`. */
function worstImbalance(published: SupplyGraph, member: SupplyGraph): number {
  let worst = 0;
  published.forEachNode((node) => {
    const sum = (g: SupplyGraph, dir: 'in' | 'out') => (dir === 'in' ? g.reduceInEdges(node, (s, _e, a) => s + a.flow, 0) : g.reduceOutEdges(node, (s, _e, a) => s + a.flow, 0));
    const IN = sum(published, 'in');
    if (!(IN > 0) || published.outDegree(node) === 0) return;
    const y = sum(published, 'out') / IN;
    const inflow = sum(member, 'in');
    const outflow = sum(member, 'out');
    worst = Math.max(worst, Math.abs(outflow - inflow * y) / Math.max(inflow, outflow, 1));
  });
  return worst;
}

describe('mass-consistent members', () => {
  it('scales a plant with a loss by its published yield (out = in x 0.8)', () => {
    // a -100-> r -80-> t: y_r = 0.8. Drawn a->r = 50 gives r->t = 40 (the drawn r->t is only a share).
    const g = build(
      [
        ['a', 'mining', 'CN'],
        ['r', 'separation', 'CN'],
        ['t', 'end-use', 'US'],
      ],
      [
        ['a', 'r', 100, { confidence: 'low' }],
        ['r', 't', 80, { confidence: 'low' }],
      ],
    );
    const member = sampleModel(g, none, uncertainInputs(g, none), [50, 120]).graph;
    expect(member.getEdgeAttribute('a->r', 'flow')).toBe(50);
    expect(member.getEdgeAttribute('r->t', 'flow')).toBeCloseTo(40, 12);
  });

  it('splits by the drawn shares and solves a loop to its fixed point (hand-solved)', () => {
    // a -100-> p; p -50-> q, p -60-> t1; q -10-> p, q -40-> t2 (p: 110 in, 110 out; q: 50 / 50).
    // Draw a->p = 200 and p->q = 60: p splits 60 : 60 = 1/2 : 1/2, q keeps 10 : 40.
    //   in_p = 200 + x,  p->q = in_p / 2,  x = q->p = (in_p / 2) x 10/50 = in_p / 10
    //   => in_p = 200 / 0.9 = 2000/9; p->q = p->t1 = 1000/9; q->p = 200/9; q->t2 = 800/9.
    const g = build(
      [
        ['a', 'mining', 'CN'],
        ['p', 'separation', 'CN'],
        ['q', 'refining', 'CN'],
        ['t1', 'end-use', 'US'],
        ['t2', 'end-use', 'JP'],
      ],
      [
        ['a', 'p', 100, { confidence: 'low' }],
        ['p', 'q', 50, { confidence: 'low' }],
        ['p', 't1', 60],
        ['q', 'p', 10],
        ['q', 't2', 40],
      ],
    );
    const member = sampleModel(g, none, uncertainInputs(g, none), [200, 60]).graph;
    const flow = (e: string) => member.getEdgeAttribute(e, 'flow');
    expect(flow('a->p')).toBe(200);
    expect(flow('p->q')).toBeCloseTo(1000 / 9, 9);
    expect(flow('p->t1')).toBeCloseTo(1000 / 9, 9);
    expect(flow('q->p')).toBeCloseTo(200 / 9, 9);
    expect(flow('q->t2')).toBeCloseTo(800 / 9, 9);
    expect(worstImbalance(g, member)).toBeLessThan(1e-9);
  });

  it('fails with a ComputationError on a loop that keeps all its flow', () => {
    // a -10-> p; p -10-> q, p -10-> t; q -10-> p (y_p = y_q = 1, loop gain 1/2 as published).
    // p->t has the range [0, 20]: drawn at 0, p sends everything to q and q everything back:
    // gain 1, in_p = 10 + in_p has no solution.
    const g = build(
      [
        ['a', 'mining', 'CN'],
        ['p', 'separation', 'CN'],
        ['q', 'refining', 'CN'],
        ['t', 'end-use', 'US'],
      ],
      [
        ['a', 'p', 10, { confidence: 'low' }],
        ['p', 'q', 10],
        ['p', 't', 10, { low: 0, high: 20 }],
        ['q', 'p', 10],
      ],
    );
    const inputs = uncertainInputs(g, none);
    // Drawn at 10 (the published split): in_p = 10 + in_p / 2 -> 20, as published.
    expect(sampleModel(g, none, inputs, [10, 10]).graph.getEdgeAttribute('p->t', 'flow')).toBeCloseTo(10, 9);
    expect(() => sampleModel(g, none, inputs, [10, 0])).toThrow(ComputationError);
    expect(() => sampleModel(g, none, inputs, [10, 0])).toThrow(/did not converge/);
  });

  it('rebuilds its per-graph plan when the graph\'s flows change', () => {
    const g = build(
      [
        ['a', 'mining', 'CN'],
        ['r', 'separation', 'CN'],
        ['t', 'end-use', 'US'],
      ],
      [
        ['a', 'r', 100, { confidence: 'low' }],
        ['r', 't', 80],
      ],
    );
    expect(sampleModel(g, none, uncertainInputs(g, none), [50]).graph.getEdgeAttribute('r->t', 'flow')).toBeCloseTo(40, 12);
    g.setEdgeAttribute('r->t', 'flow', 50);
    expect(sampleModel(g, none, uncertainInputs(g, none), [50]).graph.getEdgeAttribute('r->t', 'flow')).toBeCloseTo(25, 12);
  });

  it('meets a downstream stage total by rescaling the drawn sources, every plant still balanced', () => {
    // m1 -60-> s1 -60-> e; m2 -40-> s2 -30-> e (s2 yield 0.75), m3 -10 (fixed)-> s1.
    // stageTotals separation = 100 (published: s1 70 + s2 30 = 100). Drawn m1 = 90, m2 = 20:
    //   F1 = (90 + 10) + 20 x 0.75 = 115; F0 (drawn sources at 0) = 10; k = (100 - 10) / 105 = 6/7.
    const g = build(
      [
        ['m1', 'mining', 'CN'],
        ['m2', 'mining', 'MM'],
        ['m3', 'mining', 'US'],
        ['s1', 'separation', 'CN'],
        ['s2', 'separation', 'CN'],
        ['e', 'end-use', 'US'],
      ],
      [
        ['m1', 's1', 60, { confidence: 'low' }],
        ['m2', 's2', 40, { confidence: 'low' }],
        ['m3', 's1', 10],
        ['s1', 'e', 70],
        ['s2', 'e', 30],
      ],
    );
    g.setAttribute('stageTotals', { separation: 100 });
    const member = sampleModel(g, none, uncertainInputs(g, none), [90, 20]).graph;
    const flow = (e: string) => member.getEdgeAttribute(e, 'flow');
    expect(flow('m1->s1')).toBeCloseTo((90 * 6) / 7, 9);
    expect(flow('m2->s2')).toBeCloseTo((20 * 6) / 7, 9);
    expect(flow('m3->s1')).toBe(10);
    expect(flow('s1->e') + flow('s2->e')).toBeCloseTo(100, 9);
    expect(worstImbalance(g, member)).toBeLessThan(1e-9);
  });

  it('balances every plant of random members of random chains to relative 1e-9', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2, max: 6 }), (seed, width) => {
        // width mines -> width separators (each fed by two mines) -> one refinery -> two sinks
        const nodes: [string, string, string][] = [];
        const edges: [string, string, number, Record<string, unknown>][] = [];
        for (let i = 0; i < width; i++) {
          nodes.push([`m${i}`, 'mining', 'CN'], [`s${i}`, 'separation', 'CN']);
          edges.push([`m${i}`, `s${i}`, 10 + i, { confidence: 'low' }], [`m${(i + 1) % width}`, `s${i}`, 5, { confidence: 'medium' }]);
          edges.push([`s${i}`, 'r', 12 + i, { confidence: 'low' }], [`s${i}`, 'u', 3, { confidence: 'high' }]);
        }
        nodes.push(['r', 'refining', 'CN'], ['u', 'end-use', 'CN'], ['t1', 'end-use', 'US'], ['t2', 'end-use', 'JP']);
        const intoR = Array.from({ length: width }, (_, i) => 12 + i).reduce((a, b) => a + b, 0);
        edges.push(['r', 't1', intoR * 0.7, { confidence: 'low' }], ['r', 't2', intoR * 0.2, { confidence: 'low' }]);
        const g = build(nodes, edges);
        const inputs = uncertainInputs(g, none);
        const columns = latinHypercube(1, inputs.length, createRng(seed));
        const values = inputs.map((input, j) => input.low + (columns[j]?.[0] as number) * (input.high - input.low));
        expect(worstImbalance(g, sampleModel(g, none, inputs, values).graph)).toBeLessThan(1e-9);
      }),
      { numRuns: 50 },
    );
  });

  it('balances every plant of the default dataset in every member (20 members, all flows drawn)', () => {
    const file = 'graphs/rare-earths-2024.json';
    const graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
    const plan = planEnsemble(graph, none, { samples: 20, seed: 3, bounds: ['maxFlow'] });
    expect(plan.inputs.filter((i) => i.target.kind === 'edge' && i.target.attribute === 'flow').length).toBeGreaterThan(100);
    for (let i = 0; i < 20; i++) {
      const member = sampleModel(graph, none, plan.inputs, memberValues(plan, i)).graph;
      expect(worstImbalance(graph, member)).toBeLessThan(1e-9);
    }
  });
});
