import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamGraphIndex, streamGraphJson } from '../../src/io/stream-graph.js';
import { betweenness, betweennessCsr, betweennessRecords } from '../../src/metrics/centrality/betweenness.js';
import { buildCsr, csrOfIndex } from '../../src/metrics/centrality/csr.js';
import { compactGraph } from '../../src/model/compact.js';
import { InputError } from '../../src/model/errors.js';
import { activeSubgraph, edgeCapacity, type SupplyGraph } from '../../src/model/graph.js';
import { indexGraph, operatingOverlay, outCsr, overlaidCapacities, statusOf, type GraphIndex } from '../../src/model/graph-index.js';
import { createIndexLoader } from '../../src/model/graph-loader.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import expected from '../fixtures/bad/expected.json' with { type: 'json' };

const DATASET = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');
const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad');

async function dataset(): Promise<SupplyGraph> {
  return parseGraph(JSON.parse(await readFile(DATASET, 'utf8')), DATASET).graph;
}

/** The plain arrays of an index, for comparing two of them. */
const plain = (index: GraphIndex) => Object.fromEntries(Object.entries(index).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v instanceof Map ? [...v] : v]));

describe('indexGraph', () => {
  it('numbers nodes and edges as compactGraph does and carries its fields', async () => {
    const graph = await dataset();
    const index = indexGraph(graph);
    const compact = compactGraph(graph);
    expect(index.nodes).toEqual(compact.nodes);
    expect(index.edges).toEqual(compact.edges);
    expect(index.country).toEqual(compact.country);
    for (const field of ['edgeSource', 'edgeTarget', 'edgeCapacity', 'edgeFlow', 'nodeCapacity', 'inDegree', 'outDegree'] as const) {
      expect(Array.from(index[field]), field).toEqual(Array.from(compact[field]));
    }
  });

  it('holds the CSR out and in lists, categories and numbers of the graph', async () => {
    const graph = await dataset();
    const index = indexGraph(graph);
    expect(index.n).toBe(graph.order);
    expect(index.m).toBe(graph.size);
    index.nodes.forEach((key, v) => {
      const out = Array.from(index.outEdges.subarray(index.outOffsets[v], index.outOffsets[v + 1]), (e) => index.edges[e]);
      const into = Array.from(index.inEdges.subarray(index.inOffsets[v], index.inOffsets[v + 1]), (e) => index.edges[e]);
      expect(out).toEqual(graph.outEdges(key));
      expect(into).toEqual(graph.inEdges(key));
      const attributes = graph.getNodeAttributes(key);
      expect(index.stages[index.nodeStage[v] as number]).toBe(attributes.stage);
      expect(index.countries[index.nodeCountry[v] as number]).toBe(attributes.country);
      expect(statusOf(index, v)).toBe(attributes.status);
    });
    index.edges.forEach((key, e) => {
      const attributes = graph.getEdgeAttributes(key);
      expect(index.nodes[index.edgeSource[e] as number]).toBe(graph.source(key));
      expect(index.edgeCapacity[e]).toBe(edgeCapacity(attributes));
      const material = index.edgeMaterial[e] as number;
      expect(material === -1 ? undefined : index.materials[material]).toBe(attributes.material);
    });
    expect(index.stages[0]).toBe('mining');
  });
});

