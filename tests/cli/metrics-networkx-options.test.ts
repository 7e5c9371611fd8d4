/**
 * networkx's conventions on request (issue 10): `chokepoint metrics` with --undirected,
 * --no-normalize, --endpoints, --alpha, --source/--target and --capacity. Expected values
 * are networkx's (test_betweenness_centrality.py test_P3_endpoints; test_maxflow.py
 * test_digraph_infcap_edges) or hand-solved.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

let dir: string;
const node = (key: string) => ({ key, attributes: { stage: 'mining', country: 'CN' } });

function write(name: string, data: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-nx-options-'));
});

describe('chokepoint metrics: networkx conventions on request', () => {
  it('--undirected --no-normalize --endpoints on the path 0 - 1 - 2 gives networkx test_P3_endpoints (2, 3, 2)', async () => {
    const file = write('p3', { nodes: ['0', '1', '2'].map(node), edges: [{ source: '0', target: '1', attributes: { flow: 1 } }, { source: '1', target: '2', attributes: { flow: 1 } }] });
    const run = await cli('metrics', file, '--metrics', 'betweenness', '--undirected', '--no-normalize', '--endpoints');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { nodes: { id: string; betweenness: number }[] };
    expect(report.nodes.map((n) => [n.id, n.betweenness])).toEqual([['0', 2], ['1', 3], ['2', 2]]);
  });

  it('--source/--target/--capacity: networkx test_digraph_infcap_edges gives 97', async () => {
    const e = (source: string, target: string, capacity?: number) => ({ source, target, attributes: capacity === undefined ? { flow: 0 } : { flow: 0, cap: capacity } });
    const file = write('infcap', { nodes: ['s', 'a', 'b', 'c', 't'].map(node), edges: [e('s', 'a'), e('s', 'b', 30), e('a', 'c', 25), e('b', 'c', 12), e('a', 't', 60), e('c', 't')] });
    const run = await cli('metrics', file, '--metrics', 'minCut', '--source', 's', '--target', 't', '--capacity', 'cap');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { supply: { maxFlow: number } };
    expect(report.supply.maxFlow).toBe(97);
  });

  it('--alpha changes PageRank; a bad --alpha and an unknown --source are usage errors', async () => {
    const file = write('chain', { nodes: ['a', 'b', 'c'].map(node), edges: [{ source: 'a', target: 'b', attributes: { flow: 1 } }, { source: 'b', target: 'c', attributes: { flow: 1 } }] });
    const ranks = async (...flags: string[]) => (JSON.parse((await cli('metrics', file, '--metrics', 'pagerank', ...flags)).stdout) as { nodes: { pagerank: number }[] }).nodes.map((n) => n.pagerank);
    expect(await ranks('--alpha', '0.5')).not.toEqual(await ranks());
    expect((await cli('metrics', file, '--alpha', '2')).code).toBe(2);
    const unknown = await cli('metrics', file, '--metrics', 'minCut', '--source', 'zz');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('maxFlow: source node "zz" is not in the graph');
  });

  it('--source: the knockout table is that of the flow from the named sources (hand-solved)', async () => {
    // a -> m (10), b -> m (30), m -> t (40). From every source: maxFlow 40, losing a costs
    // 10/40, losing b 30/40. From --source a alone: maxFlow 10, losing a costs all of it,
    // losing b nothing (it is not a source of this flow).
    const edge = (source: string, target: string, flow: number) => ({ source, target, attributes: { flow } });
    const file = write('two-sources', { nodes: ['a', 'b', 'm', 't'].map(node), edges: [edge('a', 'm', 10), edge('b', 'm', 30), edge('m', 't', 40)] });
    const every = JSON.parse((await cli('metrics', file, '--metrics', 'knockoutLoss', '--table', 'nodes')).stdout) as { id: string; knockoutLoss: number }[];
    expect(Object.fromEntries(every.map((n) => [n.id, n.knockoutLoss]))).toEqual({ a: 0.25, b: 0.75, m: 1, t: 1 });
    const run = await cli('metrics', file, '--metrics', 'knockoutLoss', '--source', 'a');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { supply: { maxFlow: number }; nodes: { id: string; knockoutLoss: number }[] };
    expect(report.supply.maxFlow).toBe(10);
    expect(Object.fromEntries(report.nodes.map((n) => [n.id, n.knockoutLoss]))).toEqual({ a: 1, b: 0, m: 1, t: 1 });
  });
});
