/**
 * Builds a graph from two spreadsheet tables (CSV, parsed by csv-parse): nodes, one row
 * per node, and edges, one row per edge; the columns are in `csv-columns.ts` and
 * docs/formats.md. The delimiter is `,`, or `;` or a tab when the header row has no comma.
 * Cells are trimmed; an empty cell means the attribute is absent. Numbers are read
 * strictly (`12a`, `1,000` are errors naming the file, row and column). Other columns
 * become attributes: numbers when every non-empty cell of the column is a number,
 * booleans when every one is true/false, else text. The result is validated with
 * `parseGraph`; its problems are reported against the row they come from. With
 * `multigraph: 'sum'`, rows with the same source and target are collapsed first
 * (multi-edges.ts); a table has no direction to undo, every row is source -> target. Rows are
 * numbered as lines of the file (the header is row 1), as a spreadsheet shows them
 * unless a cell holds a line break.
 */
import { parse } from 'csv-parse/sync';
import { InputError, UsageError, type Problem } from '../model/errors.js';
import type { ParseResult } from '../model/parse-graph.js';
import { UNLIMITED } from '../model/schema.js';
import { parseStrictNumber } from './attribute-types.js';
import { isReservedKey, reservedMessage } from '../model/parse-graph.js';
import { EDGE_COLUMNS, EDGE_IDENTITY_COLUMNS, NODE_COLUMNS, NODE_IDENTITY_COLUMNS, normalizeHeader, otherAttribute, type ColumnSpec } from './csv-columns.js';
import { collapseEdges, optionAttributes, parseImported, type ImportOptions } from './imported-graph.js';

export interface CsvFile {
  /** The file's text. */
  text: string;
  /** Its name, for messages. */
  file: string;
}

export interface FileProblem extends Problem {
  file: string;
}

export interface TableRow {
  row: number;
  identity: Record<string, string>;
  attributes: Record<string, unknown>;
}

export interface Column {
  index: number;
  spec?: ColumnSpec;
  attribute: string;
}

/** The delimiter of a table from its header line: `,`, else `;`, else a tab, else `,`. */
export function delimiterOf(headerLine: string): string {
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes(';')) return ';';
  return headerLine.includes('\t') ? '\t' : ',';
}

function detectDelimiter(text: string): string {
  return delimiterOf(text.split(/\r?\n/, 1)[0] ?? '');
}

/**
 * csv-parse's options for a table (the same for the whole text and for a stream,
 * src/io/stream-csv.ts); line ends must be normalised to `\n` first (csv-parse counts a
 * CRLF inside a quoted cell as two lines).
 */
export function csvParseOptions(delimiter: string) {
  return { bom: true, delimiter, info: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true } as const;
}

/** A record of csv-parse with `info`, and the row it starts on. */
export interface CsvRecord {
  /** The line of the file the record starts on (the header is row 1). */
  row: number;
  cells: string[];
}

/** The record csv-parse gave with `info`: info.lines is the line it ends on; it starts as many lines earlier as its cells hold line breaks. */
export function recordOf(parsed: { record: string[]; info: { lines: number } }): CsvRecord {
  return { row: parsed.info.lines - parsed.record.join('').split('\n').length + 1, cells: parsed.record };
}

/** A csv-parse error as an InputError naming the file and the row. */
export function csvParseError(error: unknown, file: string): InputError {
  const e = error as { code?: string; lines?: number; message?: string; record?: unknown[] };
  const element = e.lines ? `row ${e.lines}` : 'file';
  const message =
    e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && Array.isArray(e.record)
      ? `has ${e.record.length} cells where the header has a different number`
      : `not valid CSV (${String(e.message ?? error).replace(/ (on|at) line \d+/, '')})`;
  return new InputError(file, [{ element, message }]);
}

function readRecords(input: CsvFile): CsvRecord[] {
  // Line ends are normalised first: csv-parse counts a CRLF inside a quoted cell as two lines.
  const text = input.text.replace(/\r\n?/g, '\n');
  try {
    // With `info`, csv-parse returns {record, info} objects (its types say string[][]).
    const records = parse(text, csvParseOptions(detectDelimiter(text))) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(recordOf);
  } catch (error) {
    throw csvParseError(error, input.file);
  }
}

