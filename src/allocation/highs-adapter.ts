/**
 * The one adapter between chokepoint's linear programs (`linear-program.ts`) and the
 * HiGHS solver (Huangfu and Hall, "Parallelizing the dual revised simplex method", Math.
 * Prog. Comp. 10 (2018) 119-142), through the npm package `highs` (the WebAssembly build,
 * MIT). Everything else in src/allocation is pure and solver-agnostic.
 *
 * The WebAssembly module loads once, on the first `await loadSolver()` (about 0.3 s of a
 * core, with a tiny warm-up solve), not at import: a command that imports the allocation
 * code but solves no LP does not pay for it. Solves are synchronous, so whoever solves
 * loads the solver first: the CLI commands, workers and server that may solve an LP call
 * `await loadSolver()` before they start; a solve before that is an Error saying so
 * (a programming error, not a user's). Each solve creates a fresh HiGHS
 * instance, passes the LP as sparse arrays (CSR), runs it with output off and disposes
 * it in `finally` (a HiGHS model holds WebAssembly memory that garbage collection does
 * not free). The model status is checked every time: anything but optimal is a
 * ComputationError naming the status, and for an infeasible LP the rows of an
 * irreducible infeasible subsystem when HiGHS finds one.
 *
 * Dual sign: HiGHS reports, for a maximisation too, the change of the objective per unit
 * increase of a row's (or column's) binding bound; `LpSolution` keeps that convention.
 */
import type { Highs } from 'highs';
import { ComputationError } from '../model/errors.js';
import type { LinearProgram, LpBasis, LpSolution, LpStatus } from './linear-program.js';

/** The loaded solver (`loadSolver`), or undefined before. */
let loaded: Highs | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the HiGHS WebAssembly module once (later calls return the same promise; after a
 * failed load the next call tries again) and runs one tiny solve: the first solve in a
 * process compiles much of the solver (WebAssembly tiers up lazily, 0.1-0.5 s), so that
 * cost is paid here rather than by the first real solve.
 */
