/** Plain-text tables for terminal reports: columns padded, numbers right-aligned. */

export type Cell = string | number | boolean | null | undefined;

function show(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell.toLocaleString('en-US');
    return Math.abs(cell) >= 100 ? cell.toLocaleString('en-US', { maximumFractionDigits: 1 }) : cell.toPrecision(4);
  }
  return String(cell);
}

export function formatTable(header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map(show));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  const numeric = header.map((_h, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || row[i] == null));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n') + '\n';
}