describe('streamGraphIndex', () => {
  it('builds the same index as indexGraph on the streamed graph', async () => {
    const direct = await streamGraphIndex(DATASET, { chunkBytes: 4096 });
    const viaGraph = indexGraph((await streamGraphJson(DATASET)).graph);
    expect(plain(direct.index)).toEqual(plain(viaGraph));
    expect(direct.attributes.name).toBe((await dataset()).getAttribute('name'));
  });

  it('spells default edge keys from node keys when read, next to custom keys, as indexGraph has them', () => {
    const node = (key: string, stage: string) => ({ key, attributes: { stage, country: 'CN' } });
    const data = {
      nodes: [node('a', 'mining'), node('b', 'separation'), node('c', 'refining')],
      edges: [{ source: 'a', target: 'b' }, { key: 'b-c custom', source: 'b', target: 'c' }, { source: 'a', target: 'c' }],
    };
    const loader = createIndexLoader('x');
    loader.attributes({});
    for (const n of data.nodes) loader.node(n);
    for (const e of data.edges) loader.edge(e);
    const { index } = loader.finish();
    expect(index.edges).toEqual(['a->b', 'b-c custom', 'a->c']);
    expect(index.edges).toBe(index.edges); // spelt once
    expect(plain(index)).toEqual(plain(indexGraph(parseGraph(data, 'x').graph)));
    expect(csrOfIndex(index).edgeKeys).toEqual(['a->b', 'a->c', 'b-c custom']);
  });

  it('reports the bad-input corpus as the graph loader does', async () => {
    for (const [name, message] of Object.entries(expected as Record<string, string>)) {
      const path = join(BAD, name);
      const error = await streamGraphIndex(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(InputError);
      expect((error as InputError).message, name).toContain(`${path}: ${message}`);
    }
  });
});

describe('overlays', () => {
  it('the operating overlay keeps what activeSubgraph keeps, edge for edge', async () => {
    const graph = await dataset();
    const index = indexGraph(graph);
    const overlay = operatingOverlay(index);
    const kept = outCsr(index, overlay);
    const pairs = (csr: { offsets: Int32Array; targets: Int32Array }, keys: string[]) => {
      const out: string[] = [];
      for (let v = 0; v + 1 < csr.offsets.length; v++) for (let p = csr.offsets[v] as number; p < (csr.offsets[v + 1] as number); p++) out.push(`${keys[v]}>${keys[csr.targets[p] as number]}`);
      return out.sort();
    };
    const active = activeSubgraph(graph);
    expect(active.order).toBeLessThan(graph.order); // the dataset has prospective nodes
    expect(pairs(kept, index.nodes)).toEqual(pairs(buildCsr(active), active.nodes()));
    expect(Array.from(kept.edgeIds, (e) => index.edges[e]).sort()).toEqual(active.edges().sort());
  });

  it('overlaid capacities: out is 0, overrides replace, the rest is unchanged', async () => {
    const index = indexGraph(await dataset());
    const nodeOff = new Uint8Array(index.n);
    nodeOff[0] = 1;
    const edgeOff = new Uint8Array(index.m);
    const lastEdge = index.m - 1;
    edgeOff[lastEdge] = 1;
    const { node, edge } = overlaidCapacities(index, { nodeOff, edgeOff, nodeCapacity: new Map([[1, 5]]), edgeCapacity: new Map([[0, 7]]) });
    expect(node[0]).toBe(0);
    expect(node[1]).toBe(5);
    expect(node[2]).toBe(index.nodeCapacity[2]);
    expect(edge[lastEdge]).toBe(0);
    for (let p = index.outOffsets[0] as number; p < (index.outOffsets[1] as number); p++) expect(edge[index.outEdges[p] as number]).toBe(0);
    const untouched = Array.from({ length: index.m }, (_x, e) => e).find((e) => e !== lastEdge && e !== 0 && index.edgeSource[e] !== 0 && index.edgeTarget[e] !== 0) as number;
    expect(edge[untouched]).toBe(index.edgeCapacity[untouched]);
    expect(index.nodeCapacity[0]).not.toBe(0); // the index itself is unchanged
  });
});

describe('csrOfIndex', () => {
  it('gives the CSR buildCsr gives on the same graph, hence the same betweenness', async () => {
    const graph = activeSubgraph(await dataset());
    const fromIndex = csrOfIndex(indexGraph(graph));
    const direct = buildCsr(graph);
    expect(Array.from(fromIndex.offsets)).toEqual(Array.from(direct.offsets));
    expect(Array.from(fromIndex.targets)).toEqual(Array.from(direct.targets));
    expect(fromIndex.edgeKeys).toEqual(direct.edgeKeys);
    expect(betweennessRecords(fromIndex, betweennessCsr(fromIndex))).toEqual(betweenness(graph));
  });
});

describe('createIndexLoader', () => {
  const n = (key: string) => ({ key, attributes: { stage: 'mining', country: 'CN' } });
  const e = (source: string, target: string, key?: string) => ({ ...(key === undefined ? {} : { key }), source, target, attributes: { flow: 1 } });
  const cases: Record<string, { nodes: unknown[]; edges: unknown[] }> = {
    'custom key spelling an earlier default key': { nodes: [n('a'), n('b'), n('c')], edges: [e('a', 'b'), e('b', 'c', 'a->b')] },
    'default key equal to an earlier custom key': { nodes: [n('a'), n('b'), n('c')], edges: [e('b', 'c', 'a->b'), e('a', 'b')] },
    'custom key spelling the pair of a custom-keyed edge': { nodes: [n('a'), n('b'), n('c')], edges: [e('a', 'b', 'x'), e('b', 'c', 'a->b')] },
    'node keys containing the arrow': { nodes: [n('a->b'), n('c'), n('a'), n('b->c')], edges: [e('a->b', 'c'), e('a', 'b->c', 'a->b->c')] },
    'repeated custom keys and pairs': { nodes: [n('a'), n('b'), n('c')], edges: [e('a', 'b', 'k'), e('b', 'c', 'k'), e('a', 'b', 'z')] },
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(`finds the problems parseGraph finds: ${name}`, () => {
      const viaGraph = (() => {
        try {
          return indexGraph(parseGraph(doc, 'x.json').graph).edges;
        } catch (error) {
          return (error as Error).message;
        }
      })();
      const loader = createIndexLoader('x.json');
      for (const node of doc.nodes) loader.node(node);
      for (const edge of doc.edges) loader.edge(edge);
      const viaIndex = (() => {
        try {
          return loader.finish().index.edges;
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(viaIndex).toEqual(viaGraph);
    });
  }
});
