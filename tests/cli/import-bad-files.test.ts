/**
 * The import bad-input corpus: every file in tests/fixtures/bad-import is refused by
 * `chokepoint import` with exit code 3, a first stderr line `<file>: <element>: <problem>`
 * and no stack trace. How a file is passed follows its name: `*.nodes.csv` as --nodes,
 * `*.edges.csv` as --edges (with ok.nodes.csv as --nodes: nodes a, b), `*.graphml` as
 * --graphml, `*.gexf` as --gexf. Cell-level CSV rules are tested in
 * tests/formats/csv-import.test.ts; this is what a user's file meets at the command line.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import expected from '../fixtures/bad-import/expected.json' with { type: 'json' };
import { cli } from './run-cli.js';

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad-import');
const table = expected as Record<string, string>;

function argsFor(file: string): string[] {
  const path = join(BAD, file);
  if (file.endsWith('.nodes.csv')) return ['--nodes', path];
  if (file.endsWith('.edges.csv')) return ['--nodes', join(BAD, 'ok.nodes.csv'), '--edges', path];
  if (file.endsWith('.graphml')) return ['--graphml', path];
  return ['--gexf', path];
}

describe('chokepoint import on the bad-import corpus', () => {
  // A node or edge id `__proto__` once reached graphology, which then added a `previous`
  // property to Object.prototype (every object of the process): never again.
  afterEach(() => {
    const inherited: string[] = [];
    for (const name in {}) inherited.push(name);
    expect(inherited).toEqual([]);
  });

  it('has an expected message for every file in tests/fixtures/bad-import', async () => {
    const files = (await readdir(BAD)).filter((f) => f !== 'expected.json' && f !== 'ok.nodes.csv').sort();
    expect(files).toEqual(Object.keys(table).sort());
  });

  it('ok.nodes.csv imports (so each edge case fails for its own reason)', async () => {
    expect((await cli('import', '--nodes', join(BAD, 'ok.nodes.csv'))).code).toBe(0);
  });

  for (const [file, message] of Object.entries(table)) {
    it(`${file}: ${message}`, async () => {
      const run = await cli('import', ...argsFor(file));
      expect(run.code).toBe(3);
      expect(run.stderr.split('\n')[0]).toBe(`${join(BAD, file)}: ${message}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    });
  }
});
