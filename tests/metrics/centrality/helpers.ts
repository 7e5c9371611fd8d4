/** Test helpers: build supply graphs from edge lists and fixtures, compare records. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createSupplyGraph, type SupplyGraph } from '../../../src/model/graph.js';

export interface BetweennessFixture {
  name: string;
  source: string;
  weight: string | null;
  nodes: string[];
  /** [source, target] or [source, target, length]. */
  edges: [string, string, number?][];
  node?: Record<string, number>;
  edge?: Record<string, number>;
  nodeRaw?: Record<string, number>;
  edgeRaw?: Record<string, number>;
  igraphNodeRaw?: Record<string, number>;
  igraphEdgeRaw?: Record<string, number>;
  networkxNodeRaw?: Record<string, number>;
  nodeEndpoints?: Record<string, number>;
  nodeEndpointsRaw?: Record<string, number>;
  k?: number;
  seed?: number;
  pivots?: string[];
}

export function readFixture(name: string): BetweennessFixture {
  const url = new URL(`../../fixtures/networkx/betweenness-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as BetweennessFixture;
}

/** A supply graph with the given nodes and edges (key "s->t"); lengths go to `length`. */
export function graphOf(nodes: readonly string[], edges: readonly (readonly [string, string, number?])[]): SupplyGraph {
  const graph = createSupplyGraph();
  for (const node of nodes) graph.addNode(node, { stage: 'mining', country: 'CN', status: 'operating' });
  for (const [s, t, length] of edges) {
    graph.addDirectedEdgeWithKey(`${s}->${t}`, s, t, length === undefined ? { flow: 1 } : { flow: 1, length });
  }
  return graph;
}

export function fixtureGraph(fixture: BetweennessFixture): SupplyGraph {
  return graphOf(fixture.nodes, fixture.edges);
}

/** Same keys, values within `tolerance` (absolute). */
export function expectClose(actual: Record<string, number>, expected: Record<string, number>, tolerance = 1e-9): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  const off = Object.keys(expected).filter((key) => !(Math.abs((actual[key] as number) - (expected[key] as number)) <= tolerance));
  expect(off.map((key) => `${key}: ${actual[key]} vs ${expected[key]}`)).toEqual([]);
}
