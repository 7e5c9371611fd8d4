import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The LP solver loads on request (loadSolver), not at import: once per test file.
    setupFiles: ['tests/setup-solver.ts'],
    // Timeouts only catch hangs. On a busy machine (load 20 on 2 cores) a test that takes
    // 5 s alone can take over 30 s, so the limit is generous; no test asserts elapsed time.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
