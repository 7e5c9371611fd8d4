#!/usr/bin/env node
// Entry of the `chokepoint` command: runs the compiled CLI from dist/ (built by
// `npm install` through the `prepare` script, or by `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('chokepoint: not built yet; run `npm install` (or `npm run build`) in the project folder\n');
  process.exit(1);
}
await import(entry.href);
