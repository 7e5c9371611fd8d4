import { readFileSync } from 'node:fs';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { fromGexf, toGexf } from '../../src/formats/gexf.js';
import { withMetrics } from '../../src/formats/with-metrics.js';
import { sampleGraph, sampleReport } from './sample.js';
import { inputProblems } from '../helpers/problems.js';

const problemsOf = (run: () => unknown) => inputProblems(run);

const MODEL =
  '<attributes class="node"><attribute id="0" title="stage" type="string"/><attribute id="1" title="country" type="string"/></attributes>' +
  '<attributes class="edge"><attribute id="0" title="flow" type="double"/></attributes>';
const doc = (body: string, type = 'directed', model = MODEL) =>
  `<?xml version="1.0"?><gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="${type}">${model}${body}</graph></gexf>`;
const node = (id: string) => `<node id="${id}"><attvalues><attvalue for="0" value="mining"/><attvalue for="1" value="CN"/></attvalues></node>`;
const edge = (s: string, t: string, extra = '') => `<edge source="${s}" target="${t}"${extra}><attvalues><attvalue for="0" value="1"/></attvalues></edge>`;

describe('toGexf', () => {
  const xml = toGexf(sampleGraph(), sampleReport());

  it('writes GEXF 1.2draft, directed, with a schema-valid <meta>', () => {
    expect(xml).toContain('<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft"');
    expect(xml).toContain('<graph defaultedgetype="directed">');
    expect(xml).toMatch(/<meta>\s*<creator>chokepoint<\/creator>\s*<description>Sample chain: Test data for exports &amp; imports<\/description>\s*<\/meta>/);
  });

  it('writes the GEXF 1.2 viz namespace, and each node a position in its stage column and its country colour', async () => {
    const { stageLayout } = await import('../../src/formats/stage-layout.js');
    const { countryColors, countryOrder } = { ...(await import('../../src/formats/palette.js')), ...(await import('../../src/formats/stage-layout.js')) };
    expect(xml).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(xml).not.toContain('http:///');
    const graph = sampleGraph();
    const nodes = graph.mapNodes((key, a) => ({ id: key, stage: a.stage, country: a.country, label: a.label ?? key }));
    const positions = stageLayout(nodes, (graph.getAttribute('stages') as string[] | undefined) ?? ['mining', 'separation', 'refining', 'magnet', 'component', 'manufacturing', 'end-use']);
    const colors = countryColors(countryOrder(nodes));
    const parsed = parse(MultiGraph, xml);
    for (const n of nodes) {
      const a = parsed.getNodeAttributes(n.id);
      expect(a.x).toBeCloseTo(positions[n.id]!.x, 9);
      expect(a.y).toBeCloseTo(-positions[n.id]!.y, 9);
      const hex = colors[n.country]!;
      const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      expect(a.color).toBe(`rgb(${rgb.join(',')})`);
    }
    // chokepoint's own file reads back without the drawing hints it added.
    expect(fromGexf(xml, 'sample.gexf').graph.getNodeAttributes(nodes[0]!.id)).not.toHaveProperty('x');
  });

  it('declares chokepoint numbers double even when every value is whole, metrics included', () => {
    const edgeModel = /<attributes class="edge">([\s\S]*?)<\/attributes>/.exec(xml)?.[1] ?? '';
    expect(edgeModel).toContain('<attribute id="capacity" title="capacity" type="double"/>'); // 12, 20, 5
    const nodeModel = /<attributes class="node">([\s\S]*?)<\/attributes>/.exec(xml)?.[1] ?? '';
    expect(nodeModel).toContain('<attribute id="capacity" title="capacity" type="double"/>');
    expect(nodeModel).toContain('<attribute id="startYear" title="startYear" type="integer"/>');
    expect(nodeModel).toContain('<attribute id="minCut" title="minCut" type="boolean"/>');
    expect(nodeModel).not.toContain('title="label"');
  });

  it('parses back with graphology-gexf: counts, labels, weights, values and types', () => {
    const back = parse(MultiGraph, xml);
    const expected = withMetrics(sampleGraph(), sampleReport());
    expect(back.order).toBe(6);
    expect(back.size).toBe(5);
    expect(back.type).toBe('directed');
    // Besides the attributes, graphology-gexf reads the viz position and colour (issue 16;
    // their values are checked in the test above).
    const { x, y, color, ...attributes } = back.getNodeAttributes('cn-mine');
    expect([typeof x, typeof y, typeof color]).toEqual(['number', 'number', 'string']);
    expect(attributes).toEqual(expected.getNodeAttributes('cn-mine'));
    expect(back.getNodeAttribute('cn-sep', 'label')).toBe('cn-sep'); // every node has a label
    expect(back.getNodeAttribute('cn-sep', 'notes')).toBe('line one\nline two');
    expect(back.getNodeAttribute('se-mine', 'startYear')).toBe(2030);
    expect(back.getEdgeAttributes('au-mine->my-sep')).toEqual({ ...expected.getEdgeAttributes('au-mine->my-sep'), weight: 10.5 });
    expect(typeof back.getEdgeAttribute('cn-japan', 'minCut')).toBe('boolean');
  });
});

