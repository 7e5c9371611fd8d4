import { readFileSync } from 'node:fs';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { fromGraphml, toGraphml } from '../../src/formats/graphml.js';
import { graphStyles } from '../../src/formats/map-style.js';
import { withMetrics } from '../../src/formats/with-metrics.js';
import { sampleGraph, sampleReport } from './sample.js';
import { inputProblems } from '../helpers/problems.js';

const problemsOf = (run: () => unknown) => inputProblems(run);

const doc = (body: string, keys = '') =>
  `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">${keys}<graph edgedefault="directed">${body}</graph></graphml>`;
const KEYS =
  '<key id="s" for="node" attr.name="stage" attr.type="string"/><key id="c" for="node" attr.name="country" attr.type="string"/>' +
  '<key id="f" for="edge" attr.name="flow" attr.type="double"/>';
const node = (id: string, country = 'CN') => `<node id="${id}"><data key="s">mining</data><data key="c">${country}</data></node>`;

describe('toGraphml', () => {
  const xml = toGraphml(sampleGraph(), sampleReport());

  it('declares every attribute once per element kind with its type', () => {
    expect(xml).toContain('<graph edgedefault="directed">');
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="capacity" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="startYear" attr.type="int"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="minCut" attr.type="boolean"\/>/);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="inDegree" attr.type="int"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="capacity" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="share" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="g\d+" for="graph" attr.name="year" attr.type="int"\/>/);
    expect(xml.match(/attr.name="betweenness"/g)).toHaveLength(2); // node and edge
  });

  it('parses back with graphology-graphml: counts, values and types round-trip', () => {
    const back = parse(MultiGraph, xml);
    const expected = withMetrics(sampleGraph(), sampleReport());
    expect(back.order).toBe(6);
    expect(back.size).toBe(5);
    expect(back.type).toBe('directed');
    // Plus the map's x, y and colour the export adds (issue 10, map-style.ts).
    const { x, y, color } = graphStyles(sampleGraph())['cn-mine'] ?? {};
    expect(back.getNodeAttributes('cn-mine')).toEqual({ ...expected.getNodeAttributes('cn-mine'), x, y, color });
    expect(back.getNodeAttribute('cn-mine', 'label')).toBe('Bayan Obo <mine> & "co"');
    expect(back.getNodeAttribute('cn-sep', 'notes')).toBe('line one\nline two');
    expect(back.getNodeAttribute('se-mine', 'startYear')).toBe(2030);
    expect(typeof back.getNodeAttribute('au-mine', 'minCut')).toBe('boolean');
    // Plus the edge `weight` (= flow) the export adds, as GEXF does.
    expect(back.getEdgeAttributes('cn-japan')).toEqual({ ...expected.getEdgeAttributes('cn-japan'), weight: expected.getEdgeAttribute('cn-japan', 'flow') });
    expect(back.getAttribute('year')).toBe(2024);
  });

  it('omits attributes an element does not have', () => {
    const back = parse(MultiGraph, xml);
    expect(back.getNodeAttribute('cn-sep', 'label')).toBe('cn-sep'); // the key, for a node without a label (export adds it)
    expect(back.getNodeAttributes('cn-sep')).not.toHaveProperty('flowShare'); // NaN in the report
    expect(back.getEdgeAttributes('cn-japan')).not.toHaveProperty('capacity');
  });

  it('writes no metrics without a report', () => {
    expect(toGraphml(sampleGraph())).not.toContain('betweenness');
  });
});

