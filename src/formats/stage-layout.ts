/**
 * Stage-column layout: a preset position for every node so the chain reads left to
 * right. x = the index of the node's stage (mining on the left, end use on the right) x
 * column width; within a column, nodes are ordered by country (countries with more
 * nodes first, so each country sits at a similar height in every column), then by
 * label, and centred vertically, with a small gap between country groups.
 * Nodes whose stage is not in the list get a last column; a node with a `column` is put
 * in that column instead (a generic graph's layering, map-style.ts). Labels sort naturally
 * (`end-use-2` before `end-use-10`).
 *
 * A column of more than `maxRows` nodes (default: no limit) wraps into
 * k = ceil(n / maxRows) sub-columns `subColumnWidth` apart, filled in order top to
 * bottom, then left to right, each centred vertically; the columns to its right move
 * right by (k - 1) x subColumnWidth. The map uses it so a stage expanded to a thousand
 * nodes draws as a block, not a strip thousands of rows tall.
 */
import { naturalCompare } from '../scenario/natural-sort.js';

export interface LayoutNode {
  id: string;
  stage: string;
  country: string;
  label: string;
  /** Column to use instead of the stage's (map-style.ts: a generic graph's depth). */
  column?: number;
}

export interface LayoutOptions {
  columnWidth: number;
  rowHeight: number;
  /** Extra space between two country groups in a column, in rows. */
  groupGap: number;
  /** Most nodes in one column before it wraps into sub-columns. */
  maxRows: number;
  /** Distance between the sub-columns of a wrapped column. */
  subColumnWidth: number;
}

export const LAYOUT_DEFAULTS: LayoutOptions = { columnWidth: 180, rowHeight: 44, groupGap: 0.3, maxRows: Infinity, subColumnWidth: 60 };

export type Positions = Record<string, { x: number; y: number }>;

/** Countries ordered by how many nodes they have (most first), then by code. */
export function countryOrder(nodes: readonly LayoutNode[]): string[] {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.country, (counts.get(node.country) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

export function stageLayout(nodes: readonly LayoutNode[], stages: readonly string[], options: Partial<LayoutOptions> = {}): Positions {
  const { columnWidth, rowHeight, groupGap, maxRows, subColumnWidth } = { ...LAYOUT_DEFAULTS, ...options };
  const rank = new Map(countryOrder(nodes).map((code, index) => [code, index]));
  const columns = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    const index = node.column ?? stages.indexOf(node.stage);
    const column = index >= 0 ? index : stages.length;
    const list = columns.get(column) ?? [];
    list.push(node);
    columns.set(column, list);
  }
  const positions: Positions = {};
  const wraps = (list: readonly LayoutNode[]) => Math.max(1, Math.ceil(list.length / maxRows));
  // x of each column: its index x columnWidth, moved right by the extra sub-columns to its left.
  const left = new Map<number, number>();
  let extra = 0;
  for (const column of [...columns.keys()].sort((a, b) => a - b)) {
    left.set(column, column * columnWidth + extra);
    extra += (wraps(columns.get(column) ?? []) - 1) * subColumnWidth;
  }
  for (const [column, list] of columns) {
    list.sort((a, b) => (rank.get(a.country) ?? 0) - (rank.get(b.country) ?? 0) || naturalCompare(a.label, b.label) || naturalCompare(a.id, b.id));
    const k = wraps(list);
    const perColumn = Math.ceil(list.length / k);
    for (let sub = 0; sub < k; sub++) {
      const part = list.slice(sub * perColumn, (sub + 1) * perColumn);
      const offsets: number[] = [];
      let y = 0;
      part.forEach((node, i) => {
        if (i > 0) y += part[i - 1]?.country === node.country ? 1 : 1 + groupGap;
        offsets.push(y);
      });
      const middle = y / 2;
      part.forEach((node, i) => {
        positions[node.id] = { x: (left.get(column) ?? 0) + sub * subColumnWidth, y: ((offsets[i] ?? 0) - middle) * rowHeight };
      });
    }
  }
  return positions;
}
