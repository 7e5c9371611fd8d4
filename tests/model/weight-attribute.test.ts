/** Issue 10: an edge `weight` (networkx's conventional name, usable as --weight) is known, not warned about. */
import { describe, expect, it } from 'vitest';
import { betweenness } from '../../src/metrics/centrality/betweenness.js';
import { parseGraph } from '../../src/model/parse-graph.js';

const node = (key: string) => ({ key, attributes: { stage: 'mining', country: 'CN' } });

describe('edge weight attribute', () => {
  it('is accepted without a warning and usable as a betweenness length', () => {
    const { graph, warnings } = parseGraph(
      { nodes: [node('a'), node('b'), node('c')], edges: [{ source: 'a', target: 'b', attributes: { flow: 1, weight: 2 } }, { source: 'b', target: 'c', attributes: { flow: 1, weight: 3 } }] },
      'w.json',
    );
    expect(warnings).toEqual([]);
    expect(betweenness(graph, { weight: 'weight', normalized: false }).nodes).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('must be a number', () => {
    expect(() => parseGraph({ nodes: [node('a'), node('b')], edges: [{ source: 'a', target: 'b', attributes: { flow: 1, weight: 'heavy' } }] }, 'w.json')).toThrow(
      'w.json: edge "a -> b": weight: must be a number (got "heavy")',
    );
  });
});
