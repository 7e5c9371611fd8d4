/**
 * XML reading and writing helpers for the GraphML and GEXF formats: a strict DOM parse
 * (xmldom, the parser graphology-graphml and graphology-gexf use) whose errors become an
 * InputError naming the file, and escaping for hand-written XML.
 *
 * Before xmldom builds anything, one linear pass over the text counts the elements and
 * their nesting (`checkXmlShape`): a document nested deeper than MAX_XML_DEPTH (a graph
 * file needs 6 levels) or with more than MAX_XML_ELEMENTS elements is refused at once.
 * xmldom's DOM costs about a kilobyte per element, and its tree walks recurse: 2 million
 * nested elements (14 MB of text) took 24 s and 2.7 GB before this check.
 */
import { DOMParser } from '@xmldom/xmldom';
import { InputError, ProblemList } from '../model/errors.js';
import { isReservedKey, reservedMessage } from '../model/parse-graph.js';

function fail(file: string, message: string): never {
  throw new InputError(file, [{ element: 'file', message }]);
}

/** Deepest element nesting accepted (a GraphML or GEXF graph needs about 6). */
export const MAX_XML_DEPTH = 64;
/** Most elements accepted in one document (about 300,000 nodes and edges with a few attributes each). */
export const MAX_XML_ELEMENTS = 5_000_000;

export interface XmlLimits {
  maxDepth?: number;
  maxElements?: number;
}

/** The index just past the first `end` from `from` (the end of the text if there is none). */
function after(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at < 0 ? text.length : at + end.length;
}

/**
 * Counts elements and nesting in one pass, without building anything (see the header);
 * InputError naming the file when over a limit. Comments, CDATA sections, processing
 * instructions and declarations are skipped; quoted attribute values may hold `>`.
 * Malformed markup is left for the parser to report.
 */
export function checkXmlShape(text: string, file: string, limits: XmlLimits = {}): void {
  const maxDepth = limits.maxDepth ?? MAX_XML_DEPTH;
  const maxElements = limits.maxElements ?? MAX_XML_ELEMENTS;
  let depth = 0;
  let elements = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
    else if (text.startsWith('<?', i)) i = after(text, '?>', i + 2);
    else if (text.startsWith('<!', i)) i = after(text, '>', i + 2);
    else if (text.startsWith('</', i)) {
      depth = Math.max(0, depth - 1);
      i = after(text, '>', i + 2);
    } else {
      let j = i + 1;
      let quote = '';
      for (; j < text.length; j += 1) {
        const c = text[j];
        if (quote !== '') {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      elements += 1;
      if (elements > maxElements) fail(file, `more than ${maxElements} XML elements: too large to read (split the graph, or use the JSON format)`);
      if (text[j - 1] !== '/') {
        depth += 1;
        if (depth > maxDepth) fail(file, `XML elements nested more than ${maxDepth} levels deep (a graph file needs about 6)`);
      }
      i = j + 1;
    }
    i = text.indexOf('<', i);
  }
}

/**
 * Parses `text` as XML and checks that its root element is `<root>` and that it has a
 * `<graph>` element. Malformed XML is an error, not a partial graph.
 */
export function parseXmlDocument(text: string, file: string, root: 'graphml' | 'gexf', limits: XmlLimits = {}): Document {
  if (text.trim() === '') fail(file, 'the file is empty');
  checkXmlShape(text, file, limits);
  const errors: string[] = [];
  const keep = (message: unknown) => {
    const text = String(message).replace(/^\[xmldom \w+\]\s*/, '');
    const at = /@#\[line:(\d+),col:(\d+)\]/.exec(text);
    const what = text.replace(/\s*@#\[.*$/s, '').replace(/^element parse error: Error: /, '').replace(/\s+/g, ' ').trim();
    // xmldom words an unclosed element as "unclosed xml attribute"
    errors.push(`${what === 'unclosed xml attribute' ? 'unclosed element' : what}${at ? ` at line ${at[1]}, column ${at[2]}` : ''}`);
  };
  // xmldom is lenient: its warnings (unclosed elements, unquoted attributes) are errors here.
  const parser = new DOMParser({ locator: {}, errorHandler: { warning: keep, error: keep, fatalError: keep } });
  let doc: Document;
  try {
    doc = parser.parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  } catch (error) {
    keep(error instanceof Error ? error.message : error);
    fail(file, `not well-formed XML (${errors.join('; ')})`);
  }
  if (errors.length > 0) fail(file, `not well-formed XML (${errors.slice(0, 3).join('; ')})`);
  const top = doc.documentElement;
  const name = top ? (top.localName ?? top.nodeName) : undefined;
  if (name !== root) {
    const expected = root === 'graphml' ? 'GraphML' : 'GEXF';
    fail(file, `not a ${expected} file: the root element is ${name ? `<${name}>` : 'missing'}, expected <${root}>`);
  }
  if (doc.getElementsByTagName('graph').length === 0) fail(file, 'the file has no <graph> element');
  refuseReservedIds(doc, file);
  return doc;
}

/**
 * Node and edge ids, sources and targets that are Object.prototype names (`__proto__`,
 * `constructor`, ...; see `isReservedKey`) are refused before graphology-graphml or
 * graphology-gexf see them: graphology keeps adjacency in plain objects, and such an id
 * changes `Object.prototype` itself (an edge to `__proto__` adds a `previous` property
 * to every object of the process). So are GEXF attribute ids and titles (`<attribute>`,
 * `<attvalue for>`): graphology-gexf makes them keys of plain objects.
 */
function refuseReservedIds(doc: Document, file: string): void {
  const problems = new ProblemList();
  // GEXF attribute declarations and values: their ids and titles become object keys.
  for (const [tag, names] of [
    ['attribute', ['id', 'title']],
    ['attvalue', ['for', 'id']],
  ] as const) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i += 1) {
      const element = elements.item(i);
      for (const name of names) {
        const value = element?.getAttribute(name);
        if (value && isReservedKey(value)) problems.add(`<${tag} ${name}="${value}">`, reservedMessage('attribute name', value));
      }
    }
  }
  for (const tag of ['node', 'edge']) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i += 1) {
      const element = elements.item(i);
      for (const name of ['id', 'source', 'target']) {
        const value = element?.getAttribute(name);
        if (value && isReservedKey(value)) problems.add(`<${tag} ${name}="${value}">`, reservedMessage(tag === 'node' || name !== 'id' ? 'node key' : 'edge key', value));
      }
    }
  }
  problems.throwIfAny(file);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML element content or a double-quoted attribute. Line breaks and tabs
 * become character references (so attribute values keep them); characters XML 1.0
 * cannot hold at all become U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
    .replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`)
    // eslint-disable-next-line no-control-regex -- matching the control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}
