/**
 * Betweenness against published values and against networkx 2.8.8 / igraph 0.10.2
 * (fixtures written by scripts/fixtures/betweenness.py).
 */
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessCsr, betweennessRecords } from '../../../src/metrics/centrality/betweenness.js';
import { buildCsr } from '../../../src/metrics/centrality/csr.js';
import { expectClose, fixtureGraph, graphOf, readFixture } from './helpers.js';

const EXACT = ['kite', 'random-cycles', 'disconnected', 'weighted-ties', 'weighted-dyadic', 'weighted-uniform'];

describe('betweenness: Krackhardt kite', () => {
  it('matches the published normalised values', () => {
    // Krackhardt kite (Krackhardt 1990), undirected, normalised betweenness as published
    // in networkx's test suite (test_betweenness_centrality.py, to 3 decimals): Andre,
    // Beverly 0.023; Carol 0; Diane 0.102; Ed 0; Fernando, Garth 0.231; Heather 0.389;
    // Ike 0.222; Jane 0. Built as a directed graph with both directions of every edge:
    // normalised directed betweenness of that digraph equals the undirected value
    // (checked with networkx in scripts/fixtures/betweenness.py).
    const fixture = readFixture('kite');
    const { nodes } = betweenness(fixtureGraph(fixture));
    const published = [0.023, 0.023, 0.0, 0.102, 0.0, 0.231, 0.231, 0.389, 0.222, 0.0];
    published.forEach((value, i) => expect(Math.abs((nodes[String(i)] as number) - value)).toBeLessThan(1e-3));
  });
});

describe.each(EXACT)('betweenness: networkx fixture %s', (name) => {
  const fixture = readFixture(name);
  const options = { weight: fixture.weight };

  it('normalised node and edge values equal networkx', () => {
    const result = betweenness(fixtureGraph(fixture), options);
    expectClose(result.nodes, fixture.node as Record<string, number>);
    expectClose(result.edges, fixture.edge as Record<string, number>);
  });

  it('unnormalised values equal networkx and igraph', () => {
    const result = betweenness(fixtureGraph(fixture), { ...options, normalized: false });
    expectClose(result.nodes, fixture.nodeRaw as Record<string, number>);
    expectClose(result.edges, fixture.edgeRaw as Record<string, number>);
    if (fixture.igraphNodeRaw) expectClose(result.nodes, fixture.igraphNodeRaw);
    if (fixture.igraphEdgeRaw) expectClose(result.edges, fixture.igraphEdgeRaw);
  });
});

describe.each(['sampled', 'sampled-weighted'])('betweenness: k pivots, networkx 3.6.1 fixture %s (scripts/fixtures/betweenness_sampled.py)', (name) => {
  const fixture = readFixture(name);
  const csr = buildCsr(fixtureGraph(fixture), fixture.weight);
  const index = new Map(csr.nodeKeys.map((key, i) => [key, i]));
  const sources = Int32Array.from((fixture.pivots as string[]).map((p) => index.get(p) as number));

  it('the scaled pivot sum over networkx\'s pivots equals networkx, nodes and edges, normalised', () => {
    expect(sources.length).toBe(fixture.k);
    const result = betweennessRecords(csr, betweennessCsr(csr, { sources }));
    expectClose(result.nodes, fixture.node as Record<string, number>);
    expectClose(result.edges, fixture.edge as Record<string, number>);
  });

  it('and unnormalised (pivots scaled by N / (K - 1), other nodes by N / K, edges by n / K)', () => {
    const result = betweennessRecords(csr, betweennessCsr(csr, { sources, normalized: false }));
    expectClose(result.nodes, fixture.nodeRaw as Record<string, number>);
    expectClose(result.edges, fixture.edgeRaw as Record<string, number>);
  });

  it('and with endpoints, normalised and not', () => {
    expectClose(betweennessRecords(csr, betweennessCsr(csr, { sources, endpoints: true })).nodes, fixture.nodeEndpoints as Record<string, number>);
    expectClose(betweennessRecords(csr, betweennessCsr(csr, { sources, endpoints: true, normalized: false })).nodes, fixture.nodeEndpointsRaw as Record<string, number>);
  });
});

describe('betweenness: endpoints, networkx 3.6.1 fixture (scripts/fixtures/betweenness_sampled.py)', () => {
  it('equals networkx betweenness_centrality(G, endpoints=True), normalised and not', () => {
    const fixture = readFixture('endpoints');
    const graph = fixtureGraph(fixture);
    expectClose(betweenness(graph, { endpoints: true }).nodes, fixture.node as Record<string, number>);
    expectClose(betweenness(graph, { endpoints: true, normalized: false }).nodes, fixture.nodeRaw as Record<string, number>);
  });
});

describe('betweenness: equal lengths', () => {
  it('treats 0.1 + 0.2 and 0.15 + 0.15 as one length, like igraph (networkx does not)', () => {
    const fixture = readFixture('rounding-tie');
    const result = betweenness(fixtureGraph(fixture), { weight: 'length', normalized: false });
    expectClose(result.nodes, fixture.igraphNodeRaw as Record<string, number>);
    expectClose(result.edges, fixture.igraphEdgeRaw as Record<string, number>);
    expect(fixture.networkxNodeRaw).toEqual({ a: 0, b: 0, c: 1, d: 0 });
  });

  it('counts every tied path with whole-number lengths', () => {
    // Hand count: a->d by a-b-d (1 + 2) and a-c-d (2 + 1), both length 3; the direct
    // a->d edge has length 4. b and c each carry half of the one a-d pair.
    const graph = graphOf(['a', 'b', 'c', 'd'], [['a', 'b', 1], ['b', 'd', 2], ['a', 'c', 2], ['c', 'd', 1], ['a', 'd', 4]]);
    const { nodes, edges } = betweenness(graph, { weight: 'length', normalized: false });
    expect(nodes).toEqual({ a: 0, b: 0.5, c: 0.5, d: 0 });
    expect(edges).toEqual({ 'a->b': 1.5, 'b->d': 1.5, 'a->c': 1.5, 'c->d': 1.5, 'a->d': 0 });
  });
});

describe('betweenness: small cases', () => {
  it('gives zeros for graphs too small to have paths through nodes', () => {
    expect(betweenness(graphOf(['a'], []))).toEqual({ nodes: { a: 0 }, edges: {} });
    // n = 2: networkx applies no node scaling; the edge carries its own pair: 1 / (2 * 1).
    expect(betweenness(graphOf(['a', 'b'], [['a', 'b']]))).toEqual({ nodes: { a: 0, b: 0 }, edges: { 'a->b': 0.5 } });
  });

  it('a directed path: the middle node lies on the one pair around it', () => {
    // a -> b -> c: pair (a, c) passes b; normalised by (3 - 1)(3 - 2) = 2.
    const result = betweenness(graphOf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']]));
    expect(result.nodes).toEqual({ a: 0, b: 0.5, c: 0 });
    // each edge carries 2 of the 6 ordered pairs' paths: (a,b),(a,c) and (b,c),(a,c)
    expect(result.edges).toEqual({ 'a->b': 2 / 6, 'b->c': 2 / 6 });
  });

  it('does not change the graph', () => {
    const fixture = readFixture('weighted-ties');
    const graph = fixtureGraph(fixture);
    const before = JSON.stringify(graph.export());
    betweenness(graph, { weight: 'length' });
    betweenness(graph, { sample: 5, seed: 1 });
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
