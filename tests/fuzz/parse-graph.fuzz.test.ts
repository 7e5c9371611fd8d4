/**
 * Fuzz: mutated valid graphs either load or fail with an InputError naming the file;
 * nothing else is thrown and nothing hangs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { mutate, mutationArbitrary } from './mutate.js';

const tiny = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json'), 'utf8')) as unknown;

describe('parseGraph under mutation', () => {
  it('gives a graph or an InputError, never anything else', () => {
    fc.assert(
      fc.property(mutationArbitrary, (mutations) => {
        const doc = mutate(tiny, mutations);
        try {
          const { graph } = parseGraph(doc, 'fuzz.json');
          expect(graph.order).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).message.startsWith('fuzz.json: ')).toBe(true);
        }
      }),
      { seed: 20261126, numRuns: 2000 },
    );
  });
});
