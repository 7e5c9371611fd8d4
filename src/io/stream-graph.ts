/**
 * Streaming graph readers: graph JSON of any size (never held as one string, so files
 * past V8's ~512 MB string limit load), and NDJSON, one element per line. Elements are
 * validated as they arrive by the shared incremental loader (src/model/graph-loader.ts),
 * so problems name the element exactly as `parseGraph` does.
 *
 * Graph JSON goes through @streamparser/json (a maintained, dependency-free streaming
 * tokenizer and parser): each element of `nodes` and `edges` is assembled, handed to the
 * loader and dropped. A token watcher checks the top level (an object; only the keys
 * options, attributes, nodes, edges, each once; nodes and edges arrays) and the nesting
 * depth (MAX_JSON_DEPTH) as the tokens go by. The loader needs the graph attributes (the
 * stage list) before the nodes and every node before the edges; in the order chokepoint,
 * graphology and networkx write files (options, attributes, nodes, edges) memory stays
 * bounded by the graph being built. Elements that arrive earlier than that (nodes before
 * `attributes`, edges before the end of `nodes`) wait in memory until their turn.
 *
 * NDJSON (`.ndjson`, `.jsonl`): one JSON object per line, blank lines skipped; a line with
 * `source` or `target` is an edge, one with `key` a node, and an optional first line with
 * only `options` and/or `attributes` the graph header. Nodes come before edges. Each line
 * is parsed with JSON.parse; problems name the line (`line 7`) when the line itself is
 * not a valid element.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { JSONParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { InputError, NotFoundError } from '../model/errors.js';
import type { BuilderHints } from '../model/index-builder.js';
import { createGraphLoader, createIndexLoader, type GraphLoader, type IndexParseResult, type ParseOptions, type ParseResult } from '../model/graph-loader.js';
import { describeValue } from '../model/load-messages.js';
import { ElementRuns } from './element-runs.js';
import { isNestedTooDeep, MAX_JSON_DEPTH } from '../model/json-depth.js';

const fileProblem = (label: string, message: string) => new InputError(label, [{ element: 'file', message }]);
const TOP_KEYS: ReadonlySet<string> = new Set(['options', 'attributes', 'nodes', 'edges']);
const CHUNK_BYTES = 1 << 20;
/** What the streaming parser reads in place of a run of elements parsed with JSON.parse (element-runs.ts). */
const PLACEHOLDER = new Uint8Array([0x30]);
const deepMessage = `arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep`;

export interface StreamOptions extends ParseOptions {
  /** The name errors give (the server passes a graph id); the path when absent. */
  label?: string;
  /** Bytes read at a time (default 1 MiB; tests use small chunks to split tokens). */
  chunkBytes?: number;
}

/** Checks that `file` is a readable regular file; returns its size in bytes. */
export async function regularFileSize(file: string, label: string = file): Promise<number> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw fileProblem(label, 'cannot read it: permission denied');
    throw new NotFoundError(`${label}: no such file`);
  }
  if (info.isDirectory()) throw fileProblem(label, 'is a directory, not a file');
  if (!info.isFile()) throw fileProblem(label, 'is not a regular file (a device, pipe or socket)');
  return info.size;
}

