/**
 * requireSupplyChain (src/model/supply-chain.ts): graphs without stage, country or flow
 * load (they were refused before issue 10: these files were in tests/fixtures/bad and
 * bad-import), and each supply-chain analysis refuses them with a UsageError naming the
 * analysis, the first element lacking the attribute and how to fix it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { streamGraphJson } from '../../src/io/stream-graph.js';
import { UsageError } from '../../src/model/errors.js';
import type { EdgeAttributes } from '../../src/model/schema.js';
import { metNeeds, missing, requireSupplyChain } from '../../src/model/supply-chain.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { cli } from '../cli/run-cli.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'generic');

describe('graphs without stage, country or flow', () => {
  it('load whole and streamed, and name what they lack', async () => {
    for (const read of [readGraphFile, streamGraphJson]) {
      const stage = (await read(join(DIR, 'missing-stage.json'))).graph;
      expect(metNeeds(stage)).toEqual(new Set(['country', 'flow']));
      expect(() => requireSupplyChain(stage, 'scenario')).toThrow(UsageError);
      expect(() => requireSupplyChain(stage, 'scenario')).toThrow(
        'scenario needs stages: node "a" has no stage; give every node a "stage" attribute (and the graph its stage list, import --stages, when it is not the default chain)',
      );
      const country = (await read(join(DIR, 'missing-country.json'))).graph;
      expect(() => requireSupplyChain(country, 'concentration')).toThrow('concentration needs countries: node "a" has no country; give every node a "country" attribute (ISO 3166-1 alpha-2, e.g. "CN")');
      expect(requireSupplyChain(country, 'betweenness', ['stage'])).toBe(country);
      const flow = (await read(join(DIR, 'missing-flow.json'))).graph;
      expect(missing(flow, 'flow')).toEqual({ element: 'edge "a -> b"', count: 1 });
      expect(() => computeMetrics(flow, { metrics: ['throughput'] })).toThrow('metric throughput needs flows: edge "a -> b" has no flow; give every edge a "flow" attribute (the observed volume)');
    }
  });

  it('counts the other elements lacking the attribute', async () => {
    const { graph } = await readGraphFile(join(DIR, 'missing-flow.json'));
    graph.addNode('c', { stage: 'refining', country: 'CN', status: 'operating' });
    graph.addEdge('b', 'c', {} as EdgeAttributes); // no flow: what a generic graph's edge is
    graph.addNode('d', { stage: 'refining', country: 'CN', status: 'operating' });
    graph.addEdge('b', 'd', {} as EdgeAttributes);
    expect(() => requireSupplyChain(graph, 'sweep', ['flow'])).toThrow('sweep needs flows: edge "a -> b" has no flow (nor do 2 others)');
  });

  it('CSV tables without stage, country or flow columns import (chokepoint import)', async () => {
    const run = await cli('import', '--nodes', join(DIR, 'missing-column.nodes.csv'), '--edges', join(DIR, 'missing-flow.edges.csv'));
    expect(run.code).toBe(0);
    const graph = JSON.parse(run.stdout) as { nodes: { key: string; attributes?: Record<string, unknown> }[]; edges: { source: string; target: string; attributes?: Record<string, unknown> }[] };
    expect(graph.nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(graph.nodes[0]?.attributes?.stage).toBeUndefined();
    expect(graph.edges.map((e) => [e.source, e.target, e.attributes?.flow])).toEqual([['a', 'b', undefined]]);
  });
});
