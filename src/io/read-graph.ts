/**
 * Reads a graph file from disk: the one place that turns a path into a SupplyGraph, and
 * the one place that reads any input text file (graphs, scenarios, CSV, GraphML, GEXF).
 */
import { readFile } from 'node:fs/promises';
import { InputError, TooLargeError } from '../model/errors.js';
import { checkJsonDepth } from '../model/json-depth.js';
import { parseGraph, parseGraphIndex, type IndexParseResult, type ParseOptions, type ParseResult } from '../model/parse-graph.js';
import { isNdjsonName, regularFileSize, streamGraphIndex, streamGraphJson, streamGraphNdjson } from './stream-graph.js';

export { checkJsonDepth, MAX_JSON_DEPTH } from '../model/json-depth.js';

/**
 * Parses JSON text, turning a syntax error into an InputError that names the file;
 * nesting deeper than MAX_JSON_DEPTH is refused too.
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new InputError(file, [{ element: 'file', message: 'the file is empty' }]);
  if (text.includes('\u0000')) throw new InputError(file, [{ element: 'file', message: 'the file is binary, not JSON text' }]);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(file, [{ element: 'file', message: `not valid JSON (${detail})` }]);
  }
  checkJsonDepth(value, file);
  return value;
}

const fileProblem = (label: string, message: string) => new InputError(label, [{ element: 'file', message }]);

/**
 * Decodes file bytes as UTF-8 text: a UTF-8 byte-order mark is dropped (spreadsheets and
 * Windows editors write one); UTF-16 and binary data (NUL bytes) are InputErrors.
 */
export function decodeText(bytes: Uint8Array, label: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileProblem(label, 'the file is UTF-16 text; save it as UTF-8');
  }
  if (bytes.includes(0)) throw fileProblem(label, 'the file is binary, not text');
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Reads a file as UTF-8 text (see `decodeText`). A missing file is NotFoundError; a
 * folder, an unreadable or binary file InputError; a file too large for a string
 * TooLargeError. Errors name the file as `label` (the server passes a graph id, not its
 * path on the server).
 */
export async function readTextFile(file: string, label: string = file): Promise<string> {
  const size = await regularFileSize(file, label);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw fileProblem(label, 'cannot read it: permission denied');
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new TooLargeError(`${label}: the file is too large to read (${size} bytes)`);
    throw error;
  }
  try {
    return decodeText(bytes, label);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw new TooLargeError(`${label}: the file is too large to read as text (${size} bytes)`);
    throw error;
  }
}

/**
 * Graph JSON files larger than this are streamed (stream-graph.ts) instead of read as one
 * string and parsed with JSON.parse, which is faster but needs the whole text and its
 * parsed copy in memory at once, and cannot hold files past V8's ~512 MB string limit.
 */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

export interface ReadGraphOptions extends ParseOptions {
  /** Stream whatever the size (default: only files above STREAM_THRESHOLD_BYTES). */
  stream?: boolean;
}

/**
 * Reads, parses and validates a graph file: NDJSON (`.ndjson`, `.jsonl`) line by line,
 * graph JSON whole or, when large, streamed; the same graph and messages either way.
 */
export async function readGraphFile(file: string, options: ReadGraphOptions = {}): Promise<ParseResult> {
  const { stream, ...parse } = options;
  if (isNdjsonName(file)) return streamGraphNdjson(file, parse);
  if (stream === true || (await regularFileSize(file)) > STREAM_THRESHOLD_BYTES) return streamGraphJson(file, parse);
  return parseGraph(parseJsonText(await readTextFile(file), file), file, parse);
}

/**
 * `readGraphFile` straight into a GraphIndex (no graphology graph, no attribute objects
 * kept): the same file handling, checks and messages, read the same way (NDJSON and
 * large or `stream` files streamed, others parsed whole), for jobs that need only the
 * index (the metrics report without shadowPrice: report.ts `metricsNeedGraph`).
 */
export async function readGraphIndexFile(file: string, options: ReadGraphOptions = {}): Promise<IndexParseResult> {
  const { stream, ...parse } = options;
  if (isNdjsonName(file) || stream === true || (await regularFileSize(file)) > STREAM_THRESHOLD_BYTES) return streamGraphIndex(file, parse);
  return parseGraphIndex(parseJsonText(await readTextFile(file), file), file, parse);
}
