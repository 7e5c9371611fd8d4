/**
 * A linear program as data: named columns (variables) with bounds and costs, named rows
 * (constraints) with bounds, and the sparse matrix row by row (CSR).
 *
 *   maximise (or minimise)  sum_j cost_j x_j
 *   subject to              rowLower_i <= sum_j A_ij x_j <= rowUpper_i
 *                           colLower_j <= x_j <= colUpper_j
 *
 * Infinite bounds are JavaScript's Infinity. Built by pure functions (the allocation LP,
 * `allocation-lp.ts`) and solved behind one adapter (`highs-adapter.ts`); results are read
 * back by the same names, so a dual traces to "capacity of node X". Names must be unique
 * within columns and within rows: a repeated name is a programming error (plain Error).
 */

export type Sense = 'max' | 'min';

export interface LinearProgram {
  sense: Sense;
  columnNames: string[];
  columnIndex: Map<string, number>;
  cost: number[];
  colLower: number[];
  colUpper: number[];
  rowNames: string[];
  rowIndex: Map<string, number>;
  rowLower: number[];
  rowUpper: number[];
  /** CSR: row i has entries rowStart[i] .. rowStart[i+1]-1 of `index` (columns) and `value`. */
  rowStart: number[];
  index: number[];
  value: number[];
}

/** One coefficient of a row: column index and value. */
export type RowEntry = readonly [column: number, value: number];

/** Builds a LinearProgram column by column and row by row. */
export class LpBuilder {
  readonly lp: LinearProgram;

  constructor(sense: Sense) {
    this.lp = { sense, columnNames: [], columnIndex: new Map(), cost: [], colLower: [], colUpper: [], rowNames: [], rowIndex: new Map(), rowLower: [], rowUpper: [], rowStart: [0], index: [], value: [] };
  }

  /** Adds a column and returns its index. */
  column(name: string, lower: number, upper: number, cost = 0): number {
    const lp = this.lp;
    if (lp.columnIndex.has(name)) throw new Error(`allocation/linear-program: duplicate column "${name}"`);
    const j = lp.columnNames.length;
    lp.columnNames.push(name);
    lp.columnIndex.set(name, j);
    lp.cost.push(cost);
    lp.colLower.push(lower);
    lp.colUpper.push(upper);
    return j;
  }

  /** Adds a row `lower <= sum entries <= upper` and returns its index. Zero coefficients are dropped; repeated columns are summed. */
  row(name: string, lower: number, upper: number, entries: Iterable<RowEntry>): number {
    const lp = this.lp;
    if (lp.rowIndex.has(name)) throw new Error(`allocation/linear-program: duplicate row "${name}"`);
    // columns in order of first appearance, values summed in entry order (a linear
    // search while the row is short, a map from its 16th column on)
    const columns: number[] = [];
    const values: number[] = [];
    const at = new Map<number, number>();
    for (const [column, value] of entries) {
      if (columns.length === 16 && at.size === 0) columns.forEach((c, i) => at.set(c, i));
      const k = at.size > 0 ? (at.get(column) ?? -1) : columns.indexOf(column);
      if (k >= 0) values[k] = (values[k] as number) + value;
      else {
        if (at.size > 0) at.set(column, columns.length);
        columns.push(column);
        values.push(0 + value);
      }
    }
    for (let k = 0; k < columns.length; k++) {
      if (values[k] === 0) continue;
      lp.index.push(columns[k] as number);
      lp.value.push(values[k] as number);
    }
    const i = lp.rowNames.length;
    lp.rowNames.push(name);
    lp.rowIndex.set(name, i);
    lp.rowLower.push(lower);
    lp.rowUpper.push(upper);
    lp.rowStart.push(lp.index.length);
    return i;
  }
}

/** Status of a solve, as reported by the solver. */
export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'infeasible-or-unbounded' | 'other';

/**
 * A simplex basis: per column and per row, 0 at its lower bound, 1 basic, 2 at its upper
 * bound, 3 free at zero, 4 nonbasic (HiGHS's codes). A solve may start from the basis of
 * a previous solve of the same rows and columns (a warm start: same optimum, fewer
 * iterations).
 */