/** The file's bytes in chunks; read errors become InputErrors naming the file. */
async function* chunks(file: string, label: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (first) {
        first = false;
        if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw fileProblem(label, 'the file is UTF-16 text; save it as UTF-8');
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      if (bytes.includes(0)) throw fileProblem(label, 'the file is binary, not text');
      yield bytes;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw fileProblem(label, 'cannot read it: permission denied');
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * Watches the tokens of a graph document: top-level shape, nesting depth, and when the
 * `nodes` array ends. Problems of the top level are collected apart, as `parseGraph`
 * reports them alone.
 */
class TopLevelWatcher {
  depth = 0;
  tokens = 0;
  /** Set when reading must stop (too deep, or the top level is not an object). */
  fatal: InputError | null = null;
  readonly topProblems: string[] = [];
  readonly seen = new Set<string>();
  /** The top-level key whose array is open (depth 2 inside it), else null. */
  arrayKey: string | null = null;
  private expectKey = false;
  private pendingKey: string | null = null;
  private valueKey: string | null = null;
  /** Called when the `nodes` array closes. */
  onNodesEnd: () => void = () => {};

  constructor(private readonly label: string) {}

  token(info: ParsedTokenInfo): void {
    this.tokens++;
    const { token } = info;
    if (this.tokens === 1 && token !== TokenType.LEFT_BRACE) {
      const got = token === TokenType.LEFT_BRACKET ? 'an array' : describeValue(info.value);
      this.fatal = new InputError(this.label, [{ element: 'graph', message: `the top level must be a JSON object with "nodes" and "edges" (got ${got})` }]);
      return;
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (this.depth === 1) {
        this.topValue(this.valueKey, token);
        this.arrayKey = token === TokenType.LEFT_BRACKET ? this.valueKey : null;
      }
      this.depth++;
      if (this.depth > MAX_JSON_DEPTH) this.fatal = fileProblem(this.label, deepMessage);
      this.expectKey = this.depth === 1;
      return;
    }
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.depth--;
      if (this.depth === 1) this.arrayKey = null;
      if (this.depth === 1 && this.valueKey === 'nodes') this.onNodesEnd();
      return;
    }
    if (this.depth !== 1) return;
    if (token === TokenType.COMMA) this.expectKey = true;
    else if (token === TokenType.COLON) {
      this.valueKey = this.pendingKey;
      this.expectKey = false;
    } else if (this.expectKey && token === TokenType.STRING) this.key(String(info.value));
    else this.topValue(this.valueKey, token, info.value);
  }

  private key(name: string): void {
    this.pendingKey = name;
    if (this.seen.has(name)) this.topProblems.push(`duplicate top-level key "${name}"`);
    this.seen.add(name);
    if (!TOP_KEYS.has(name)) this.topProblems.push(`unknown top-level key(s) "${name}" (expected options, attributes, nodes, edges)`);
  }

  /** The first token of a top-level value: nodes and edges must be arrays. */
  private topValue(key: string | null, token: TokenType, value?: unknown): void {
    if (token === TokenType.LEFT_BRACKET) return;
    const got = token === TokenType.LEFT_BRACE ? ' (got an object)' : ` (got ${describeValue(value)})`;
    if (key === 'nodes') this.topProblems.push(`nodes: must be an array of nodes${got}`);
    if (key === 'edges') this.topProblems.push(`edges: must be an array of edges${got}`);
  }
}

/** Hands elements to the loader in its order, holding early ones back (see the module comment). */
class Sequencer<R> {
  private attributesSeen = false;
  private nodesDone = false;
  private readonly heldNodes: unknown[] = [];
  private readonly heldEdges: unknown[] = [];
  constructor(private readonly loader: GraphLoader<R>) {}

  attributes(raw: unknown): void {
    this.loader.attributes(raw);
    this.attributesSeen = true;
    for (const node of this.heldNodes.splice(0)) this.loader.node(node);
  }
  node(raw: unknown): void {
    if (this.attributesSeen) this.loader.node(raw);
    else this.heldNodes.push(raw);
  }
  nodesEnd(): void {
    if (!this.attributesSeen) return;
    this.nodesDone = true;
    for (const edge of this.heldEdges.splice(0)) this.loader.edge(edge);
  }
  edge(raw: unknown): void {
    if (this.nodesDone) this.loader.edge(raw);
    else this.heldEdges.push(raw);
  }
  /** The end of the document: whatever was held goes now, in order. */
  end(): void {
    if (!this.attributesSeen) this.attributes({});
    this.nodesDone = true;
    for (const edge of this.heldEdges.splice(0)) this.loader.edge(edge);
  }
}

/** Reads and validates a graph JSON file of any size, streaming (see the module comment). */
export function streamGraphJson(file: string, options: StreamOptions = {}): Promise<ParseResult> {
  return streamJson(file, options, createGraphLoader(options.label ?? file, options));
}

async function streamJson<R>(file: string, options: StreamOptions, loader: GraphLoader<R>): Promise<R> {
  const label = options.label ?? file;
  await regularFileSize(file, label);
  const sequencer = new Sequencer(loader);
  const watcher = new TopLevelWatcher(label);
  let ended = false;
  let syntax: string | null = null;
  /** File offset of the bytes being fed, so the parser's positions name bytes of the file. */
  let fedAt = 0;
  /** Placeholders fed for element runs whose `$.nodes.*` / `$.edges.*` values are not elements. */
  let placeholders = 0;
  watcher.onNodesEnd = () => sequencer.nodesEnd();
  const parser = new JSONParser({ paths: ['$.options', '$.attributes', '$.nodes.*', '$.edges.*'], keepStack: false });
  parser.onToken = (info) => {
    if (watcher.fatal === null) watcher.token(info);
  };
  parser.onValue = ({ value, key, stack }) => {
    if (watcher.fatal !== null) return;
    if (stack.length === 2) {
      if (placeholders > 0) placeholders--;
      else if (stack[1]?.key === 'nodes') sequencer.node(value);
      else sequencer.edge(value);
    } else if (key === 'attributes') sequencer.attributes(value);
    else if (key === 'options') loader.options(value);
  };
  parser.onError = (error) => {
    syntax ??= error.message.replace(/at chunk position "(\d+)" \(absolute position "\d+"\)/, (_, at: string) => `at byte ${fedAt + Number(at)}`);
  };
  parser.onEnd = () => {
    ended = true;
  };
  const runs = new ElementRuns({
    feed(bytes, offset) {
      if (ended) {
        if (bytes.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) syntax ??= 'unexpected data after the end of the JSON document';
        return;
      }
      fedAt = offset;
      parser.write(bytes);
    },
    atElement: () => !ended && syntax === null && watcher.fatal === null && watcher.depth === 2 && (watcher.arrayKey === 'nodes' || watcher.arrayKey === 'edges'),
    elements(values, _from, to) {
      if (watcher.arrayKey === 'nodes') for (const value of values) sequencer.node(value);
      else for (const value of values) sequencer.edge(value);
      placeholders++;
      fedAt = to;
      parser.write(PLACEHOLDER);
    },
    invalid(detail, from, to) {
      syntax ??= `${detail}, in the elements of "${watcher.arrayKey ?? ''}" between bytes ${from} and ${to}`;
    },
    tooDeep() {
      watcher.fatal ??= fileProblem(label, deepMessage);
    },
    stopped: () => syntax !== null || watcher.fatal !== null,
  });
  for await (const bytes of chunks(file, label, options.chunkBytes)) {
    runs.write(bytes);
    if (watcher.fatal !== null) throw watcher.fatal;
    if (syntax !== null) break;
  }
  if (watcher.tokens === 0 && syntax === null) throw fileProblem(label, 'the file is empty');
  if (!ended && syntax === null) parser.end();
  if (watcher.fatal !== null) throw watcher.fatal;
  if (syntax !== null) throw fileProblem(label, `not valid JSON (${syntax})`);
  if (!watcher.seen.has('nodes')) watcher.topProblems.push('nodes: is required (an array of nodes)');
  if (watcher.topProblems.length > 0) throw new InputError(label, watcher.topProblems.map((message) => ({ element: 'graph', message })));
  sequencer.end();
  return loader.finish();
}

/** Reads and validates an NDJSON graph file, line by line (see the module comment). */
export function streamGraphNdjson(file: string, options: StreamOptions = {}): Promise<ParseResult> {
  return streamNdjson(file, options, createGraphLoader(options.label ?? file, options));
}

async function streamNdjson<R>(file: string, options: StreamOptions, loader: GraphLoader<R>): Promise<R> {
  const label = options.label ?? file;
  await regularFileSize(file, label);
  const lines = createInterface({ input: Readable.from(chunks(file, label, options.chunkBytes), { objectMode: false }), crlfDelay: Infinity });
  let line = 0;
  let elements = 0;
  let edgesStarted = false;
  let attributes = false;
  let nonBlank = false;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    nonBlank = true;
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      loader.problem(`line ${line}`, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      loader.problem(`line ${line}`, `must be a JSON object (a node, an edge or the graph header; got ${Array.isArray(value) ? 'an array' : describeValue(value)})`);
      continue;
    }
    if (isNestedTooDeep(value)) {
      loader.problem(`line ${line}`, deepMessage);
      continue;
    }
    const record = value as Record<string, unknown>;
    const isEdge = 'source' in record || 'target' in record;
    const isNode = !isEdge && 'key' in record;
    if (!isEdge && !isNode) {
      const extra = Object.keys(record).filter((name) => name !== 'options' && name !== 'attributes');
      if (elements > 0 || attributes || extra.length > 0) {
        loader.problem(`line ${line}`, extra.length > 0 ? `neither a node (key) nor an edge (source, target) nor the header (options, attributes): has ${extra.map((k) => `"${k}"`).join(', ')}` : 'the header (options, attributes) must be the first line');
        continue;
      }
      attributes = true;
      if (record.options !== undefined) loader.options(record.options);
      loader.attributes(record.attributes ?? {});
      continue;
    }
    elements++;
    if (isNode) {
      if (edgesStarted) loader.problem(`line ${line}`, 'a node after the first edge: nodes come first');
      else loader.node(record);
    } else {
      edgesStarted = true;
      loader.edge(record);
    }
  }
  if (!nonBlank) throw fileProblem(label, 'the file is empty');
  return loader.finish();
}

