/**
 * Vitest setup file (run in every test file's context before its tests): loads the LP
 * solver (src/allocation/highs-adapter.ts `loadSolver`), as every CLI command, worker and
 * the server do before they solve, so tests may call the synchronous solve functions
 * directly. tests/allocation/highs-adapter.test.ts checks a fresh copy of the adapter
 * without it.
 */
import { loadSolver } from '../src/allocation/highs-adapter.js';

await loadSolver();
