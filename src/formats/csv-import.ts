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

interface FileProblem extends Problem {
  file: string;
}

interface TableRow {
  row: number;
  identity: Record<string, string>;
  attributes: Record<string, unknown>;
}

interface Column {
  index: number;
  spec?: ColumnSpec;
  attribute: string;
}

function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

function readRecords(input: CsvFile): { row: number; cells: string[] }[] {
  // Line ends are normalised first: csv-parse counts a CRLF inside a quoted cell as two lines.
  const text = input.text.replace(/\r\n?/g, '\n');
  try {
    const options = { bom: true, delimiter: detectDelimiter(text), info: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true };
    // With `info`, csv-parse returns {record, info} objects (its types say string[][]).
    const records = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is the line a record ends on; it starts as many lines earlier as its cells hold line breaks.
    return records.map((r) => ({ row: r.info.lines - r.record.join('').split('\n').length + 1, cells: r.record }));
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string; record?: unknown[] };
    const element = e.lines ? `row ${e.lines}` : 'file';
    const message =
      e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && Array.isArray(e.record)
        ? `has ${e.record.length} cells where the header has a different number`
        : `not valid CSV (${String(e.message ?? error).replace(/ (on|at) line \d+/, '')})`;
    throw new InputError(input.file, [{ element, message }]);
  }
}

/** Maps header cells to columns; reports unknown duplicates, nameless columns and missing required columns. */
function readHeader(header: string[], known: readonly ColumnSpec[], identity: ReadonlySet<string>, file: string, problems: FileProblem[]): Column[] {
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

/** The value of a column of unknown meaning, typed from its whole column. */
function otherValues(cells: string[]): (string | number | boolean)[] {
  const filled = cells.filter((c) => c !== '');
  if (filled.length > 0 && filled.every((c) => parseStrictNumber(c) !== undefined)) return cells.map((c) => parseStrictNumber(c) ?? c);
  if (filled.length > 0 && filled.every((c) => /^(true|false)$/i.test(c))) return cells.map((c) => (c === '' ? c : c.toLowerCase() === 'true'));
  return cells;
}

function readTable(input: CsvFile, known: readonly ColumnSpec[], identity: ReadonlySet<string>, problems: FileProblem[]): TableRow[] {
  const records = readRecords(input);
  const [header, ...body] = records;
  if (!header) {
    problems.push({ file: input.file, element: 'file', message: 'the file is empty (expected a header row)' });
    return [];
  }
  const columns = readHeader(header.cells, known, identity, input.file, problems);
  header.cells.forEach((name, index) => {
    if (name === '' && body.some((r) => (r.cells[index] ?? '') !== '')) {
      problems.push({ file: input.file, element: 'header', message: `column ${index + 1} has values but no name` });
    }
  });
  const typed = new Map(columns.filter((c) => !c.spec).map((c) => [c.index, otherValues(body.map((r) => r.cells[c.index] ?? ''))]));
  return body.map((record, i) => {
    const row: TableRow = { row: record.row, identity: {}, attributes: {} };
    for (const column of columns) {
      const text = record.cells[column.index] ?? '';
      const spec = column.spec;
      if (spec && !spec.attribute) {
        if (text === '' && spec.required) problems.push({ file: input.file, element: `row ${record.row}`, message: `column "${spec.column}" is empty` });
        row.identity[spec.column] = text;
      } else if (text === '') {
        continue;
      } else if (!spec || spec.kind === 'text') {
        row.attributes[column.attribute] = spec ? text : typed.get(column.index)?.[i];
      } else {
        const value = spec.attribute === 'capacity' && text.trim() === UNLIMITED ? UNLIMITED : parseStrictNumber(text);
        const where = { file: input.file, element: `row ${record.row}, column "${spec.column}"` };
        if (value === undefined) problems.push({ ...where, message: `"${text}" is not a number (write digits with a decimal point, no thousands separators or units)` });
        else if (spec.kind === 'integer' && typeof value === 'number' && !Number.isInteger(value)) problems.push({ ...where, message: `"${text}" is not a whole number` });
        else row.attributes[column.attribute] = value;
      }
    }
    return row;
  });
}

function throwProblems(problems: FileProblem[], total = problems.length): never {
  const files = [...new Set(problems.map((p) => p.file))];
  if (files.length === 1) throw new InputError(files[0] ?? '', problems.map(({ element, message }) => ({ element, message })), total);
  throw new InputError(files.join(' and '), problems.map((p) => ({ element: `${p.file} ${p.element}`, message: p.message })), total);
}

/** Where parseGraph's element names point in the tables. */
function elementIndex(nodes: TableRow[], edges: TableRow[], nodesFile: string, edgesFile: string): Map<string, { file: string; rows: number[] }> {
  const index = new Map<string, { file: string; rows: number[] }>();
  const add = (element: string, file: string, row: number) => {
    const entry = index.get(element);
    if (entry) entry.rows.push(row);
    else index.set(element, { file, rows: [row] });
  };
  nodes.forEach((n, i) => {
    add(`node #${i}`, nodesFile, n.row);
    add(`node "${n.identity.key}"`, nodesFile, n.row);
  });
  edges.forEach((e, i) => {
    add(`edge #${i}`, edgesFile, e.row);
    add(`edge "${e.identity.source} -> ${e.identity.target}"`, edgesFile, e.row);
  });
  return index;
}

/**
 * Reads the node table (and the edge table, when given) into a validated SupplyGraph.
 * Throws InputError listing every problem with its file, row and column.
 */
export function fromCsv(nodesInput: CsvFile, edgesInput?: CsvFile, options: ImportOptions = {}): ParseResult {
  if (options.undirected !== undefined) throw new UsageError('--undirected applies to GraphML and GEXF: a CSV edge table has no undirected edges (every row is source -> target)');
  const problems: FileProblem[] = [];
  const nodes = readTable(nodesInput, NODE_COLUMNS, NODE_IDENTITY_COLUMNS, problems);
  const edges = edgesInput ? readTable(edgesInput, EDGE_COLUMNS, EDGE_IDENTITY_COLUMNS, problems) : [];
  if (problems.length > 0) throwProblems(problems);
  const data = {
    attributes: optionAttributes(options),
    nodes: nodes.map((n) => ({ key: n.identity.key, attributes: n.attributes })),
    edges: edges.map((e) => ({ ...(e.identity.key ? { key: e.identity.key } : {}), source: e.identity.source, target: e.identity.target, attributes: e.attributes })),
  };
  const edgesFile = edgesInput?.file ?? '';
  try {
    const collapsed = collapseEdges(data.edges, edgesFile, options);
    const result = parseImported({ ...data, edges: collapsed.edges }, nodesInput.file);
    return collapsed.warning === undefined ? result : { ...result, warnings: [`${edgesFile}: ${collapsed.warning}`, ...result.warnings] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const index = elementIndex(nodes, edges, nodesInput.file, edgesFile);
    const mapped = error.problems.map((p) => {
      const at = index.get(p.element);
      if (!at) return { file: nodesInput.file, ...p };
      return { file: at.file, element: `row ${at.rows.join(', ')} (${p.element})`, message: p.message };
    });
    throwProblems(mapped, error.total);
  }
}
