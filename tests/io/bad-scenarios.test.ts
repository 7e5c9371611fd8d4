/**
 * The scenario bad-input corpus: every file in tests/fixtures/bad-scenarios is refused by
 * readScenarioFile with an InputError naming the file and the element (the action by
 * index and type), and by `chokepoint scenario --scenario FILE` with exit code 3, that
 * message on stderr and no stack trace. The graph is tests/fixtures/graphs/tiny.json
 * (countries CN, AU, MY, JP, SE; nodes cn-mine, cn-sep, ...; materials "mixed
 * concentrate" and "NdPr oxide"). The scenario schema's own cases are in
 * tests/scenario/parse-scenario.test.ts; this corpus is what a user's file meets.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/io/read-graph.js';
import { readScenarioFile } from '../../src/io/read-scenario.js';
import { InputError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { cli } from '../cli/run-cli.js';
import expected from '../fixtures/bad-scenarios/expected.json' with { type: 'json' };

const BAD = join(import.meta.dirname, '..', 'fixtures', 'bad-scenarios');
const TINY = join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json');
const table = expected as Record<string, string>;
let graph: SupplyGraph;

beforeAll(async () => {
  graph = (await readGraphFile(TINY)).graph;
});

describe('readScenarioFile on the bad-scenario corpus', () => {
  it('has an expected message for every file in tests/fixtures/bad-scenarios', async () => {
    const files = (await readdir(BAD)).filter((f) => f !== 'expected.json').sort();
    expect(files).toEqual(Object.keys(table).sort());
  });

  for (const [file, message] of Object.entries(table)) {
    it(`${file}: ${message}`, async () => {
      const path = join(BAD, file);
      const error = await readScenarioFile(path, graph).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).file).toBe(path);
      expect((error as InputError).message).toContain(`${path}: ${message}`);

      const run = await cli('scenario', TINY, '--scenario', path);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`${path}: ${message}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    });
  }
});