/** Maps header cells to columns; reports unknown duplicates, nameless columns and missing required columns. */
export function readHeader(header: string[], known: readonly ColumnSpec[], identity: ReadonlySet<string>, file: string, problems: FileProblem[]): Column[] {
  const byName = new Map(known.map((spec) => [normalizeHeader(spec.column), spec]));
  const seen = new Map<string, number>();
  const columns: Column[] = [];
  header.forEach((name, index) => {
    if (name === '') return;
    const spec = byName.get(normalizeHeader(name));
    const id = spec ? spec.column : name;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ file, element: 'header', message: `column "${id}" appears twice (columns ${earlier + 1} and ${index + 1})` });
      return;
    }
    seen.set(id, index);
    const attribute = spec ? (spec.attribute ?? spec.column) : otherAttribute(name, identity);
    // `__proto__` as a column would be dropped silently (or change the row object's prototype).
    if (isReservedKey(attribute)) {
      problems.push({ file, element: `header, column ${index + 1}`, message: reservedMessage('column', name) });
      return;
    }
    columns.push({ index, ...(spec ? { spec } : {}), attribute });
  });
  const missing = known.filter((spec) => spec.required && !seen.has(spec.column)).map((spec) => spec.column);
  if (missing.length > 0) {
    problems.push({ file, element: 'header', message: `missing required column(s) ${missing.join(', ')} (the header has: ${header.filter(Boolean).join(', ') || 'nothing'})` });
  }
  return columns;
}

/**
 * What the cells of a column of unknown meaning are, from its whole column: numbers when
 * every non-empty cell is a number, booleans when every one is true/false, else text
 * (and text when the column has no non-empty cell). Fed one cell at a time, so a stream
 * can learn it in a first pass (src/io/stream-csv.ts).
 */
export class ColumnKind {
  private filled = false;
  private numbers = true;
  private booleans = true;

  add(cell: string): void {
    if (cell === '') return;
    this.filled = true;
    if (this.numbers && parseStrictNumber(cell) === undefined) this.numbers = false;
    if (this.booleans && !/^(true|false)$/i.test(cell)) this.booleans = false;
  }

  /** A non-empty cell of the column as its value. */
  value(cell: string): string | number | boolean {
    if (this.filled && this.numbers) return parseStrictNumber(cell) ?? cell;
    if (this.filled && this.booleans) return cell.toLowerCase() === 'true';
    return cell;
  }
}

/** A table being read: its file, known columns and header, for `tableRow` and the checks on the header. */
export interface TableLayout {
  file: string;
  columns: Column[];
  /** The kind of each column of unknown meaning, by column index (learnt from the whole column). */
  kinds: Map<number, ColumnKind>;
}

/** The indices of the header's nameless columns. */
export function namelessColumns(header: readonly string[]): number[] {
  return header.flatMap((name, index) => (name === '' ? [index] : []));
}

/** The problem of a nameless column that has values. */
export function namelessProblem(file: string, index: number): FileProblem {
  return { file, element: 'header', message: `column ${index + 1} has values but no name` };
}

/** The layout of a table from its header (problems of the header added); kinds start empty, to be fed every body record (`learnKinds`). */
export function tableLayout(file: string, header: string[], known: readonly ColumnSpec[], identity: ReadonlySet<string>, problems: FileProblem[]): TableLayout {
  const columns = readHeader(header, known, identity, file, problems);
  return { file, columns, kinds: new Map(columns.filter((c) => !c.spec).map((c) => [c.index, new ColumnKind()])) };
}

/** Feeds one body record to the kinds of the layout's columns of unknown meaning. */
export function learnKinds(layout: TableLayout, record: CsvRecord): void {
  for (const [index, kind] of layout.kinds) kind.add(record.cells[index] ?? '');
}

/** One body record as a table row: identity cells, typed attributes; the problems of its cells added (file, row, column). */
export function tableRow(layout: TableLayout, record: CsvRecord, problems: FileProblem[]): TableRow {
  const row: TableRow = { row: record.row, identity: {}, attributes: {} };
  for (const column of layout.columns) {
    const text = record.cells[column.index] ?? '';
    const spec = column.spec;
    if (spec && !spec.attribute) {
      if (text === '' && spec.required) problems.push({ file: layout.file, element: `row ${record.row}`, message: `column "${spec.column}" is empty` });
      row.identity[spec.column] = text;
    } else if (text === '') {
      continue;
    } else if (!spec) {
      row.attributes[column.attribute] = layout.kinds.get(column.index)?.value(text) ?? text;
    } else if (spec.kind === 'text') {
      row.attributes[column.attribute] = text;
    } else {
      const value = spec.attribute === 'capacity' && text.trim() === UNLIMITED ? UNLIMITED : parseStrictNumber(text);
      const where = { file: layout.file, element: `row ${record.row}, column "${spec.column}"` };
      if (value === undefined) problems.push({ ...where, message: `"${text}" is not a number (write digits with a decimal point, no thousands separators or units)` });
      else if (spec.kind === 'integer' && typeof value === 'number' && !Number.isInteger(value)) problems.push({ ...where, message: `"${text}" is not a whole number` });
      else row.attributes[column.attribute] = value;
    }
  }
  return row;
}

function readTable(input: CsvFile, known: readonly ColumnSpec[], identity: ReadonlySet<string>, problems: FileProblem[]): TableRow[] {
  const records = readRecords(input);
  const [header, ...body] = records;
  if (!header) {
    problems.push(emptyTableProblem(input.file));
    return [];
  }
  const layout = tableLayout(input.file, header.cells, known, identity, problems);
  for (const index of namelessColumns(header.cells)) {
    if (body.some((r) => (r.cells[index] ?? '') !== '')) problems.push(namelessProblem(input.file, index));
  }
  for (const record of body) learnKinds(layout, record);
  return body.map((record) => tableRow(layout, record, problems));
}