export function loadSolver(): Promise<void> {
  loading ??= (async () => {
    const highsModule = await import('highs');
    // The package's types are CommonJS-shaped (`default` on the module) while Node loads its
    // ES module build (the loader is the default export): take whichever is the function.
    const exported: unknown = highsModule.default;
    const loader = (typeof exported === 'function' ? exported : (exported as { default: unknown }).default) as () => Promise<Highs>;
    const highs = await loader();
    warmUp(highs);
    loaded = highs;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Whether `loadSolver` has finished (solves may run). */
export const solverLoaded = (): boolean => loaded !== undefined;

/** The loaded solver; an Error when `loadSolver` has not finished (a programming error: see the header). */
function solver(): Highs {
  if (loaded === undefined) throw new Error('allocation/highs-adapter: the LP solver is not loaded: `await loadSolver()` (src/allocation/highs-adapter.ts) before solving a linear program');
  return loaded;
}

export interface SolveLpOptions {
  /** Simplex iteration limit (a deterministic budget; reaching it is a ComputationError). Default: none. */
  iterationLimit?: number;
  /** Start from this basis (of a previous solve of the same rows and columns). Default: HiGHS's own start. */
  basis?: LpBasis;
}

function statusName(highs: Highs, code: number): LpStatus {
  const s = highs.constants.modelStatus;
  if (code === s.optimal) return 'optimal';
  if (code === s.infeasible) return 'infeasible';
  if (code === s.unbounded) return 'unbounded';
  if (code === s.unboundedOrInfeasible) return 'infeasible-or-unbounded';
  return 'other';
}

/** HiGHS's simplex_strategy value for the primal simplex (kSimplexStrategyPrimal). */
const PRIMAL_SIMPLEX = 4;

type Model = ReturnType<Highs['createModel']>;

/** A fresh HiGHS model of `lp`, output and presolve off; the caller disposes it. */
function createModel(highs: Highs, lp: LinearProgram, options: SolveLpOptions): Model {
  const finite = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const numCols = lp.columnNames.length;
  const numRows = lp.rowNames.length;
  const model = highs.createModel({
    numCols,
    numRows,
    sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: lp.cost,
    colLower: lp.colLower.map(finite),
    colUpper: lp.colUpper.map(finite),
    rowLower: lp.rowLower.map(finite),
    rowUpper: lp.rowUpper.map(finite),
    matrix: { format: 'csr', numRows, numCols, starts: lp.rowStart, indices: lp.index, values: lp.value },
  });
  try {
    // Presolve off: these LPs are small and sparse, presolve costs more than it saves, and
    // duals then come straight from the final basis of the model as built.
    model.options.set({ output_flag: false, presolve: 'off' });
    if (options.iterationLimit !== undefined) model.options.set({ simplex_iteration_limit: options.iterationLimit });
    if (options.basis) model.setBasis(options.basis);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

/** Runs `model` and throws ComputationError unless it is solved to optimality. */
function runOptimal(highs: Highs, model: Model, lp: LinearProgram): void {
  const code = model.run().modelStatus;
  const status = statusName(highs, code);
  if (status === 'optimal') return;
  let conflict = '';
  if (status === 'infeasible') {
    try {
      const rows = [...model.getIis().rowIndex].slice(0, 10).map((i) => lp.rowNames[i] ?? `#${i}`);
      if (rows.length > 0) conflict = `; conflicting rows: ${rows.join(', ')}`;
    } catch {
      // no IIS: the status alone is reported
    }
  }
  const label = status === 'other' ? `HiGHS model status ${code}` : status;
  throw new ComputationError(`allocation: the linear program (${lp.rowNames.length} rows, ${lp.columnNames.length} columns) is not solved to optimality: ${label}${conflict}`);
}

/** Solves `lp` with HiGHS; returns the optimal solution or throws ComputationError. */
export function solveLp(lp: LinearProgram, options: SolveLpOptions = {}): LpSolution {
  const numRows = lp.rowNames.length;
  if (lp.columnNames.length === 0) return { objective: 0, columnValue: new Float64Array(0), columnDual: new Float64Array(0), rowValue: new Float64Array(numRows), rowDual: new Float64Array(numRows) };
  const highs = solver();
  const model = createModel(highs, lp, options);
  try {
    runOptimal(highs, model, lp);
    const solution = model.getSolution();
    const { colStatus, rowStatus } = model.getBasis();
    return { objective: model.getObjectiveValue(), columnValue: solution.colValue, columnDual: solution.colDual, rowValue: solution.rowValue, rowDual: solution.rowDual, basis: { colStatus, rowStatus } };
  } finally {
    model.dispose();
  }
}

/**
 * The optimal objective of `lp` under each cost vector of `costs` in turn (same
 * constraints): one HiGHS model, the first solve from `options.basis` when given, each
 * next one warm-started from the previous optimal basis. A solve that starts from an
 * optimal basis of other costs uses the primal simplex: that basis is still primal
 * feasible (only costs changed), so primal simplex goes on from it, while the dual simplex
 * would first have to restore dual feasibility (about half the time on the allocation
 * LPs). The optimal objective is the same whichever simplex finds it.
 */
export function solveLpObjectives(lp: LinearProgram, costs: readonly (readonly number[])[], options: SolveLpOptions = {}): number[] {
  const numCols = lp.columnNames.length;
  if (numCols === 0) return costs.map(() => 0);
  const highs = solver();
  const model = createModel(highs, lp, options);
  try {
    let primal = false;
    // The model's costs so far: each new vector is passed as the entries that differ (the
    // costs HiGHS then holds are the same as when passing the whole vector).
    let current: readonly number[] = lp.cost;
    return costs.map((cost, i) => {
      if (!primal && (i > 0 || options.basis)) {
        model.options.set({ simplex_strategy: PRIMAL_SIMPLEX });
        primal = true;
      }
      const changed: number[] = [];
      for (let j = 0; j < numCols; j++) if (!Object.is(cost[j], current[j])) changed.push(j);
      if (changed.length === 0) changed.push(0);
      model.changeColsCost({ kind: 'set', indices: changed }, changed.map((j) => cost[j] as number));
      current = cost;
      runOptimal(highs, model, lp);
      return model.getObjectiveValue();
    });
  } finally {
    model.dispose();
  }
}

/** One tiny solve (see `loadSolver`). */
function warmUp(highs: Highs): void {
  const warm = createModel(
    highs,
    { sense: 'max', columnNames: ['a', 'b'], columnIndex: new Map(), cost: [1, 1], colLower: [0, 0], colUpper: [Infinity, 1], rowNames: ['r'], rowIndex: new Map(), rowLower: [-Infinity], rowUpper: [2], rowStart: [0, 2], index: [0, 1], value: [1, 1] },
    {},
  );
  try {
    runOptimal(highs, warm, { rowNames: ['r'], columnNames: ['a', 'b'] } as LinearProgram);
  } finally {
    warm.dispose();
  }
}
