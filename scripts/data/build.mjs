#!/usr/bin/env node
// Rebuilds graphs/rare-earths-2024.json from the tables in graphs/src/ (`npm run data`).
// The same tables always give the same bytes; tests/data/build.test.ts checks that the
// committed file is what the tables build. Written atomically (temporary file, rename).
//   node scripts/data/build.mjs [--check]   --check: compare only, exit 1 if it differs
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataset, DatasetBuildError, readTables } from './build-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'graphs', 'rare-earths-2024.json');
try {
  const text = buildDataset(readTables(join(root, 'graphs', 'src')));
  if (process.argv.includes('--check')) {
    const same = readFileSync(out, 'utf8') === text;
    console.log(same ? `${out}: up to date` : `${out}: differs from what graphs/src/ builds (run npm run data)`);
    process.exitCode = same ? 0 : 1;
  } else {
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, out);
    console.log(`wrote ${out} (${text.length} bytes)`);
  }
} catch (error) {
  if (!(error instanceof DatasetBuildError)) throw error;
  console.error(error.message);
  process.exitCode = 3;
}