describe('fromGexf', () => {
  it('round-trips an exported graph (name and graph details aside)', () => {
    const graph = sampleGraph();
    const back = fromGexf(toGexf(graph), 'x.gexf').graph;
    expect(back.export().nodes).toEqual(graph.export().nodes);
    expect(back.export().edges).toEqual(graph.export().edges);
    expect(back.getAttributes()).toEqual({ creator: 'chokepoint', description: 'Sample chain: Test data for exports & imports' });
  });

  it('reads a Gephi export: labels, viz attributes kept, a weight other than flow kept', () => {
    const { graph, warnings } = fromGexf(readFileSync('tests/fixtures/import/gephi.gexf', 'utf8'), 'gephi.gexf', { name: 'From Gephi' });
    expect(graph.order).toBe(3);
    expect(graph.getAttribute('name')).toBe('From Gephi');
    expect(graph.getAttribute('description')).toBe('Edited in Gephi');
    expect(graph.getNodeAttributes('cn-mine')).toMatchObject({ label: 'China mines', capacity: 270000, modularity_class: 0, size: 20, x: -120.5, color: 'rgb(230,80,60)' });
    expect(graph.getNodeAttributes('cn-sep')).not.toHaveProperty('label');
    expect(graph.getEdgeAttributes('0')).toEqual({ flow: 270000, material: 'mixed concentrate', label: 'concentrate' });
    expect(graph.getEdgeAttributes('1')).toEqual({ flow: 9000, material: 'NdPr oxide', weight: 1 });
    expect(warnings.join('\n')).toMatch(/unknown node attribute "x"/);
  });

  it('reads a file written by networkx (scripts/crosscheck-exports.py --fixtures)', () => {
    const { graph, warnings } = fromGexf(readFileSync('tests/fixtures/import/networkx.gexf', 'utf8'), 'networkx.gexf');
    expect(warnings).toEqual([]);
    expect(graph.getAttribute('creator')).toBe('NetworkX 2.8.8');
    expect(graph.getNodeAttributes('cn-sep')).toEqual({ stage: 'separation', country: 'CN', capacity: 254000.5, status: 'operating' });
    expect(graph.getNodeAttributes('jp-magnet')).toEqual({ label: 'Japan magnets', stage: 'magnet', country: 'JP', startYear: 2026, status: 'construction' });
    expect(graph.getEdgeAttributes('0')).toEqual({ flow: 240000, material: 'mixed concentrate', source: 'USGS MCS 2025' });
    expect(graph.source('1')).toBe('cn-sep');
  });

  it('rejects malformed XML and other documents', () => {
    expect(problemsOf(() => fromGexf('<gexf><graph>', 'x.gexf'))[0]).toMatch(/^file: not well-formed XML \(unclosed element/);
    expect(problemsOf(() => fromGexf('<graphml><graph/></graphml>', 'x.gexf'))).toEqual(['file: not a GEXF file: the root element is <graphml>, expected <gexf>']);
    expect(problemsOf(() => fromGexf('<gexf/>', 'x.gexf'))).toEqual(['file: the file has no <graph> element']);
  });

  it('rejects undirected edges', () => {
    expect(problemsOf(() => fromGexf(doc(`${node('a')}${node('b')}${edge('a', 'b')}`, 'undirected'), 'x.gexf'))).toEqual([
      'edge "a -- b": undirected edge: a supply graph is directed (declare the GEXF graph directed, or import with --undirected both to read each undirected edge as two directed edges)',
    ]);
  });

  it('reads undirected edges both ways and sums parallel edges on request (networkx conventions, issue 10)', () => {
    const both = fromGexf(doc(`${node('a')}${node('b')}${edge('a', 'b')}`, 'undirected'), 'x.gexf', { undirected: 'both' }).graph;
    expect(both.mapEdges((_k, attributes, source, target) => [source, target, attributes.flow])).toEqual([
      ['a', 'b', 1],
      ['b', 'a', 1],
    ]);
    const text = doc(`${node('a')}${node('b')}${edge('a', 'b')}${edge('a', 'b')}`, 'directed');
    expect(problemsOf(() => fromGexf(text, 'x.gexf'))[0]).toContain('parallel edge');
    const summed = fromGexf(text, 'x.gexf', { multigraph: 'sum' });
    expect(summed.graph.mapEdges((_k, attributes) => attributes.flow)).toEqual([2]);
    expect(summed.warnings[0]).toBe("x.gexf: --multigraph sum: 2 parallel edges collapsed into 1 (flow and capacity summed, a missing capacity counted as the edge's flow; other attributes from the first edge in file order)");
  });

  it('loads a file without stage, country or flow (a generic graph, issue 10; it used to be refused)', () => {
    const text = doc('<node id="a" label="A"/><node id="b"/><edge source="a" target="b"/>', 'directed', '');
    const { graph } = fromGexf(text, 'x.gexf');
    expect(graph.getNodeAttribute('a', 'label')).toBe('A');
    expect(graph.getNodeAttribute('a', 'stage')).toBeUndefined();
    expect(graph.size).toBe(1);
    expect(graph.getEdgeAttribute(graph.edges()[0] as string, 'flow')).toBeUndefined();
  });

  it('reports edges to undeclared nodes', () => {
    expect(problemsOf(() => fromGexf(doc(`${node('a')}${edge('a', 'zz')}`), 'x.gexf'))[0]).toMatch(/^file: one of your gexf file edges points to an inexisting node/);
  });

  it('reports element problems through the graph validator', () => {
    expect(problemsOf(() => fromGexf(doc(`${node('a')}${edge('a', 'a')}`), 'x.gexf'))).toEqual(['edge "a -> a": self-loops are not allowed']);
  });
});
