/**
 * XML reading and writing helpers for the GraphML and GEXF formats: a strict DOM parse
 * (xmldom, the parser graphology-graphml and graphology-gexf use) whose errors become an
 * InputError naming the file, and escaping for hand-written XML.
 */
import { DOMParser } from '@xmldom/xmldom';
import { InputError, ProblemList } from '../model/errors.js';
import { isReservedKey, reservedMessage } from '../model/parse-graph.js';

function fail(file: string, message: string): never {
  throw new InputError(file, [{ element: 'file', message }]);
}

/**
 * Parses `text` as XML and checks that its root element is `<root>` and that it has a
 * `<graph>` element. Malformed XML is an error, not a partial graph.
 */
export function parseXmlDocument(text: string, file: string, root: 'graphml' | 'gexf'): Document {
  if (text.trim() === '') fail(file, 'the file is empty');
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
 * to every object of the process).
 */
function refuseReservedIds(doc: Document, file: string): void {
  const problems = new ProblemList();
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
