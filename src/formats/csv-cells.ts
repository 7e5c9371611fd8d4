/**
 * CSV formula injection (CWE-1236): a spreadsheet opening a CSV file runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`),
 * and a leading tab or carriage return can hide such a start. Every CSV chokepoint writes
 * follows the OWASP rule: a text cell that starts with one of `= + - @`, tab or CR gets a
 * single quote in front (`'=1+2`), which spreadsheets show as text. Numbers are written
 * as they are (`-0.25` is a number, not a formula), and so is a text cell that is exactly
 * a plain decimal number. Machine consumers that want the cells unchanged turn it off
 * (`--raw-csv` on the CLI); the quote is then theirs to keep or strip. Reference: OWASP,
 * "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from './csv-neutralise.js';

export { neutraliseCell };

export interface CsvCellOptions {
  /** Write text cells exactly as they are (no quote prefix). Default false. */
  raw?: boolean;
}

/**
 * CSV text (RFC 4180) of the records, the first one the header, text cells neutralised
 * unless `raw`. A cell that starts or ends with whitespace is quoted: the importer trims
 * unquoted cells (hand-written tables), and quoting keeps a node key such as " a" intact.
 */
export function csvRecords(records: readonly (readonly unknown[])[], options: CsvCellOptions = {}): string {
  const cells = options.raw ? records : records.map((record) => record.map((value) => (typeof value === 'string' ? neutraliseCell(value) : value)));
  return stringify(cells as unknown[][], { quoted_match: /^\s|\s$/, cast: { boolean: (value) => String(value), number: (value) => String(value) } });
}