/** The problem of a table with no header row. */
export function emptyTableProblem(file: string): FileProblem {
  return { file, element: 'file', message: 'the file is empty (expected a header row)' };
}

/** Throws the problems as one InputError: naming their file, or both files when they come from both tables. */
export function throwProblems(problems: FileProblem[], total = problems.length): never {
  const files = [...new Set(problems.map((p) => p.file))];
  if (files.length === 1) throw new InputError(files[0] ?? '', problems.map(({ element, message }) => ({ element, message })), total);
  throw new InputError(files.join(' and '), problems.map((p) => ({ element: `${p.file} ${p.element}`, message: p.message })), total);
}

/** The names parseGraph gives node `i` of the table (row `row`) in its problems. */
export function nodeElements(i: number, row: TableRow): string[] {
  return [`node #${i}`, `node "${row.identity.key}"`];
}

/** The names parseGraph gives edge `i` of the table (row `row`) in its problems. */
export function edgeElements(i: number, row: TableRow): string[] {
  return [`edge #${i}`, `edge "${row.identity.source} -> ${row.identity.target}"`];
}

/** A node row as parseGraph's serialized node. */
export function nodeOf(row: TableRow): { key: string; attributes: Record<string, unknown> } {
  return { key: row.identity.key as string, attributes: row.attributes };
}

/** An edge row as parseGraph's serialized edge. */
export function edgeOf(row: TableRow): { key?: string; source: string; target: string; attributes: Record<string, unknown> } {
  return { ...(row.identity.key ? { key: row.identity.key } : {}), source: row.identity.source as string, target: row.identity.target as string, attributes: row.attributes };
}

/** Where an element named in parseGraph's problems is in the tables: its file and rows. */
export type ElementRows = (element: string) => { file: string; rows: number[] } | undefined;

/**
 * Throws the InputError of validating the tables' graph with each problem pointed at the
 * rows its element comes from (`row 4 (edge "a -> b")`), in the file they are in; a
 * problem of no row (the graph) names the node table.
 */
export function throwAtRows(error: InputError, rowsOf: ElementRows, nodesFile: string): never {
  const mapped = error.problems.map((p) => {
    const at = rowsOf(p.element);
    if (!at) return { file: nodesFile, ...p };
    return { file: at.file, element: `row ${at.rows.join(', ')} (${p.element})`, message: p.message };
  });
  throwProblems(mapped, error.total);
}

/** Where parseGraph's element names point in the tables. */
function elementIndex(nodes: TableRow[], edges: TableRow[], nodesFile: string, edgesFile: string): ElementRows {
  const index = new Map<string, { file: string; rows: number[] }>();
  const add = (element: string, file: string, row: number) => {
    const entry = index.get(element);
    if (entry) entry.rows.push(row);
    else index.set(element, { file, rows: [row] });
  };
  nodes.forEach((n, i) => nodeElements(i, n).forEach((element) => add(element, nodesFile, n.row)));
  edges.forEach((e, i) => edgeElements(i, e).forEach((element) => add(element, edgesFile, e.row)));
  return (element) => index.get(element);
}

/** The `--undirected` refusal: a CSV edge table has no undirected edges. */
export function checkCsvOptions(options: ImportOptions): void {
  if (options.undirected !== undefined) throw new UsageError('--undirected applies to GraphML and GEXF: a CSV edge table has no undirected edges (every row is source -> target)');
}

/**
 * Reads the node table (and the edge table, when given) into a validated SupplyGraph.
 * Throws InputError listing every problem with its file, row and column. (Large tables:
 * src/io/stream-csv.ts reads them row by row, with the same result.)
 */
export function fromCsv(nodesInput: CsvFile, edgesInput?: CsvFile, options: ImportOptions = {}): ParseResult {
  checkCsvOptions(options);
  const problems: FileProblem[] = [];
  const nodes = readTable(nodesInput, NODE_COLUMNS, NODE_IDENTITY_COLUMNS, problems);
  const edges = edgesInput ? readTable(edgesInput, EDGE_COLUMNS, EDGE_IDENTITY_COLUMNS, problems) : [];
  if (problems.length > 0) throwProblems(problems);
  const data = {
    attributes: optionAttributes(options),
    nodes: nodes.map(nodeOf),
    edges: edges.map(edgeOf),
  };
  const edgesFile = edgesInput?.file ?? '';
  try {
    const collapsed = collapseEdges(data.edges, edgesFile, options);
    const result = parseImported({ ...data, edges: collapsed.edges }, nodesInput.file);
    return collapsed.warning === undefined ? result : { ...result, warnings: [`${edgesFile}: ${collapsed.warning}`, ...result.warnings] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throwAtRows(error, elementIndex(nodes, edges, nodesInput.file, edgesFile), nodesInput.file);
  }
}
