import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { toCyjs, toCyjsDocument } from '../../src/formats/cyjs.js';
import { sampleGraph, sampleReport } from './sample.js';

describe('toCyjs', () => {
  const json = JSON.parse(toCyjs(sampleGraph(), sampleReport())) as ReturnType<typeof toCyjsDocument>;

  it('has the Cytoscape.js document shape with graph data', () => {
    expect(json.format_version).toBe('1.0');
    expect(json.directed).toBe(true);
    expect(json.multigraph).toBe(false);
    expect(json.data).toMatchObject({ name: 'Sample chain', year: 2024 });
    expect(JSON.parse(json.data.countries as string)).toEqual({ CN: { name: 'China', governance: 3.9 } }); // objects as JSON text
    expect(json.elements.nodes).toHaveLength(6);
    expect(json.elements.edges).toHaveLength(5);
  });

  it('gives nodes a name and metrics, and edges their endpoints with the citation as source_ref', () => {
    const cnMine = json.elements.nodes.find((n) => n.data.id === 'cn-mine')?.data;
    expect(cnMine).toMatchObject({ name: 'Bayan Obo <mine> & "co"', stage: 'mining', capacity: 210000, betweenness: 0, minCut: true });
    expect(json.elements.nodes.find((n) => n.data.id === 'cn-sep')?.data.name).toBe('cn-sep');
    const edge = json.elements.edges.find((e) => e.data.id === 'cn-mine->cn-sep')?.data;
    expect(edge).toEqual({ id: 'cn-mine->cn-sep', source: 'cn-mine', target: 'cn-sep', flow: 200000, material: 'mixed concentrate', source_ref: 'USGS', betweenness: 0.1, minCut: true });
  });

  it('renames reserved node attributes and keeps lists of scalars', () => {
    const graph = sampleGraph();
    graph.mergeNodeAttributes('my-sep', { name: 'alias', id: 'legacy-7', tags: ['a', 'b'], extra: { deep: 1 } });
    const data = toCyjsDocument(graph).elements.nodes.find((n) => n.data.id === 'my-sep')?.data;
    expect(data).toMatchObject({ id: 'my-sep', name: 'Lynas Malaysia', name_ref: 'alias', id_ref: 'legacy-7', tags: ['a', 'b'], extra: '{"deep":1}' });
  });

  it('loads into headless Cytoscape.js with the same elements and data', () => {
    const cy = cytoscape({ headless: true, elements: json.elements as cytoscape.ElementsDefinition });
    expect(cy.nodes()).toHaveLength(6);
    expect(cy.edges()).toHaveLength(5);
    expect(cy.getElementById('cn-japan').source().id()).toBe('cn-sep');
    expect(cy.getElementById('my-sep').data('betweenness')).toBe(0.25);
    expect(cy.getElementById('my-sep').indegree(false)).toBe(2);
    cy.destroy();
  });

  it('gives every node `value` (its key), which networkx cytoscape_graph takes as the node (checked with networkx 2.8.8 and 3.6.1)', () => {
    const doc = toCyjsDocument(sampleGraph());
    for (const { data } of doc.elements.nodes) expect(data.value).toBe(data.id);
    expect(doc).toMatchObject({ directed: true, multigraph: false });
  });
});
