/**
 * networkx's multigraphs and undirected graphs on import (issue 10), through the CLI:
 * `--multigraph sum` on a networkx MultiDiGraph GraphML and `--undirected both` on an
 * undirected networkx Graph GraphML, compared with networkx's values
 * (tests/fixtures/networkx/multigraph.json, scripts/fixtures/multigraph.py: max flow on
 * the DiGraph collapsed by the stated rule; max flow and betweenness of the undirected
 * graph); the refusals without the flags name them; mixed materials are refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'networkx');
interface Flow {
  source: string;
  target: string;
  maxFlow: number;
}
const expected = JSON.parse(readFileSync(join(DIR, 'multigraph.json'), 'utf8')) as {
  collapsed: { edges: Record<string, { flow: number; capacity: number | 'inf' | null }>; multiEdges: number; flows: Flow[] };
  undirected: { edges: number; flows: Flow[]; betweenness: Record<string, number> };
};
interface GraphFile {
  edges: { key?: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

const near = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chokepoint-multi-'));
});

async function maxFlow(graph: string, flow: Flow): Promise<number> {
  const run = await cli('metrics', graph, '--metrics', 'minCut', '--source', flow.source, '--target', flow.target, '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { supply: { maxFlow: number } }).supply.maxFlow;
}

describe('import --multigraph sum (networkx MultiDiGraph)', () => {
  const file = join(DIR, 'multi-digraph.graphml');

  it('without the flag: the "parallel edge" error names --multigraph sum', async () => {
    const run = await cli('import', '--graphml', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('parallel edge: another edge already joins these nodes in this direction (to collapse parallel edges (a multigraph), import with --multigraph sum)');
  });

  it('collapses parallel edges: flow and capacity summed, as networkx on the collapsed DiGraph', async () => {
    const out = join(dir, 'collapsed.json');
    const run = await cli('import', '--graphml', file, '--multigraph', 'sum', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    const count = Object.keys(expected.collapsed.edges).length;
    expect(run.stderr).toContain(`warning: ${file}: --multigraph sum: `);
    const collapsedGroups = run.stderr.match(/(\d+) parallel edges collapsed into (\d+)/);
    expect(collapsedGroups).not.toBeNull();
    // every multi-edge is either kept alone or collapsed: kept + collapsed = networkx's count
    expect(count - Number(collapsedGroups?.[2]) + Number(collapsedGroups?.[1])).toBe(expected.collapsed.multiEdges);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(graph.edges).toHaveLength(count);
    for (const edge of graph.edges) {
      const want = expected.collapsed.edges[`${edge.source}->${edge.target}`];
      expect(want, `${edge.source}->${edge.target}`).toBeDefined();
      expect(near(edge.attributes.flow as number, want?.flow as number)).toBe(true);
      if (want?.capacity === null) expect(edge.attributes.capacity).toBeUndefined();
      else if (want?.capacity === 'inf') expect(edge.attributes.capacity).toBe('inf');
      else expect(near(edge.attributes.capacity as number, want?.capacity as number), `${edge.source}->${edge.target}`).toBe(true);
      expect(edge.attributes.material).toBe('NdPr');
      expect(edge.attributes.note).toBe(`${edge.source}${edge.target}`); // from the first edge
    }
    for (const flow of expected.collapsed.flows) expect(near(await maxFlow(out, flow), flow.maxFlow), `${flow.source} -> ${flow.target}`).toBe(true);
  });

  it('refuses to sum parallel edges of different materials, naming both', async () => {
    const run = await cli('import', '--graphml', join(DIR, 'multi-mixed.graphml'), '--multigraph', 'sum');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('edge "a -> b": parallel edges #0 and #1 (in file order) carry different materials ("NdPr" and "Dy"); flows of different materials cannot be summed');
  });

  it('refuses an unknown rule', async () => {
    const run = await cli('import', '--graphml', file, '--multigraph', 'max');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--multigraph must be "sum"');
  });

  it('collapses parallel CSV rows too, a missing capacity counted as the flow', async () => {
    const nodes = join(dir, 'n.csv');
    const edges = join(dir, 'e.csv');
    writeFileSync(nodes, 'key\na\nb\nc\n');
    writeFileSync(edges, 'source,target,flow,capacity,material\na,b,3,10,NdPr\na,b,4,,NdPr\nb,c,2,,NdPr\n');
    const run = await cli('import', '--nodes', nodes, '--edges', edges, '--multigraph', 'sum');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 parallel edges collapsed into 1');
    const graph = JSON.parse(run.stdout) as GraphFile;
    expect(graph.edges.map((e) => [e.source, e.target, e.attributes.flow, e.attributes.capacity])).toEqual([
      ['a', 'b', 7, 14],
      ['b', 'c', 2, undefined],
    ]);
    const without = await cli('import', '--nodes', nodes, '--edges', edges);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain('row 2, 3 (edge "a -> b"): parallel edge');
    expect(without.stderr).toContain('--multigraph sum');
  });
});

describe('import --undirected both (networkx undirected Graph)', () => {
  const file = join(DIR, 'undirected.graphml');
  let out: string;

  it('without the flag: the "undirected edge" error names --undirected both', async () => {
    const run = await cli('import', '--graphml', file);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('undirected edge: a supply graph is directed (declare the GraphML graph directed, or import with --undirected both');
  });

  it('reads each undirected edge as two directed edges with the same attributes', async () => {
    out = join(dir, 'both.json');
    const run = await cli('import', '--graphml', file, '--undirected', 'both', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(out, 'utf8')) as GraphFile;
    expect(graph.edges).toHaveLength(2 * expected.undirected.edges);
    const capacity = new Map(graph.edges.map((e) => [`${e.source} ${e.target}`, e.attributes.capacity]));
    for (const e of graph.edges) expect(capacity.get(`${e.target} ${e.source}`)).toBe(e.attributes.capacity);
  });

  it('max flow equals networkx maximum_flow_value on the undirected graph', async () => {
    for (const flow of expected.undirected.flows) expect(near(await maxFlow(out, flow), flow.maxFlow), `${flow.source} -> ${flow.target}`).toBe(true);
  });

  it('betweenness with --undirected equals networkx betweenness_centrality of the undirected graph', async () => {
    const run = await cli('metrics', out, '--metrics', 'betweenness', '--undirected', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { nodes: { id: string; betweenness: number }[] };
    expect(report.nodes).toHaveLength(Object.keys(expected.undirected.betweenness).length);
    for (const n of report.nodes) expect(near(n.betweenness, expected.undirected.betweenness[n.id] as number), `${n.id}: ${n.betweenness}`).toBe(true);
  });

  it('is refused for CSV tables (no undirected edges there)', async () => {
    const nodes = join(dir, 'u.csv');
    writeFileSync(nodes, 'key\na\n');
    const run = await cli('import', '--nodes', nodes, '--undirected', 'both');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--undirected applies to GraphML and GEXF');
  });
});
