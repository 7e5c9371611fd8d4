import { describe, expect, it } from 'vitest';
import { generateSupplyGraph } from '../../../src/generate/supply-graph.js';
import { knockoutLoss } from '../../../src/metrics/flow/knockout.js';
import { parseGraph } from '../../../src/model/parse-graph.js';

/**
 * The warm-started knockout (cancel, cut bounds, budgeted path search, Dinic) against
 * maxFlow(G - v) recomputed from zero flow for every removal ('brute-force'), on generated
 * layered supply graphs with loops (back edges), where removals need many rerouting paths
 * and partial repairs, unlike the small random graphs of knockout.test.ts.
 */
const CASES = [
  { nodes: 120, seed: 3, backEdges: 0.05 },
  { nodes: 250, seed: 11, backEdges: 0.1 },
  { nodes: 400, seed: 7, backEdges: 0.05 },
  { nodes: 400, seed: 23, backEdges: 0.2, edgesPerNode: 4 },
  { nodes: 600, seed: 42, backEdges: 0.05, edgesPerNode: 2 },
];

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    // Losses are fractions of maxFlow in [0, 1]: compare relative to 1.
    expect(Math.abs((actual[key] ?? NaN) - value), key).toBeLessThanOrEqual(1e-9);
  }
}

describe('knockoutLoss on generated graphs with loops', () => {
  for (const options of CASES) {
    it(`equals a from-scratch max flow per removal (${JSON.stringify(options)})`, () => {
      const { graph } = parseGraph(generateSupplyGraph(options), 'generated');
      const fast = knockoutLoss(graph);
      const slow = knockoutLoss(graph, { method: 'brute-force' });
      expect(Math.abs(fast.maxFlow - slow.maxFlow)).toBeLessThanOrEqual(1e-12 * slow.maxFlow);
      expect(Object.values(slow.nodes).filter((x) => x > 0 && x < 1).length).toBeGreaterThan(0);
      expectClose(fast.nodes, slow.nodes);
      expectClose(fast.countries, slow.countries);
    });
  }
});
