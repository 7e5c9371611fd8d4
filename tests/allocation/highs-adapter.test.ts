/**
 * highs-adapter.ts: the solver loads on `loadSolver()`, not at import. A fresh copy of the
 * module (vi.resetModules: the setup file loaded another copy) refuses to solve before it
 * is loaded, with an Error naming loadSolver; after `await loadSolver()` the same LP is
 * solved (a hand-solved one: max x + y, x + y <= 2, y <= 1 -> 2). Loading twice is one load.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LinearProgram } from '../../src/allocation/linear-program.js';

type Adapter = typeof import('../../src/allocation/highs-adapter.js');

const lp: LinearProgram = {
  sense: 'max',
  columnNames: ['x', 'y'],
  columnIndex: new Map([['x', 0], ['y', 1]]),
  cost: [1, 1],
  colLower: [0, 0],
  colUpper: [Infinity, 1],
  rowNames: ['cap'],
  rowIndex: new Map([['cap', 0]]),
  rowLower: [-Infinity],
  rowUpper: [2],
  rowStart: [0, 2],
  index: [0, 1],
  value: [1, 1],
};

async function freshAdapter(): Promise<Adapter> {
  vi.resetModules();
  return import('../../src/allocation/highs-adapter.js');
}

describe('loadSolver', () => {
  it('a solve before the load is an Error that names loadSolver; after it, the LP is solved', async () => {
    const adapter = await freshAdapter();
    expect(adapter.solverLoaded()).toBe(false);
    expect(() => adapter.solveLp(lp)).toThrow(/not loaded.*await loadSolver\(\)/);
    expect(() => adapter.solveLpObjectives(lp, [[1, 0]])).toThrow(/not loaded/);
    const first = adapter.loadSolver();
    expect(adapter.loadSolver()).toBe(first);
    await first;
    expect(adapter.solverLoaded()).toBe(true);
    expect(adapter.solveLp(lp).objective).toBeCloseTo(2, 12);
    expect(adapter.solveLpObjectives(lp, [[1, 0], [0, 1]])).toEqual([2, 1]);
  });

  it('an LP without columns needs no solver', async () => {
    const adapter = await freshAdapter();
    const empty: LinearProgram = { ...lp, columnNames: [], columnIndex: new Map(), cost: [], colLower: [], colUpper: [], rowStart: [0, 0], index: [], value: [] };
    expect(adapter.solveLp(empty).objective).toBe(0);
  });
});
