/**
 * The node table or the edge table as CSV (RFC 4180, via csv-stringify): the columns of
 * `csv-columns.ts` first (all of them, in that order, so the header is stable), then every
 * other attribute in order of first appearance, metrics included. The edge table has a
 * `key` column only when some edge key differs from the default `source->target`.
 * Booleans are `true`/`false`; values that are not scalars are JSON text. Text cells that
 * a spreadsheet would run as formulas get a quote in front unless `raw` (csv-cells.ts). The same
 * tables are what `chokepoint import --nodes --edges` reads.
 */
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { csvRecords, type CsvCellOptions } from './csv-cells.js';
import { scalarText, toScalar } from './attribute-types.js';
import { EDGE_COLUMNS, EDGE_IDENTITY_COLUMNS, NODE_COLUMNS, NODE_IDENTITY_COLUMNS, otherColumn, type ColumnSpec } from './csv-columns.js';
import { withMetrics } from './with-metrics.js';

export type CsvTable = 'nodes' | 'edges';

interface Row {
  identity: Record<string, string>;
  attributes: Record<string, unknown>;
}

function cell(value: unknown): string {
  const scalar = toScalar(value);
  return scalar === undefined ? '' : scalarText(scalar);
}

function table(rows: Row[], known: readonly ColumnSpec[], identity: ReadonlySet<string>, options: CsvCellOptions): string {
  const knownAttributes = new Set(known.flatMap((c) => (c.attribute ? [c.attribute] : [])));
  const others: string[] = [];
  for (const row of rows) {
    for (const name of Object.keys(row.attributes)) if (!knownAttributes.has(name) && !others.includes(name)) others.push(name);
  }
  const header = [...known.map((c) => c.column), ...others.map((name) => otherColumn(name, identity))];
  const records = rows.map((row) => [
    ...known.map((c) => (c.attribute ? cell(row.attributes[c.attribute]) : (row.identity[c.column] ?? ''))),
    ...others.map((name) => cell(row.attributes[name])),
  ]);
  return csvRecords([header, ...records], options);
}

/** The node table (or the edge table), with the report's metrics as extra columns when given. */
export function toCsv(graph: SupplyGraph, report?: MetricsReport, tableName: CsvTable = 'nodes', options: CsvCellOptions = {}): string {
  const g = withMetrics(graph, report);
  if (tableName === 'nodes') {
    return table(g.mapNodes((key, attributes) => ({ identity: { key }, attributes })), NODE_COLUMNS, NODE_IDENTITY_COLUMNS, options);
  }
  const rows = g.mapEdges((key, attributes, source, target) => ({ identity: { source, target, key }, attributes }));
  const customKeys = rows.some((r) => r.identity.key !== `${r.identity.source}->${r.identity.target}`);
  const columns = customKeys ? EDGE_COLUMNS : EDGE_COLUMNS.filter((c) => c.column !== 'key');
  return table(rows, columns, EDGE_IDENTITY_COLUMNS, options);
}
