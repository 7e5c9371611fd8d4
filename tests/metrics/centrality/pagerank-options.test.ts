/** PageRank's alpha and weight options against networkx (scripts/fixtures/pagerank_options.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagerank } from '../../../src/metrics/centrality/pagerank.js';
import { InputError } from '../../../src/model/errors.js';
import { createSupplyGraph } from '../../../src/model/graph.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/networkx/pagerank-options.json', import.meta.url), 'utf8')) as {
  edges: [string, string, Record<string, number>][];
  flowAlpha05: Record<string, number>;
  volume: Record<string, number>;
  unweighted: Record<string, number>;
};

function graph() {
  const g = createSupplyGraph();
  for (const [u, v, attributes] of fixture.edges) {
    for (const x of [u, v]) if (!g.hasNode(x)) g.addNode(x, { stage: 'mining', country: 'CN', status: 'operating' });
    g.addDirectedEdgeWithKey(`${u}->${v}`, u, v, { flow: attributes.flow ?? 0, ...attributes });
  }
  return g;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  // graphology stops at an L1 change below n * 1e-6 (the default); networkx here ran to 1e-12.
  for (const [key, value] of Object.entries(expected)) expect(Math.abs((actual[key] as number) - value), key).toBeLessThanOrEqual(1e-5);
}

describe('pagerank options', () => {
  it('alpha 0.5 with flow weights equals networkx pagerank(G, alpha=0.5, weight="flow")', () => {
    expectClose(pagerank(graph(), { alpha: 0.5, tolerance: 1e-10, maxIterations: 1000 }), fixture.flowAlpha05);
  });
  it('weight "volume" (missing on one edge: weight 1) equals networkx pagerank(G, weight="volume")', () => {
    expectClose(pagerank(graph(), { weight: 'volume', tolerance: 1e-10, maxIterations: 1000 }), fixture.volume);
  });
  it('weight null is unweighted, as networkx pagerank(G, weight=None)', () => {
    expectClose(pagerank(graph(), { weight: null, tolerance: 1e-10, maxIterations: 1000 }), fixture.unweighted);
  });
  it('a weight that is not a number >= 0 is an InputError naming the edge', () => {
    const g = graph();
    g.setEdgeAttribute('a->b', 'volume', -1);
    expect(() => pagerank(g, { weight: 'volume' })).toThrow(InputError);
    expect(() => pagerank(g, { weight: 'volume' })).toThrow('edge "a->b": "volume" must be a finite number >= 0 to be used as a PageRank weight (got -1)');
  });
});
