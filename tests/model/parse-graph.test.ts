import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { inputProblems } from '../helpers/problems.js';

const node = (key: string, attributes: Record<string, unknown> = {}) => ({ key, attributes: { stage: 'mining', country: 'CN', ...attributes } });
const edge = (source: string, target: string, attributes: Record<string, unknown> = { flow: 1 }) => ({ source, target, attributes });

const problemsOf = (data: unknown) => inputProblems(() => parseGraph(data, 'g.json'), 'g.json');

describe('parseGraph', () => {
  it('builds a directed simple graph with defaults', () => {
    const { graph, warnings } = parseGraph({ nodes: [node('a'), node('b', { stage: 'separation' })], edges: [edge('a', 'b')] }, 'g.json');
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(false);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.getNodeAttribute('a', 'status')).toBe('operating');
    expect(graph.hasEdge('a->b')).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reports every problem with its element', () => {
    const problems = problemsOf({
      nodes: [node('a'), node('b', { stage: 'mined', country: 'XX', capacity: -1 }), node('a')],
      edges: [edge('a', 'b', { flow: '12' }), edge('a', 'c'), edge('a', 'b'), edge('a', 'a')],
    });
    expect(problems).toEqual([
      'node "b": capacity: must be >= 0 (got -1)',
      'node "b": unknown stage "mined" (expected one of mining, separation, refining, magnet, component, manufacturing, end-use)',
      'node "b": country "XX" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
      'node "a": duplicate node key',
      'edge "a -> b": flow: must be a finite number >= 0 (got "12")',
      'edge "a -> c": unknown target node "c"',
      'edge "a -> b": parallel edge: another edge already joins these nodes in this direction',
      'edge "a -> a": self-loops are not allowed',
    ]);
  });

  it('names the file in the message', () => {
    expect(() => parseGraph({ nodes: [node('a', { country: 'cn' })] }, 'my/file.json')).toThrow(/^my\/file\.json: node "a": country "cn"/);
  });

  it('accepts a graph-declared stage list and rejects stages outside it', () => {
    const data = { attributes: { stages: ['ore', 'metal'] }, nodes: [node('a', { stage: 'ore' }), node('b', { stage: 'mining' })] };
    expect(problemsOf(data)).toEqual(['node "b": unknown stage "mining" (expected one of ore, metal)']);
  });

  it('rejects undirected and multi graphs', () => {
    expect(problemsOf({ options: { type: 'undirected' }, nodes: [node('a')] })[0]).toMatch(/graph type must be "directed"/);
    expect(problemsOf({ options: { multi: true }, nodes: [node('a')] })[0]).toMatch(/multigraphs are not supported/);
  });

  it('rejects a top level that is not an object, and an empty graph', () => {
    expect(problemsOf([])[0]).toMatch(/top level must be a JSON object.*an array/);
    expect(problemsOf({ nodes: [] })).toEqual(['graph: the graph has no nodes']);
    expect(problemsOf({ edges: [] })[0]).toMatch(/nodes: is required \(an array of nodes\)/);
  });

  it('limits the listed problems and counts the rest', () => {
    const nodes = Array.from({ length: 80 }, (_v, i) => node(`n${i}`, { country: 'ZZ' }));
    try {
      parseGraph({ nodes }, 'g.json');
      expect.unreachable();
    } catch (error) {
      const e = error as InputError;
      expect(e.problems).toHaveLength(50);
      expect(e.total).toBe(80);
      expect(e.message).toMatch(/and 30 more problems$/);
    }
  });

  it('accepts a string sector on a node and rejects any other type', () => {
    const data = (sector: unknown) => ({ nodes: [node('m'), node('e', { stage: 'end-use', sector })], edges: [edge('m', 'e')] });
    const { graph, warnings } = parseGraph(data('EVs and vehicle motors'), 'g.json');
    expect(graph.getNodeAttribute('e', 'sector')).toBe('EVs and vehicle motors');
    expect(warnings).toEqual([]);
    expect(problemsOf(data(3))).toEqual(['node "e": sector: must be a string (the end-use sector) (got 3)']);
    expect(problemsOf(data(['EVs']))[0]).toMatch(/^node "e": sector: must be a string/);
  });

  it('warns about unknown attribute names', () => {
    const { warnings } = parseGraph({ nodes: [node('a', { capactiy: 3 }), node('b')], edges: [edge('a', 'b', { flow: 1, colour: 'red' })] }, 'g.json');
    expect(warnings).toEqual([
      'g.json: unknown node attribute "capactiy" on 1 node(s): kept, not used by chokepoint',
      'g.json: unknown edge attribute "colour" on 1 edge(s): kept, not used by chokepoint',
    ]);
  });
});

describe('parseGraph: stock attributes (monthly model)', () => {
  it('accepts stock, stockMonths and rampMonths without warnings', () => {
    const { graph, warnings } = parseGraph({ nodes: [node('a', { stock: 5, rampMonths: 12 }), node('b', { stage: 'separation', stockMonths: 2.5 })], edges: [edge('a', 'b')] }, 'g.json');
    expect(warnings).toEqual([]);
    expect(graph.getNodeAttribute('b', 'stockMonths')).toBe(2.5);
  });

  it('rejects negative values and both stock and stockMonths on one node', () => {
    expect(problemsOf({ nodes: [node('a', { stock: -1 }), node('b', { stockMonths: -2, rampMonths: 'x' }), node('c', { stock: 1, stockMonths: 1 })] })).toEqual([
      'node "a": stock: must be >= 0 (got -1)',
      'node "b": stockMonths: must be >= 0 (got -2)',
      'node "b": rampMonths: must be a number of months >= 0 (got "x")',
      'node "c": give at most one of "stock" (tonnes) and "stockMonths" (months of in-flow)',
    ]);
  });
});
