/** Seeded random directed graphs (G(n, p) style) for cross-checks and property tests. */
import { createRng } from '../../../src/generate/prng.js';

export interface RandomEdges {
  nodes: string[];
  edges: [string, string, number][];
}

/** n nodes "v0".."v{n-1}", each ordered pair an edge with probability p, integer lengths 1..maxLength. */
export function randomDigraph(n: number, p: number, seed: number, maxLength = 3): RandomEdges {
  const rng = createRng(seed);
  const nodes = Array.from({ length: n }, (_v, i) => `v${i}`);
  const edges: [string, string, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j && rng.next() < p) edges.push([`v${i}`, `v${j}`, 1 + rng.int(maxLength)]);
  }
  return { nodes, edges };
}
