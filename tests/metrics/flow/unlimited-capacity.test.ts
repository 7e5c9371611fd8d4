/**
 * Regression tests for issue 10's "a large capacity zeroes max flow": the residual test
 * is relative to each arc's own quantities (flow-network.ts), an unlimited capacity is
 * spelt "inf", and an infinite-capacity source-sink path is an error (networkx raises
 * NetworkXUnbounded there). Expected values are hand-solved.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knockoutLoss } from '../../../src/metrics/flow/knockout.js';
import { maxFlow } from '../../../src/metrics/flow/max-flow.js';
import { ComputationError } from '../../../src/model/errors.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { toNativeJson } from '../../../src/formats/native-json.js';
import { toCsv } from '../../../src/formats/csv-export.js';

const node = (key: string, extra: Record<string, unknown> = {}) => ({ key, attributes: { stage: 'mining', country: 'CN', ...extra } });
const edge = (source: string, target: string, capacity: unknown) => ({ source, target, attributes: { flow: 1, capacity } });
const chain = (first: unknown, second: unknown) => parseGraph({ nodes: [node('s'), node('a'), node('t')], edges: [edge('s', 'a', first), edge('a', 't', second)] }, 'chain.json').graph;

describe('max flow with large and unlimited capacities', () => {
  for (const big of [1e15, 1e12, 'inf'] as const) {
    it(`s -> a (${big}) -> t (5): maxFlow 5, min cut a -> t, knockout 1 on the path`, () => {
      const g = chain(big, 5);
      const result = maxFlow(g);
      expect(result.value).toBe(5);
      expect(result.minCut).toEqual({ nodes: [], edges: ['a->t'], capacity: 5 });
      expect(result.edgeFlow).toEqual({ 's->a': 5, 'a->t': 5 });
      const knockout = knockoutLoss(g);
      expect(knockout.maxFlow).toBe(5);
      expect(knockout.nodes).toEqual({ s: 1, a: 1, t: 1 });
      expect(knockoutLoss(g, { method: 'brute-force' }).nodes).toEqual({ s: 1, a: 1, t: 1 });
    });
  }

  it('tiny capacities next to a huge one are not rounded away (1e-6 beside 1e15)', () => {
    const g = parseGraph(
      { nodes: [node('s'), node('a'), node('b'), node('t')], edges: [edge('s', 'a', 1e15), edge('a', 't', 1e-6), edge('s', 'b', 3e-6), edge('b', 't', 1e15)] },
      'tiny.json',
    ).graph;
    const result = maxFlow(g);
    // Two disjoint paths: min(1e15, 1e-6) + min(3e-6, 1e15).
    expect(Math.abs(result.value - 4e-6)).toBeLessThanOrEqual(1e-12 * 4e-6);
    expect(result.minCut.edges.sort()).toEqual(['a->t', 's->b']);
  });

  it('a node capacity of "inf" is the same as none', () => {
    const g = parseGraph({ nodes: [node('s'), node('a', { capacity: 'inf' }), node('t')], edges: [edge('s', 'a', 7), edge('a', 't', 9)] }, 'n.json').graph;
    expect(g.getNodeAttribute('a', 'capacity')).toBe(Infinity);
    expect(maxFlow(g).value).toBe(7);
  });

  it('an infinite-capacity path from a source to a sink is a ComputationError naming the path', () => {
    const g = chain('inf', 'inf');
    expect(() => maxFlow(g)).toThrow(ComputationError);
    expect(() => maxFlow(g)).toThrow('maxFlow: the flow is unbounded: the path "s" -> "a" -> "t" has no finite edge or node capacity');
    expect(() => knockoutLoss(g)).toThrow(ComputationError);
  });

  it('a finite node capacity on the path bounds it', () => {
    const g = parseGraph({ nodes: [node('s'), node('a', { capacity: 11 }), node('t')], edges: [edge('s', 'a', 'inf'), edge('a', 't', 'inf')] }, 'n.json').graph;
    expect(maxFlow(g).value).toBe(11);
    expect(maxFlow(g).minCut).toEqual({ nodes: ['a'], edges: [], capacity: 11 });
  });

  it('refuses other spellings with a message naming the element', () => {
    expect(() => chain('Infinity', 5)).toThrow('chain.json: edge "s -> a": capacity: must be a finite number >= 0, or "inf" for unlimited (got "Infinity")');
    expect(() => chain(-1, 5)).toThrow('chain.json: edge "s -> a": capacity: must be >= 0');
    expect(() => chain(1e16, 5)).toThrow('must be at most 1e15');
  });

  it('"inf" survives the JSON and CSV exports', () => {
    const g = chain('inf', 5);
    const json = JSON.parse(toNativeJson(g)) as { edges: { attributes: { capacity: unknown } }[] };
    expect(json.edges[0]?.attributes.capacity).toBe('inf');
    expect(maxFlow(parseGraph(json, 'again.json').graph).value).toBe(5);
    expect(toCsv(g, undefined, 'edges')).toContain('s,a,1,inf');
  });

  it('the default dataset keeps its maxFlow when an edge outside the minimum cut gets capacity 1e15', () => {
    const data = JSON.parse(readFileSync(new URL('../../../graphs/rare-earths-2024.json', import.meta.url), 'utf8')) as { edges: { source: string; target: string; key?: string; attributes: Record<string, unknown> }[] };
    const base = maxFlow(parseGraph(data, 'default').graph);
    // Raising an edge outside a minimum cut C leaves C's capacity, hence maxFlow, unchanged.
    const inCut = new Set(base.minCut.edges);
    const flows = Object.entries(base.edgeFlow).filter(([key, f]) => !inCut.has(key) && f > 0).map(([key]) => key);
    for (const key of flows.slice(0, 5)) {
      const copy = structuredClone(data);
      const target = copy.edges.find((e) => (e.key ?? `${e.source}->${e.target}`) === key);
      if (!target) throw new Error(`no edge ${key}`);
      target.attributes.capacity = 1e15;
      const value = maxFlow(parseGraph(copy, 'default').graph).value;
      expect(Math.abs(value - base.value)).toBeLessThanOrEqual(1e-9 * base.value);
    }
  });
});
