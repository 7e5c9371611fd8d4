/**
 * Streamed CSV tables (`chokepoint import --nodes nodes.csv --edges edges.csv` on large
 * files): the node table and the edge table csv-import.ts reads, read row by row from a
 * file stream instead of as one string, each row checked as it arrives and handed to the
 * incremental graph loader (src/model/graph-loader.ts) as the NDJSON reader does
 * (stream-graph.ts), into the graphology graph (`streamCsvGraph`) or straight into the
 * GraphIndex (`streamCsvIndex`). Same graph, warnings and messages as `fromCsv`
 * (tests/io/stream-csv.test.ts compares them on the fixtures).
 *
 * The rows are parsed by csv-parse's stream API, the parser `fromCsv` uses on the whole
 * text, with the same options (`csvParseOptions`), so quoted cells holding line breaks,
 * a byte-order mark, trimming and the delimiter (from the header line) behave the same.
 * Line ends are normalised to `\n` on the bytes as they pass (a CR is never part of a
 * multi-byte UTF-8 sequence), as `fromCsv` does on the text; a UTF-16 or binary file is
 * refused on its first chunk, as `decodeText` does.
 *
 * Passes over a file, each holding one row at a time: a table with columns of unknown
 * meaning (typed from their whole column: numbers, booleans or text) or nameless columns
 * is read once first to learn their types; then the rows are read and loaded. Problems of
 * cells (a number that is not one, a missing key) are collected, every row still checked,
 * and thrown as `fromCsv` throws them; problems of the graph (an unknown node, a negative
 * flow) come from the loader at the end and are pointed at their rows by one more pass
 * over the tables, looking only for the elements named (at most `maxProblems`). Memory:
 * the graph being built; with `multigraph: 'sum'` the edges too, until they are collapsed.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import {
  checkCsvOptions,
  csvParseError,
  csvParseOptions,
  delimiterOf,
  edgeElements,
  edgeOf,
  emptyTableProblem,
  learnKinds,
  namelessColumns,
  namelessProblem,
  nodeElements,
  nodeOf,
  recordOf,
  tableLayout,
  tableRow,
  throwAtRows,
  throwProblems,
  type CsvRecord,
  type FileProblem,
  type TableLayout,
} from '../formats/csv-import.js';
import { EDGE_COLUMNS, EDGE_IDENTITY_COLUMNS, NODE_COLUMNS, NODE_IDENTITY_COLUMNS, type ColumnSpec } from '../formats/csv-columns.js';
import { collapseEdges, optionAttributes, type ImportOptions } from '../formats/imported-graph.js';
import { withParallelHint } from '../formats/multi-edges.js';
import { InputError } from '../model/errors.js';
import { createGraphLoader, createIndexLoader, type GraphLoader, type IndexParseResult, type ParseOptions, type ParseResult } from '../model/graph-loader.js';
import { regularFileSize } from './stream-graph.js';

export interface StreamCsvOptions extends ImportOptions, ParseOptions {
  /** Bytes read at a time (default 1 MiB; tests use small chunks to split rows and characters). */
  chunkBytes?: number;
}

const CHUNK_BYTES = 1 << 20;
const CR = 0x0d;
const LF = 0x0a;
const fileProblem = (file: string, message: string) => new InputError(file, [{ element: 'file', message }]);

/** The bytes of a file with every CRLF and lone CR turned into LF; UTF-16 and binary files refused (as decodeText). */
class TextBytes extends Transform {
  private first = true;
  private pendingCr = false;

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.first) {
      this.first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return done(fileProblem(this.file, 'the file is UTF-16 text; save it as UTF-8'));
    }
    if (chunk.includes(0)) return done(fileProblem(this.file, 'the file is binary, not text'));
    if (!chunk.includes(CR) && !(this.pendingCr && chunk[0] === LF)) {
      this.pendingCr = false;
      return done(null, chunk);
    }
    const out = Buffer.allocUnsafe(chunk.length);
    let n = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === LF && this.pendingCr) {
        this.pendingCr = false;
        continue;
      }
      this.pendingCr = byte === CR;
      out[n++] = byte === CR ? LF : byte;
    }
    done(null, out.subarray(0, n));
  }
}

