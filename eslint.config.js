import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'web/dist/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/model/**', 'src/metrics/**', 'src/scenario/**', 'src/formats/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'express', 'fs', 'path'] }],
      'no-console': 'error',
    },
  },
  {
    // The threaded betweenness, knockout, sweep and scenario runners, their worker entries and the worker
    // pool they share (src/metrics/worker-pool.ts) are runtime
    // adapters: they may use node:worker_threads and node:os (the algorithms stay pure).
    files: [
      'src/metrics/centrality/betweenness-parallel.ts',
      'src/metrics/centrality/betweenness-worker.ts',
      'src/metrics/flow/knockout-parallel.ts',
      'src/metrics/flow/knockout-worker.ts',
      'src/metrics/worker-pool.ts',
      'src/scenario/sweep-parallel.ts',
      'src/scenario/sweep-worker.ts',
      'src/scenario/evaluate-parallel.ts',
      'src/scenario/baseline-worker.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
