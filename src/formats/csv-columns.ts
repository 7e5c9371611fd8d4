/**
 * The spreadsheet columns of the node and edge tables, shared by the CSV export and the
 * CSV import so that an exported table can be edited and imported again. Each known
 * column maps to an attribute and a value kind. Columns not listed here are other
 * attributes. A column named like the identity columns (`key`; `source`, `target`,
 * `key` on edges) cannot be an attribute, so such an attribute is written with the suffix
 * `_ref`: an edge's citation `source` is the column `source_ref`.
 */

export type CellKind = 'text' | 'number' | 'integer';

export interface ColumnSpec {
  /** Column header as written. */
  column: string;
  /** The attribute it holds; `undefined` for identity columns (key, source, target). */
  attribute?: string;
  kind: CellKind;
  required?: boolean;
}

export const NODE_COLUMNS: readonly ColumnSpec[] = [
  { column: 'key', kind: 'text', required: true },
  { column: 'label', attribute: 'label', kind: 'text' },
  { column: 'stage', attribute: 'stage', kind: 'text' },
  { column: 'country', attribute: 'country', kind: 'text' },
  { column: 'capacity', attribute: 'capacity', kind: 'number' },
  { column: 'status', attribute: 'status', kind: 'text' },
  { column: 'startYear', attribute: 'startYear', kind: 'integer' },
  { column: 'source', attribute: 'source', kind: 'text' },
  { column: 'notes', attribute: 'notes', kind: 'text' },
  { column: 'confidence', attribute: 'confidence', kind: 'text' },
];

/** Edge columns; `key` (the edge key, default `source->target`) is optional and last. */
export const EDGE_COLUMNS: readonly ColumnSpec[] = [
  { column: 'source', kind: 'text', required: true },
  { column: 'target', kind: 'text', required: true },
  { column: 'flow', attribute: 'flow', kind: 'number' },
  { column: 'capacity', attribute: 'capacity', kind: 'number' },
  { column: 'material', attribute: 'material', kind: 'text' },
  { column: 'source_ref', attribute: 'source', kind: 'text' },
  { column: 'notes', attribute: 'notes', kind: 'text' },
  { column: 'key', kind: 'text' },
];

/** Header names that are identity columns, so attributes of that name take `_ref`. */
export const NODE_IDENTITY_COLUMNS: ReadonlySet<string> = new Set(['key']);
export const EDGE_IDENTITY_COLUMNS: ReadonlySet<string> = new Set(['source', 'target', 'key']);

/** Column header of an attribute not in the known columns. */
export function otherColumn(attribute: string, identity: ReadonlySet<string>): string {
  return identity.has(attribute) || identity.has(attribute.replace(/_ref$/, '')) ? `${attribute}_ref` : attribute;
}

/** Attribute name of a header not in the known columns (the inverse of `otherColumn`). */
export function otherAttribute(column: string, identity: ReadonlySet<string>): string {
  const base = column.replace(/_ref$/, '');
  return column !== base && (identity.has(base) || identity.has(base.replace(/_ref$/, ''))) ? base : column;
}

/** Header comparison: case, spaces, `_` and `-` do not matter (`Start Year` = `startYear`). */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}
