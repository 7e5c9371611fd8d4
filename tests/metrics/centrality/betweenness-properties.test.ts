/** Property tests (fast-check): relabelling invariance and invariance under length scaling. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { betweenness } from '../../../src/metrics/centrality/betweenness.js';
import { graphOf } from './helpers.js';
import { randomDigraph } from './random-graph.js';

const graphArb = fc.record({ n: fc.integer({ min: 2, max: 30 }), p: fc.double({ min: 0.02, max: 0.4, noNaN: true }), seed: fc.nat() });

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('betweenness properties', () => {
  it('does not depend on node names or insertion order', () => {
    fc.assert(
      fc.property(graphArb, fc.nat(), fc.boolean(), ({ n, p, seed }, shuffleSeed, weighted) => {
        const { nodes, edges } = randomDigraph(n, p, seed);
        const permutation = fc.sample(fc.shuffledSubarray(nodes, { minLength: n, maxLength: n }), { numRuns: 1, seed: shuffleSeed })[0] as string[];
        const rename = new Map(nodes.map((node, i) => [node, `x${permutation[i]}`]));
        const renamed = graphOf(
          [...nodes].reverse().map((v) => rename.get(v) as string),
          [...edges].reverse().map(([s, t, w]) => [rename.get(s) as string, rename.get(t) as string, w] as const),
        );
        const options = { weight: weighted ? 'length' : null };
        const a = betweenness(graphOf(nodes, edges), options);
        const b = betweenness(renamed, options);
        for (const v of nodes) if (!close(a.nodes[v] as number, b.nodes[rename.get(v) as string] as number)) return false;
        for (const [s, t] of edges) {
          if (!close(a.edges[`${s}->${t}`] as number, b.edges[`${rename.get(s)}->${rename.get(t)}`] as number)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('multiplying every length by one factor changes nothing', () => {
    fc.assert(
      fc.property(graphArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ n, p, seed }, factor) => {
        const { nodes, edges } = randomDigraph(n, p, seed);
        const a = betweenness(graphOf(nodes, edges), { weight: 'length' });
        const b = betweenness(graphOf(nodes, edges.map(([s, t, w]) => [s, t, w * factor] as const)), { weight: 'length' });
        return nodes.every((v) => close(a.nodes[v] as number, b.nodes[v] as number)) && edges.every(([s, t]) => close(a.edges[`${s}->${t}`] as number, b.edges[`${s}->${t}`] as number));
      }),
      { numRuns: 60 },
    );
  });

  it('node betweenness is never negative and at most 1 when normalised', () => {
    fc.assert(
      fc.property(graphArb, ({ n, p, seed }) => {
        const { nodes, edges } = randomDigraph(n, p, seed);
        return Object.values(betweenness(graphOf(nodes, edges)).nodes).every((x) => x >= 0 && x <= 1 + 1e-12);
      }),
      { numRuns: 40 },
    );
  });
});
