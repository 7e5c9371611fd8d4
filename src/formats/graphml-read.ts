/**
 * A GraphML reader of our own, on the XML DOM (@xmldom/xmldom), replacing
 * graphology-graphml for import. It reads what the GraphML primer
 * (http://graphml.graphdrawing.org/primer/graphml-primer.html) defines and networkx,
 * igraph, Gephi, Cytoscape and yEd write:
 *
 * - `<key id for attr.name attr.type>` with an optional `<default>`; `for` is `graph`,
 *   `node`, `edge` or `all`; a key without `attr.name` is named by its id; keys of yEd's
 *   graphics (`yfiles.type`) and `<data>` holding markup rather than text are skipped.
 * - Values by `attr.type`: `int`, `long`, `float`, `double` are read as numbers (strictly:
 *   `12a` stays text, which validation then reports), except `inf`/`-inf`, kept as text
 *   (the spelling of an unlimited capacity, see docs/format.md); `boolean` as true/false;
 *   anything else as text, exactly as written (no trimming).
 * - The first `<graph>`: its `<data>` children wherever they appear, before or after the
 *   nodes and edges (networkx writes them after; graphology-graphml 0.5 dropped those,
 *   docs/upstream/graphology-graphml.md), its `<node>` and `<edge>` children in order.
 *   Nested graphs and hyperedges are refused.
 * - Edge direction from the edge's `directed` or the graph's `edgedefault`.
 * - Edge ids: kept as edge keys when every edge has one and they are unique; otherwise
 *   (networkx multigraphs number parallel edges 0, 1, ... per node pair) every edge gets the
 *   default key `source->target`, so parallel edges reach the validator's clear "parallel
 *   edge" message.
 *
 * Safety: attribute names, key ids and node ids are looked up in Maps and collected in
 * null-prototype objects, and `__proto__`, `constructor` and `prototype` are refused as
 * key ids, `for` values, attribute names and node or edge ids with an InputError naming
 * the element, so no file can change `Object.prototype`. Node ids are taken exactly as
 * written: leading and trailing spaces and tabs or line breaks (as character references)
 * survive a round trip.
 *
 * Pure: takes the parsed Document; returns plain data for `importPlainGraph`.
 */
import { ProblemList } from '../model/errors.js';
import { parseStrictNumber } from './attribute-types.js';
import type { PlainGraph } from './imported-graph.js';

type Kind = 'graph' | 'node' | 'edge';

interface KeySpec {
  name: string;
  type: string;
  defaultValue: string | undefined;
}

/** Names that would reach Object.prototype if used as property names. */
const FORBIDDEN: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const NUMERIC = new Set(['int', 'long', 'float', 'double']);

function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && ((child as Element).localName ?? child.nodeName) === name) out.push(child as Element);
  }
  return out;
}

/** The element's text, or undefined when it holds markup (yEd graphics, for instance). */
function textOf(element: Element): string | undefined {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) return undefined;
    if (child.nodeType === 3 || child.nodeType === 4) text += child.nodeValue ?? '';
  }
  return text;
}