export interface LpBasis {
  colStatus: Int32Array;
  rowStatus: Int32Array;
}

/** An optimal solution, read back by column and row index (names: the LP's maps). */
export interface LpSolution {
  objective: number;
  /** Primal value per column. */
  columnValue: Float64Array;
  /** Reduced cost per column: objective change per unit of the column's binding bound. */
  columnDual: Float64Array;
  /** Activity sum_j A_ij x_j per row. */
  rowValue: Float64Array;
  /** Dual value per row: objective change per unit increase of the row's binding bound. */
  rowDual: Float64Array;
  /** The optimal basis (absent for an LP without columns). */
  basis?: LpBasis;
}

/** Primal value of the column called `name` (0 when the LP has no such column). */
export function valueOf(lp: LinearProgram, solution: LpSolution, name: string): number {
  const j = lp.columnIndex.get(name);
  return j === undefined ? 0 : (solution.columnValue[j] ?? 0);
}

/** Dual value of the row called `name` (0 when the LP has no such row). */
export function dualOf(lp: LinearProgram, solution: LpSolution, name: string): number {
  const i = lp.rowIndex.get(name);
  return i === undefined ? 0 : (solution.rowDual[i] ?? 0);
}

/** An LP with some columns removed, and where each column of the original went. */
export interface RestrictedLp {
  lp: LinearProgram;
  /** New index of each original column, -1 when removed. */
  column: Int32Array;
}

/**
 * `lp` with the columns `keep[j] === 0` fixed at 0 and removed: the same LP as `lp` with
 * those columns' bounds set to [0, 0] (their lower bounds must be <= 0 <= their upper
 * bounds, else a plain Error). A row left without entries is removed when 0 is within its
 * bounds (it then holds for every plan), kept empty otherwise (it makes the LP infeasible,
 * as it does the original with the columns fixed).
 */
export function restrictColumns(lp: LinearProgram, keep: ArrayLike<number>): RestrictedLp {
  const m = lp.columnNames.length;
  const column = new Int32Array(m).fill(-1);
  const out: LinearProgram = { sense: lp.sense, columnNames: [], columnIndex: new Map(), cost: [], colLower: [], colUpper: [], rowNames: [], rowIndex: new Map(), rowLower: [], rowUpper: [], rowStart: [0], index: [], value: [] };
  for (let j = 0; j < m; j++) {
    const lower = lp.colLower[j] as number;
    const upper = lp.colUpper[j] as number;
    if (keep[j] === 0) {
      if (!(lower <= 0 && upper >= 0)) throw new Error(`allocation/linear-program: column "${lp.columnNames[j]}" cannot be fixed at 0 (bounds ${lower}, ${upper})`);
      continue;
    }
    column[j] = out.columnNames.length;
    out.columnIndex.set(lp.columnNames[j] as string, out.columnNames.length);
    out.columnNames.push(lp.columnNames[j] as string);
    out.cost.push(lp.cost[j] as number);
    out.colLower.push(lower);
    out.colUpper.push(upper);
  }
  for (let i = 0; i < lp.rowNames.length; i++) {
    const before = out.index.length;
    for (let p = lp.rowStart[i] as number; p < (lp.rowStart[i + 1] as number); p++) {
      const j = column[lp.index[p] as number] as number;
      if (j < 0) continue;
      out.index.push(j);
      out.value.push(lp.value[p] as number);
    }
    const lower = lp.rowLower[i] as number;
    const upper = lp.rowUpper[i] as number;
    if (out.index.length === before && lower <= 0 && upper >= 0) continue;
    out.rowIndex.set(lp.rowNames[i] as string, out.rowNames.length);
    out.rowNames.push(lp.rowNames[i] as string);
    out.rowLower.push(lower);
    out.rowUpper.push(upper);
    out.rowStart.push(out.index.length);
  }
  return { lp: out, column };
}