/** True for a file name that `streamGraphFile` reads as NDJSON. */
export const isNdjsonName = (file: string): boolean => /\.(ndjson|jsonl)$/i.test(file);

/** Reads a graph file of any size: NDJSON by its extension, else graph JSON. */
export function streamGraphFile(file: string, options: StreamOptions = {}): Promise<ParseResult> {
  return isNdjsonName(file) ? streamGraphNdjson(file, options) : streamGraphJson(file, options);
}

/**
 * Expected numbers of nodes and edges of a graph file of `bytes` bytes, so the index
 * builder's arrays and hash tables start near their final size (GraphIndexBuilder hints;
 * the index is the same without them). The generated bench files (layered-*-loops, three
 * edges a node) take about 600 bytes of file per node with its edges, 150 per element;
 * the estimate assumes 1000 bytes per node and 300 per edge, below their counts, so such
 * files grow the arrays at most once, and a file of larger elements wastes at most about a
 * quarter of its size in unused array room.
 */
export const sizeHints = (bytes: number): BuilderHints => ({ nodes: Math.floor(bytes / 1000), edges: Math.floor(bytes / 300) });

/**
 * Reads and validates a graph file of any size (graph JSON or NDJSON) straight into a
 * GraphIndex, with no graphology graph and no attribute objects kept: the same checks and
 * messages as `streamGraphFile`, for graphs of millions of elements.
 */
export async function streamGraphIndex(file: string, options: StreamOptions = {}): Promise<IndexParseResult> {
  const loader = createIndexLoader(options.label ?? file, options, sizeHints(await regularFileSize(file, options.label ?? file)));
  return isNdjsonName(file) ? streamNdjson(file, options, loader) : streamJson(file, options, loader);
}
