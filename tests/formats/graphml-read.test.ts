/**
 * Our GraphML reader (src/formats/graphml-read.ts): graph-level <data> wherever it
 * appears, reserved names refused without touching Object.prototype, odd node keys kept,
 * networkx multigraphs reported as parallel edges. Fixtures written by networkx:
 * scripts/fixtures/graphml.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromGraphml, toGraphml } from '../../src/formats/graphml.js';
import { maxFlow } from '../../src/metrics/flow/max-flow.js';
import { InputError } from '../../src/model/errors.js';
import { inputProblems } from '../helpers/problems.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const doc = (body: string, keys = '') =>
  `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">${keys}<graph edgedefault="directed">${body}</graph></graphml>`;
const KEYS =
  '<key id="s" for="node" attr.name="stage" attr.type="string"/><key id="c" for="node" attr.name="country" attr.type="string"/>' +
  '<key id="f" for="edge" attr.name="flow" attr.type="double"/>';
const node = (id: string) => `<node id="${id}"><data key="s">mining</data><data key="c">CN</data></node>`;

describe('fromGraphml (our reader)', () => {
  it('reads graph data written after the nodes and edges (networkx write_graphml_xml), custom stages, unit and "inf"', () => {
    const { graph, warnings } = fromGraphml(fixture('networkx-data-last.graphml'), 'data-last.graphml');
    expect(warnings).toEqual([]);
    expect(graph.getAttributes()).toEqual({ name: 'copper chain', unit: 'kt Cu/yr', stages: ['mine', 'smelter', 'fabricator'] });
    expect(graph.getNodeAttribute('china-smelter', 'capacity')).toBe(Infinity);
    expect(graph.getEdgeAttributes('chile-mine->china-smelter')).toEqual({ flow: 1200, capacity: Infinity });
    // mine 5000 -> (unlimited) -> smelter (unlimited) -> 900 -> fabricator: min(5000, inf, inf, 900).
    expect(maxFlow(graph).value).toBe(900);
  });

  it('gives a networkx MultiDiGraph with parallel edges the clear "parallel edge" message', () => {
    expect(inputProblems(() => fromGraphml(fixture('networkx-multidigraph.graphml'), 'multi.graphml'))).toEqual([
      'edge "a -> b": parallel edge: another edge already joins these nodes in this direction (to collapse parallel edges (a multigraph), import with --multigraph sum)',
    ]);
  });

  it('keeps node keys with leading/trailing spaces, tabs and line breaks through a round trip', () => {
    const { graph } = fromGraphml(fixture('networkx-odd-keys.graphml'), 'odd.graphml');
    expect(graph.nodes()).toEqual([' leading', 'trailing ', 'tab\there', 'line\nbreak']);
    const again = fromGraphml(toGraphml(graph), 'again.graphml').graph;
    expect(again.export()).toEqual(graph.export());
  });

  it('refuses __proto__, constructor and prototype as key ids, for, attr.name and node ids, naming the element', () => {
    const cases: [string, string][] = [
      [doc(node('a'), `${KEYS}<key id="__proto__" for="node" attr.name="x" attr.type="string"/>`), '<key id="__proto__">: id "__proto__" is reserved'],
      [doc(node('a'), `${KEYS}<key id="k" for="constructor" attr.name="x" attr.type="string"/>`), '<key id="k">: for "constructor" is reserved'],
      [doc(node('a'), `${KEYS}<key id="k" for="node" attr.name="__proto__" attr.type="string"/>`), '<key id="k">: attr.name "__proto__" is reserved'],
      [doc(node('a'), `${KEYS}<key id="k" for="node" attr.name="prototype" attr.type="string"/>`), '<key id="k">: attr.name "prototype" is reserved'],
      [doc(`${node('prototype')}`, KEYS), '<node id="prototype">: node key "prototype" is reserved'],
      [doc(`${node('__proto__')}`, KEYS), '<node id="__proto__">: node key "__proto__" is reserved'],
    ];
    for (const [text, message] of cases) {
      expect(() => fromGraphml(text, 'evil.graphml')).toThrow(InputError);
      expect(inputProblems(() => fromGraphml(text, 'evil.graphml'))[0]).toContain(message);
    }
  });

  it('leaves Object.prototype alone whatever the file says', () => {
    const attack = doc(
      `<node id="a"><data key="s">mining</data><data key="c">CN</data><data key="p">{"polluted":1}</data></node><node id="polluted"><data key="s">mining</data><data key="c">CN</data></node>`,
      `${KEYS}<key id="p" for="node" attr.name="__proto__" attr.type="string"/>`,
    );
    expect(() => fromGraphml(attack, 'evil.graphml')).toThrow(InputError);
    const viaEdge = doc(`${node('a')}<edge source="a" target="__proto__"><data key="f">1</data></edge>`, KEYS);
    expect(() => fromGraphml(viaEdge, 'evil.graphml')).toThrow(InputError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reports <data> naming an undeclared key, nested graphs and hyperedges', () => {
    expect(inputProblems(() => fromGraphml(doc(`<node id="a"><data key="zz">1</data><data key="s">mining</data><data key="c">CN</data></node>`, KEYS), 'x.graphml'))).toEqual([
      '<node id="a">: <data key="zz"> refers to no <key> declared for nodes',
    ]);
    expect(inputProblems(() => fromGraphml(doc(`<node id="a"><graph/></node>`, KEYS), 'x.graphml'))).toEqual(['<node id="a">: nested graphs are not supported']);
    expect(inputProblems(() => fromGraphml(doc(`${node('a')}<hyperedge/>`, KEYS), 'x.graphml'))).toEqual(['<graph>: hyperedges are not supported']);
  });

  it('keeps edge ids as keys when unique, and reads for="all" keys and booleans', () => {
    const keys = `${KEYS}<key id="n" for="all" attr.name="notes" attr.type="string"/><key id="b" for="edge" attr.name="checked" attr.type="boolean"/>`;
    const { graph } = fromGraphml(doc(`${node('a')}${node('b')}<edge id="e1" source="a" target="b"><data key="f">2</data><data key="n">hi</data><data key="b">true</data></edge><data key="n">graph note</data>`, keys), 'x.graphml');
    expect(graph.edges()).toEqual(['e1']);
    expect(graph.getEdgeAttributes('e1')).toEqual({ flow: 2, notes: 'hi', checked: true });
    expect(graph.getAttribute('notes')).toBe('graph note');
  });
});

describe('toGraphml conventions (issue 10)', () => {
  it('writes node label (the key when absent) and edge weight (= flow), and drops them again on import', async () => {
    const { sampleGraph } = await import('./sample.js');
    const graph = sampleGraph();
    const xml = toGraphml(graph);
    expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="label" attr.type="string"\/>/);
    expect(xml).toMatch(/<key id="e\d+" for="edge" attr.name="weight" attr.type="double"\/>/);
    expect(fromGraphml(xml, 'x.graphml').graph.export()).toEqual(graph.export());
  });
});

describe('fromGraphml structure', () => {
  it('a <graph> only nested deeper than <graphml> is an InputError, not a crash', () => {
    const text = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><desc><graph/></desc></graphml>';
    expect(() => fromGraphml(text, 'x.graphml')).toThrow(InputError);
    expect(inputProblems(() => fromGraphml(text, 'x.graphml'))).toEqual(['file: no <graph> element directly inside <graphml>']);
  });
});