/** The header line of a file (its first line, without a byte-order mark), for the delimiter. */
async function headerLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const parts: Buffer[] = [];
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const end = chunk.findIndex((b) => b === LF || b === CR);
      parts.push(Buffer.from(end < 0 ? chunk : chunk.subarray(0, end)));
      if (end >= 0) break;
    }
    const text = Buffer.concat(parts).toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } finally {
    await handle.close();
  }
}

/** The records of a CSV file, one at a time; parse and read errors are InputErrors naming the file (and the row). */
async function* records(file: string, delimiter: string, chunkBytes: number): AsyncGenerator<CsvRecord> {
  const source = createReadStream(file, { highWaterMark: chunkBytes });
  const text = new TextBytes(file);
  const parser = parse(csvParseOptions(delimiter));
  const failed: { error: unknown }[] = [];
  const fail = (error: unknown) => {
    if (failed.length === 0) failed.push({ error });
    parser.destroy();
  };
  source.on('error', fail);
  text.on('error', fail);
  source.pipe(text).pipe(parser);
  try {
    for await (const parsed of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield recordOf(parsed);
  } catch (error) {
    if (failed.length === 0) failed.push({ error });
  } finally {
    source.destroy();
    text.destroy();
    parser.destroy();
  }
  const first = failed[0];
  if (first === undefined) return;
  if (first.error instanceof InputError) throw first.error;
  const code = (first.error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') throw fileProblem(file, 'cannot read it: permission denied');
  if (typeof code === 'string' && code.startsWith('CSV_')) throw csvParseError(first.error, file);
  throw first.error;
}

/** One table of the import: its file, columns and what its rows become. */
interface Table {
  file: string;
  known: readonly ColumnSpec[];
  identity: ReadonlySet<string>;
}

/**
 * Reads a table row by row: the header into its layout (problems added), a first pass when
 * the header has columns typed by their whole column or nameless ones, then `row` for each
 * body record with its table row; a file with no header row adds its problem.
 */
async function readTable(table: Table, chunkBytes: number, problems: FileProblem[], row: (layout: TableLayout, record: CsvRecord) => void): Promise<void> {
  await regularFileSize(table.file);
  const delimiter = delimiterOf(await headerLine(table.file));
  let layout: TableLayout | null = null;
  let nameless: number[] = [];
  // Pass 1: the kinds of the columns of unknown meaning, and nameless columns with values.
  const withValues = new Set<number>();
  for await (const record of records(table.file, delimiter, chunkBytes)) {
    if (layout === null) {
      layout = tableLayout(table.file, record.cells, table.known, table.identity, problems);
      nameless = namelessColumns(record.cells);
      if (layout.kinds.size === 0 && nameless.length === 0) break;
      continue;
    }
    learnKinds(layout, record);
    for (const index of nameless) if ((record.cells[index] ?? '') !== '') withValues.add(index);
  }
  if (layout === null) {
    problems.push(emptyTableProblem(table.file));
    return;
  }
  for (const index of nameless) if (withValues.has(index)) problems.push(namelessProblem(table.file, index));
  // Pass 2: the rows.
  let header = true;
  for await (const record of records(table.file, delimiter, chunkBytes)) {
    if (header) header = false;
    else row(layout, record);
  }
}

const NODE_TABLE = (file: string): Table => ({ file, known: NODE_COLUMNS, identity: NODE_IDENTITY_COLUMNS });
const EDGE_TABLE = (file: string): Table => ({ file, known: EDGE_COLUMNS, identity: EDGE_IDENTITY_COLUMNS });

async function streamCsv<R>(nodesFile: string, edgesFile: string | undefined, options: StreamCsvOptions, loader: GraphLoader<R>): Promise<R> {
  const { chunkBytes = CHUNK_BYTES, maxProblems: _maxProblems, maxWarnings: _maxWarnings, ...imported } = options;
  checkCsvOptions(imported);
  // --multigraph sum is checked before reading, as collapseEdges does.
  collapseEdges([], edgesFile ?? '', imported);
  const problems: FileProblem[] = [];
  loader.attributes(optionAttributes(imported));
  await readTable(NODE_TABLE(nodesFile), chunkBytes, problems, (layout, record) => {
    const row = tableRow(layout, record, problems);
    if (problems.length === 0) loader.node(nodeOf(row));
  });
  const held: ReturnType<typeof edgeOf>[] = [];
  const sum = imported.multigraph === 'sum';
  if (edgesFile !== undefined) {
    await readTable(EDGE_TABLE(edgesFile), chunkBytes, problems, (layout, record) => {
      const row = tableRow(layout, record, problems);
      if (problems.length > 0) return;
      if (sum) held.push(edgeOf(row));
      else loader.edge(edgeOf(row));
    });
  }
  if (problems.length > 0) throwProblems(problems);
  let warning: string | undefined;
  try {
    if (sum) {
      const collapsed = collapseEdges(held, edgesFile ?? '', imported);
      held.length = 0;
      warning = collapsed.warning;
      for (const edge of collapsed.edges) loader.edge(edge);
    }
    const result = loader.finish() as R & { warnings: string[] };
    return warning === undefined ? result : { ...result, warnings: [`${edgesFile ?? ''}: ${warning}`, ...result.warnings] };
  } catch (error) {
    const hinted = withParallelHint(error);
    if (!(hinted instanceof InputError)) throw hinted;
    throwAtRows(hinted, await rowsOfElements(hinted, nodesFile, edgesFile, chunkBytes), nodesFile);
  }
}

/** The rows of the elements an error names (one more pass over the tables; see the module comment). */
async function rowsOfElements(error: InputError, nodesFile: string, edgesFile: string | undefined, chunkBytes: number) {
  const wanted = new Set(error.problems.map((p) => p.element));
  const found = new Map<string, { file: string; rows: number[] }>();
  const note = (names: string[], file: string, row: number) => {
    for (const name of names) {
      if (!wanted.has(name)) continue;
      const entry = found.get(name);
      if (entry) entry.rows.push(row);
      else found.set(name, { file, rows: [row] });
    }
  };
  const ignored: FileProblem[] = [];
  let i = 0;
  await readTable(NODE_TABLE(nodesFile), chunkBytes, ignored, (layout, record) => {
    const row = tableRow(layout, record, ignored);
    note(nodeElements(i++, row), nodesFile, row.row);
  });
  if (edgesFile !== undefined) {
    let j = 0;
    await readTable(EDGE_TABLE(edgesFile), chunkBytes, ignored, (layout, record) => {
      const row = tableRow(layout, record, ignored);
      note(edgeElements(j++, row), edgesFile, row.row);
    });
  }
  return (element: string) => found.get(element);
}

/** Reads the node table (and the edge table) row by row into a validated SupplyGraph: the same result as `fromCsv`. */
export function streamCsvGraph(nodesFile: string, edgesFile?: string, options: StreamCsvOptions = {}): Promise<ParseResult> {
  return streamCsv(nodesFile, edgesFile, options, createGraphLoader(nodesFile, options));
}

/** Reads the tables row by row straight into a GraphIndex (no graphology graph): the same checks and messages. */
export function streamCsvIndex(nodesFile: string, edgesFile?: string, options: StreamCsvOptions = {}): Promise<IndexParseResult> {
  return streamCsv(nodesFile, edgesFile, options, createIndexLoader(nodesFile, options));
}
