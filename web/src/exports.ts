/**
 * The page's downloads of scenario results: CSV text from a table, and file names. Text
 * cells that a spreadsheet would run as a formula get a quote in front, as in every CSV
 * chokepoint writes (`neutraliseCell`, src/formats/csv-neutralise.ts). Pure.
 */
import { neutraliseCell } from '../../src/formats/csv-neutralise.js';
import type { Table } from '../../src/scenario/result-tables.js';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, or starts or ends with whitespace. */
function field(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutraliseCell(value) : String(value);
  if (/^\s|\s$/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tableCsv(table: Table): string {
  return [table.header, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A file name from a title: lower case, words joined by `-`, at most 60 characters. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'scenario';
}
