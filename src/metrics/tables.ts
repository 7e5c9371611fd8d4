/**
 * The metrics report as CSV tables: one of `nodes`, `edges`, `stages`, `countries`, one
 * row per element and one column per JSON field of the report (same names, the order of
 * the report). A stage's `shares` object becomes one `share_CC` column per country (codes
 * in alphabetical order); a country with no node in a stage has share 0 there, and a stage
 * with no throughput (hhi null) leaves its share cells empty. A node's `origin` becomes
 * `origin_mining_CC` and `origin_separation_CC` columns (0 where the node has none). null is an empty cell;
 * booleans are `true` / `false`; numbers are written in full. Text cells that a
 * spreadsheet would run as formulas get a quote in front unless `raw`
 * (src/formats/csv-cells.ts).
 */
import { csvRecords, type CsvCellOptions } from '../formats/csv-cells.js';
import { UsageError } from '../model/errors.js';
import type { MetricsReport } from './report-types.js';

export const METRICS_TABLES = ['nodes', 'edges', 'stages', 'countries'] as const;
export type MetricsTable = (typeof METRICS_TABLES)[number];

type Cell = string | number | boolean | null | undefined;

export interface TableRows {
  columns: string[];
  rows: Record<string, Cell>[];
}

/** Checks a table name; unknown names are a UsageError listing the valid ones. */
export function parseTableName(name: string): MetricsTable {
  if (!(METRICS_TABLES as readonly string[]).includes(name)) throw new UsageError(`unknown table "${name}" (valid: ${METRICS_TABLES.join(', ')})`);
  return name as MetricsTable;
}

/** Columns in order of first appearance across rows. */
function columnsOf(rows: readonly object[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** The rows of one table, flat (see the header). */
export function tableRows(report: MetricsReport, table: MetricsTable): TableRows {
  if (table === 'nodes' && report.nodes.some((n) => n.origin !== undefined)) {
    const codes = (stage: 'mining' | 'separation') => [...new Set(report.nodes.flatMap((n) => Object.keys(n.origin?.[stage] ?? {})))].sort();
    const mining = codes('mining');
    const separation = codes('separation');
    const rows = report.nodes.map(({ origin, ...rest }) => {
      const row: Record<string, Cell> = { ...(rest as Record<string, Cell>) };
      for (const code of mining) row[`origin_mining_${code}`] = origin?.mining[code] ?? 0;
      for (const code of separation) row[`origin_separation_${code}`] = origin?.separation[code] ?? 0;
      return row;
    });
    const fields = columnsOf(report.nodes.map(({ origin: _origin, ...rest }) => rest));
    return { columns: [...fields, ...mining.map((c) => `origin_mining_${c}`), ...separation.map((c) => `origin_separation_${c}`)], rows };
  }
  if (table !== 'stages') {
    const rows = report[parseTableName(table)] as unknown as Record<string, Cell>[];
    return { columns: columnsOf(rows), rows };
  }
  const codes = [...new Set(report.stages.flatMap((s) => Object.keys(s.shares)))].sort();
  const rows = report.stages.map(({ shares, ...rest }) => {
    const row: Record<string, Cell> = { ...rest };
    for (const code of codes) row[`share_${code}`] = rest.hhi === null ? null : (shares[code] ?? 0);
    return row;
  });
  const fields = columnsOf(report.stages.map(({ shares: _shares, ...rest }) => rest));
  return { columns: [...fields, ...codes.map((code) => `share_${code}`)], rows };
}

/** One table of the report as CSV text with a header line. */
export function metricsCsv(report: MetricsReport, table: MetricsTable, options: CsvCellOptions = {}): string {
  const { columns, rows } = tableRows(report, parseTableName(table));
  return csvRecords([columns, ...rows.map((row) => columns.map((column) => row[column] ?? ''))], options);
}
