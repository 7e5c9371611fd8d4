/**
 * Issue 14: names that would become object keys (`__proto__`, `constructor`, `prototype`,
 * every Object.prototype name) are refused with an error naming the element, in JSON
 * attribute names and country tables, CSV headers and GEXF attribute declarations; none
 * of them touches Object.prototype. XML documents are bounded in nesting and element
 * count before any DOM is built. Warnings are capped and summarised.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/formats/csv-import.js';
import { fromGexf } from '../../src/formats/gexf.js';
import { checkXmlShape, MAX_XML_DEPTH, parseXmlDocument } from '../../src/formats/xml-document.js';
import { InputError } from '../../src/model/errors.js';
import { MAX_WARNINGS, parseGraph } from '../../src/model/parse-graph.js';
import { inputProblems } from '../helpers/problems.js';

const polluted = () => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).attributes !== undefined;

afterEach(() => {
  expect(polluted()).toBe(false);
});

const node = (attributes: string) => `{"key":"a","attributes":{"stage":"mining","country":"CN"${attributes}}}`;

describe('reserved names in graph JSON', () => {
  it.each([
    ['a node attribute "__proto__"', `{"nodes":[${node(',"__proto__":{"polluted":1}')}]}`, 'node "a"', 'attribute "__proto__" is reserved'],
    ['a node attribute "constructor"', `{"nodes":[${node(',"constructor":"x"')}]}`, 'node "a"', 'attribute "constructor" is reserved'],
    ['a node attribute "prototype"', `{"nodes":[${node(',"prototype":1')}]}`, 'node "a"', 'attribute "prototype" is reserved'],
    ['an edge attribute "__proto__"', `{"nodes":[${node('')},{"key":"b","attributes":{"stage":"end-use","country":"CN"}}],"edges":[{"source":"a","target":"b","attributes":{"flow":1,"__proto__":{"polluted":1}}}]}`, 'edge "a -> b"', 'attribute "__proto__" is reserved'],
    ['a graph attribute "__proto__"', `{"attributes":{"__proto__":{"polluted":1}},"nodes":[${node('')}]}`, 'graph attributes', 'attribute "__proto__" is reserved'],
    ['a country table key "__proto__"', `{"attributes":{"countries":{"__proto__":{"name":"x"}}},"nodes":[${node('')}]}`, 'graph attributes', 'countries: country code "__proto__" is reserved'],
    ['a node key "prototype"', `{"nodes":[{"key":"prototype","attributes":{"stage":"mining","country":"CN"}}]}`, 'node "prototype"', 'key "prototype" is reserved'],
  ])('%s: an InputError naming the element', (_what, text, element, message) => {
    const problems = inputProblems(() => parseGraph(JSON.parse(text), 'g.json'));
    expect(problems.filter((p) => p.startsWith(`${element}: `) && p.includes(message)), problems.join('\n')).toHaveLength(1);
  });

  it('caps warnings at MAX_WARNINGS and summarises the rest (400,000 unknown names made a 37 MB answer)', () => {
    const extra = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${i}`, 1]));
    const { warnings } = parseGraph({ nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN', ...extra } }] }, 'g.json');
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.at(-1)).toBe(`g.json: ... and ${1000 - MAX_WARNINGS} more warnings (not listed)`);
    expect(parseGraph({ nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN', ...extra } }] }, 'g.json', { maxWarnings: 2000 }).warnings).toHaveLength(1000);
  });
});

describe('reserved names in CSV headers', () => {
  const nodes = (header: string, row: string) => ({ file: 'nodes.csv', text: `key,stage,country,${header}\na,mining,CN,${row}\n` });

  it.each(['__proto__', 'constructor', 'prototype', 'toString'])('column "%s": an error naming the column, not a silent drop', (name) => {
    const problems = inputProblems(() => fromCsv(nodes(name, '1')));
    expect(problems).toContain(`header, column 4: column "${name}" is reserved (a built-in property name of JavaScript objects); rename it`);
  });

  it('an edge table column "__proto__" too', () => {
    const edges = { file: 'edges.csv', text: 'source,target,flow,__proto__\na,b,1,x\n' };
    const nodesFile = { file: 'nodes.csv', text: 'key,stage,country\na,mining,CN\nb,end-use,CN\n' };
    expect(() => fromCsv(nodesFile, edges)).toThrow(/edges\.csv: header, column 4: column "__proto__" is reserved/);
  });
});

describe('reserved names in GEXF attribute declarations', () => {
  const gexf = (id: string, title: string, forId = id) => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2" version="1.2"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="${id}" title="${title}" type="string"/><attribute id="stage" title="stage" type="string"/><attribute id="country" title="country" type="string"/></attributes>
<nodes><node id="a" label="a"><attvalues><attvalue for="${forId}" value="INJECTED"/><attvalue for="stage" value="mining"/><attvalue for="country" value="CN"/></attvalues></node></nodes>
<edges/></graph></gexf>`;

  it.each([
    ['a title "__proto__"', gexf('x', '__proto__'), '<attribute title="__proto__">'],
    ['an id "__proto__"', gexf('__proto__', 'x'), '<attribute id="__proto__">'],
    ['a title "constructor"', gexf('x', 'constructor'), '<attribute title="constructor">'],
  ])('%s: refused before graphology-gexf sees it', (_what, text, element) => {
    const problems = inputProblems(() => fromGexf(text, 'g.gexf'));
    expect(problems.some((p) => p.startsWith(`${element}: `)), problems.join('\n')).toBe(true);
  });

  it('an ordinary attribute still imports', () => {
    expect(fromGexf(gexf('operator', 'Operator'), 'g.gexf').graph.getNodeAttribute('a', 'operator')).toBe('INJECTED');
  });
});

describe('XML documents are bounded before any DOM is built', () => {
  it('refuses 2 million nested elements (14 MB) at once', () => {
    const depth = 2_000_000;
    const text = `<graphml><graph>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</graph></graphml>`;
    expect(() => parseXmlDocument(text, 'deep.graphml', 'graphml')).toThrow(InputError);
    expect(() => parseXmlDocument(text, 'deep.graphml', 'graphml')).toThrow(`deep.graphml: file: XML elements nested more than ${MAX_XML_DEPTH} levels deep`);
  });

  it('refuses more elements than the limit', () => {
    const text = `<graphml><graph>${'<node id="x"/>'.repeat(20)}</graph></graphml>`;
    expect(() => checkXmlShape(text, 'many.graphml', { maxElements: 10 })).toThrow(/more than 10 XML elements/);
    expect(() => checkXmlShape(text, 'many.graphml', { maxElements: 22 })).not.toThrow();
  });

  it('counts what the parser would: comments, CDATA, declarations, quoted ">" and self-closing tags do not nest', () => {
    const inner = `<!-- <a><a><a> --><![CDATA[<a><a>]]><?pi <a> ?><b attr="x>y" other='<a>'/>`;
    const text = `<?xml version="1.0"?><!DOCTYPE x><r>${inner.repeat(100)}<c><d/></c></r>`;
    expect(() => checkXmlShape(text, 'ok.xml', { maxDepth: 2 })).not.toThrow();
    expect(() => checkXmlShape(`<r><c><d></d></c></r>`, 'x.xml', { maxDepth: 2 })).toThrow(/nested more than 2 levels/);
  });
});