describe('fromGraphml', () => {
  it('round-trips an exported graph to the same graph', () => {
    const graph = sampleGraph();
    expect(fromGraphml(toGraphml(graph), 'x.graphml').graph.export()).toEqual(graph.export());
  });

  it('reads a file written by networkx (scripts/crosscheck-exports.py --fixtures)', () => {
    const { graph, warnings } = fromGraphml(readFileSync('tests/fixtures/import/networkx.graphml', 'utf8'), 'networkx.graphml');
    expect(warnings).toEqual([]);
    expect(graph.getAttributes()).toEqual({ name: 'written by networkx' });
    expect(graph.getNodeAttributes('cn-mine')).toEqual({ label: 'China mines', stage: 'mining', country: 'CN', capacity: 270000, status: 'operating' });
    expect(graph.getNodeAttributes('jp-magnet')).toEqual({ label: 'Japan magnets', stage: 'magnet', country: 'JP', startYear: 2026, status: 'construction' });
    expect(graph.edges()).toEqual(['cn-mine->cn-sep', 'cn-sep->jp-magnet']);
    expect(graph.getEdgeAttributes('cn-sep->jp-magnet')).toEqual({ flow: 9000, capacity: 12000, material: 'NdPr oxide' });
    expect(graph.getEdgeAttribute('cn-mine->cn-sep', 'source')).toBe('USGS MCS 2025');
  });

  it('keeps metrics as attributes and sets the name when asked', () => {
    const { graph, warnings } = fromGraphml(toGraphml(sampleGraph(), sampleReport()), 'x.graphml', { name: 'Renamed' });
    expect(graph.getNodeAttribute('my-sep', 'betweenness')).toBe(0.25);
    expect(graph.getAttribute('name')).toBe('Renamed');
    expect(warnings.some((w) => w.includes('"betweenness"'))).toBe(true);
  });

  it('reads numbers declared as strings and <default> values, and gives id-less edges default keys', () => {
    const keys =
      '<key id="s" for="node" attr.name="stage" attr.type="string"/><key id="c" for="node" attr.name="country" attr.type="string"><default>CN</default></key>' +
      '<key id="k" for="node" attr.name="capacity" attr.type="string"/><key id="f" for="edge" attr.name="flow" attr.type="double"><default>7</default></key>';
    const { graph } = fromGraphml(
      doc('<node id="a"><data key="s">mining</data><data key="k">12.5</data></node><node id="b"><data key="s">separation</data></node><edge source="a" target="b"/>', keys),
      'x.graphml',
    );
    expect(graph.getNodeAttributes('a')).toMatchObject({ capacity: 12.5, country: 'CN' });
    expect(graph.edges()).toEqual(['a->b']);
    expect(graph.getEdgeAttribute('a->b', 'flow')).toBe(7);
  });

  it('rejects malformed XML, other documents and a missing <graph>', () => {
    expect(problemsOf(() => fromGraphml('<graphml>\n<graph><node id="a"></graph></graphml>', 'x.graphml'))).toEqual(['file: not well-formed XML (unclosed element at line 2, column 8)']);
    expect(problemsOf(() => fromGraphml('', 'x.graphml'))).toEqual(['file: the file is empty']);
    expect(problemsOf(() => fromGraphml('<gexf><graph/></gexf>', 'x.graphml'))).toEqual(['file: not a GraphML file: the root element is <gexf>, expected <graphml>']);
    expect(problemsOf(() => fromGraphml('<graphml/>', 'x.graphml'))).toEqual(['file: the file has no <graph> element']);
    expect(problemsOf(() => fromGraphml('not xml at all', 'x.graphml'))[0]).toMatch(/^file: (not well-formed XML|not a GraphML file)/);
  });

  it('rejects undirected edges', () => {
    const text = doc(`${node('a')}${node('b')}<edge source="a" target="b" directed="false"><data key="f">1</data></edge>`, KEYS).replace('edgedefault="directed"', 'edgedefault="undirected"');
    expect(problemsOf(() => fromGraphml(text, 'x.graphml'))).toEqual(['edge "a -- b": undirected edge: a supply graph is directed (declare the GraphML graph directed, or import with --undirected both to read each undirected edge as two directed edges)']);
  });

  it('loads a file without stage, country or flow (a generic graph, issue 10; it used to be refused)', () => {
    const text = doc('<node id="a"><data key="l">A</data></node><node id="b"/><edge source="a" target="b"/>', '<key id="l" for="node" attr.name="label" attr.type="string"/>');
    const { graph } = fromGraphml(text, 'x.graphml');
    expect(graph.getNodeAttributes('a')).toEqual({ label: 'A', status: 'operating' });
    expect(graph.getEdgeAttributes('a->b')).toEqual({});
  });

  it('reports edges to undeclared nodes and duplicate node ids', () => {
    // Our own reader's messages (graphology-graphml's were "one of your graphml file edges points to an inexisting node" and "... already exist").
    expect(problemsOf(() => fromGraphml(doc(`${node('a')}<edge source="a" target="zz"><data key="f">1</data></edge>`, KEYS), 'x.graphml'))).toEqual([
      '<edge source="a" target="zz">: unknown target node "zz" (no <node id="zz"> in the file)',
    ]);
    expect(problemsOf(() => fromGraphml(doc(`${node('a')}${node('a')}`, KEYS), 'x.graphml'))).toEqual(['<node id="a">: duplicate node id "a"']);
  });

  it('reports element problems through the graph validator, naming the file', () => {
    const text = doc(`${node('a', 'XX')}${node('b')}<edge source="a" target="b"><data key="f">-1</data></edge><edge source="a" target="b"><data key="f">1</data></edge>`, KEYS);
    expect(problemsOf(() => fromGraphml(text, 'x.graphml'))).toEqual([
      'node "a": country "XX" is not an ISO 3166-1 alpha-2 code (upper case, e.g. "CN")',
      'edge "a -> b": flow: must be >= 0 (got -1)',
      'edge "a -> b": parallel edge: another edge already joins these nodes in this direction (to collapse parallel edges (a multigraph), import with --multigraph sum)',
    ]);
    expect(() => fromGraphml(text, 'my.graphml')).toThrow(/^my\.graphml: node "a"/);
  });
});