function typedValue(type: string, text: string): unknown {
  if (NUMERIC.has(type)) {
    const trimmed = text.trim();
    if (trimmed === 'inf' || trimmed === '-inf') return trimmed;
    return parseStrictNumber(text) ?? text;
  }
  if (type === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  return text;
}

/** Reads the keys; reserved names and bad declarations are problems. */
function readKeys(root: Element, problems: ProblemList): Map<string, Map<Kind, KeySpec>> {
  const keys = new Map<string, Map<Kind, KeySpec>>();
  for (const key of children(root, 'key')) {
    const id = key.getAttribute('id') ?? '';
    const forWhat = key.getAttribute('for') || 'all';
    const element = `<key id="${id}">`;
    if (key.hasAttribute('yfiles.type')) continue;
    const name = key.getAttribute('attr.name') || id;
    let bad = false;
    for (const [what, value] of [['id', id], ['for', forWhat], ['attr.name', name]] as const) {
      if (FORBIDDEN.has(value)) {
        problems.add(element, `${what} "${value}" is reserved (a built-in property name of JavaScript objects); rename it`);
        bad = true;
      }
    }
    if (id === '') {
      problems.add('<key>', 'a key has no id');
      bad = true;
    }
    if (!['graph', 'node', 'edge', 'all'].includes(forWhat) && !FORBIDDEN.has(forWhat)) continue; // ports, hyperedges, graphml: not read
    if (bad) continue;
    const defaults = children(key, 'default');
    const spec: KeySpec = { name, type: key.getAttribute('attr.type') || 'string', defaultValue: defaults[0] ? textOf(defaults[0]) : undefined };
    const byKind = keys.get(id) ?? new Map<Kind, KeySpec>();
    for (const kind of forWhat === 'all' ? (['graph', 'node', 'edge'] as const) : [forWhat as Kind]) {
      if (byKind.has(kind)) problems.add(element, `duplicate key id "${id}" for ${kind}`);
      byKind.set(kind, spec);
    }
    keys.set(id, byKind);
  }
  return keys;
}

/** The attributes of one element: defaults of its kind, then its <data> children. */
function readData(element: Element, kind: Kind, keys: Map<string, Map<Kind, KeySpec>>, where: string, problems: ProblemList): Record<string, unknown> {
  const attributes = Object.create(null) as Record<string, unknown>;
  if (kind !== 'graph') {
    for (const byKind of keys.values()) {
      const spec = byKind.get(kind);
      if (spec?.defaultValue !== undefined) attributes[spec.name] = typedValue(spec.type, spec.defaultValue);
    }
  }
  for (const data of children(element, 'data')) {
    const id = data.getAttribute('key') ?? '';
    const spec = keys.get(id)?.get(kind);
    if (!spec) {
      if (!keys.has(id)) problems.add(where, `<data key="${id}"> refers to no <key> declared for ${kind}s`);
      continue;
    }
    const text = textOf(data);
    if (text !== undefined) attributes[spec.name] = typedValue(spec.type, text);
  }
  return attributes;
}

/** Reads a GraphML document into plain graph data; throws InputError naming `file` for structural problems. */
export function readGraphmlDocument(doc: Document, file: string): PlainGraph {
  const problems = new ProblemList();
  const root = doc.documentElement as Element;
  const keys = readKeys(root, problems);
  const graphs = children(root, 'graph');
  const graph = graphs[0];
  if (graph === undefined) {
    problems.add('file', 'no <graph> element directly inside <graphml>');
    problems.throwIfAny(file);
    throw new Error('unreachable');
  }
  if (graphs.length > 1) problems.add('file', `the file has ${graphs.length} <graph> elements; only one graph per file is read`);
  const directedDefault = graph.getAttribute('edgedefault') !== 'undirected';
  const attributes = readData(graph, 'graph', keys, '<graph>', problems);

  const nodes: PlainGraph['nodes'] = [];
  const nodeIds = new Set<string>();
  for (const node of children(graph, 'node')) {
    const id = node.getAttribute('id');
    const element = `<node id="${id ?? ''}">`;
    if (id === null || id === '') {
      problems.add('<node>', 'a node has no id');
      continue;
    }
    if (FORBIDDEN.has(id)) {
      problems.add(element, `node key "${id}" is reserved (a built-in property name of JavaScript objects); rename it`);
      continue;
    }
    if (nodeIds.has(id)) {
      problems.add(element, `duplicate node id "${id}"`);
      continue;
    }
    if (children(node, 'graph').length > 0) problems.add(element, 'nested graphs are not supported');
    nodeIds.add(id);
    nodes.push({ key: id, attributes: readData(node, 'node', keys, element, problems) });
  }
  if (children(graph, 'hyperedge').length > 0) problems.add('<graph>', 'hyperedges are not supported');

  const edgeElements = children(graph, 'edge');
  const ids = edgeElements.map((e) => e.getAttribute('id'));
  const keepIds = ids.every((id) => id !== null && id !== '') && new Set(ids).size === ids.length;
  const edges: PlainGraph['edges'] = [];
  edgeElements.forEach((edge, index) => {
    const source = edge.getAttribute('source') ?? '';
    const target = edge.getAttribute('target') ?? '';
    const id = edge.getAttribute('id');
    const element = `<edge${id ? ` id="${id}"` : ''} source="${source}" target="${target}">`;
    for (const [what, value] of [['source', source], ['target', target], ['id', id ?? '']] as const) {
      if (FORBIDDEN.has(value)) problems.add(element, `${what === 'id' ? 'edge key' : 'node key'} "${value}" is reserved (a built-in property name of JavaScript objects); rename it`);
    }
    if (source === '' || target === '') {
      problems.add(`edge #${index}`, 'an edge needs both a source and a target');
      return;
    }
    for (const [what, value] of [['source', source], ['target', target]] as const) {
      if (!nodeIds.has(value) && !FORBIDDEN.has(value)) problems.add(element, `unknown ${what} node "${value}" (no <node id="${value}"> in the file)`);
    }
    const directedAttr = edge.getAttribute('directed');
    const directed = directedAttr === null || directedAttr === '' ? directedDefault : directedAttr !== 'false';
    edges.push({ ...(keepIds && id ? { key: id } : {}), source, target, undirected: !directed, attributes: readData(edge, 'edge', keys, element, problems) });
  });
  problems.throwIfAny(file);
  return { attributes, nodes, edges };
}
