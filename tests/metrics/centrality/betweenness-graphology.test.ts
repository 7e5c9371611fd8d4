/**
 * Second reference: graphology-metrics' betweenness and edge betweenness (an independent
 * Brandes implementation; `getEdgeWeight: null` for hop counts, the attribute name for
 * lengths) on seeded random digraphs.
 */
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import edgeBetweennessModule from 'graphology-metrics/centrality/edge-betweenness.js';
import { describe, it } from 'vitest';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';
import { expectClose, graphOf } from './helpers.js';
import { randomDigraph } from './random-graph.js';

// CommonJS modules: the default import is module.exports at run time, `.default` in the typings.
const cjs = <T>(module: { default: T }): T => ((module as { default?: T }).default ?? module) as T;
const betweennessCentrality = cjs(betweennessModule);
const edgeBetweennessCentrality = cjs(edgeBetweennessModule);

const CASES = [
  { n: 25, p: 0.1, seed: 1 },
  { n: 60, p: 0.04, seed: 2 },
  { n: 80, p: 0.08, seed: 3 },
  { n: 120, p: 0.015, seed: 4 },
];

describe.each(CASES)('betweenness vs graphology-metrics, G($n, $p) seed $seed', ({ n, p, seed }) => {
  const { nodes, edges } = randomDigraph(n, p, seed);
  const graph = graphOf(nodes, edges);

  it('hop counts', () => {
    const ours = betweenness(graph);
    expectClose(ours.nodes, betweennessCentrality(graph, { getEdgeWeight: null }));
    expectClose(ours.edges, edgeBetweennessCentrality(graph, { getEdgeWeight: null }));
  });

  it('whole-number lengths', () => {
    const ours = betweenness(graph, { weight: 'length', normalized: false });
    expectClose(ours.nodes, betweennessCentrality(graph, { getEdgeWeight: 'length', normalized: false }));
    expectClose(ours.edges, edgeBetweennessCentrality(graph, { getEdgeWeight: 'length', normalized: false }));
  });
});
