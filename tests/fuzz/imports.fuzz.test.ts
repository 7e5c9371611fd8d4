/**
 * Fuzz (issue 14): the importers under mutated input. GraphML, GEXF and CSV exports of a
 * small graph are mutated as text (cut, doubled, spliced, with reserved names, odd
 * characters and nesting inserted at random places); each import either gives a graph or
 * fails with an InputError naming the file. Nothing else is thrown, nothing hangs, and
 * Object.prototype is never touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/formats/csv-export.js';
import { fromCsv } from '../../src/formats/csv-import.js';
import { fromGexf, toGexf } from '../../src/formats/gexf.js';
import { fromGraphml, toGraphml } from '../../src/formats/graphml.js';
import { InputError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { ODD_KEYS } from './mutate.js';

const tiny = parseGraph(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json'), 'utf8')), 'tiny.json').graph;

const INSERTS = [...ODD_KEYS, '<', '>', '&', '"', "'", ',', ';', '\n', '\r\n', '\t', '\u0000', '<a>', '</a>', '<!--', ']]>', '<![CDATA[', '&amp;', '&#0;', '=cmd|', '"""'];

/** One text edit: where (a fraction of the length) and what. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...INSERTS) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('double' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('replace' as const), from: fc.constantFrom('stage', 'country', 'flow', 'id', 'key', 'source', 'target', 'for', 'title'), to: fc.constantFrom(...ODD_KEYS) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.kind === 'replace') {
      out = out.replace(e.from, e.to);
      continue;
    }
    const at = Math.floor(e.at * out.length);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'cut') out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at + e.length) + out.slice(at, at + e.length) + out.slice(at + e.length);
  }
  return out;
}

function expectGraphOrInputError(run: () => { graph: { order: number } }, ...files: string[]): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).message;
    expect(files.some((file) => message.startsWith(`${file}: `)), message).toBe(true);
  }
}

const edits = fc.array(edit, { minLength: 1, maxLength: 5 });
const polluted = () => Object.getOwnPropertyNames(Object.prototype).length;
const CLEAN = polluted();
afterEach(() => expect(polluted()).toBe(CLEAN));

describe('importers under mutated text', () => {
  it('GEXF: a graph or an InputError', () => {
    const text = toGexf(tiny);
    fc.assert(fc.property(edits, (e) => expectGraphOrInputError(() => fromGexf(apply(text, e), 'fuzz.gexf'), 'fuzz.gexf')), { seed: 20261203, numRuns: 400 });
  });

  it('GraphML: a graph or an InputError', () => {
    const text = toGraphml(tiny);
    fc.assert(fc.property(edits, (e) => expectGraphOrInputError(() => fromGraphml(apply(text, e), 'fuzz.graphml'), 'fuzz.graphml')), { seed: 20261204, numRuns: 400 });
  });

  it('CSV node and edge tables: a graph or an InputError', () => {
    const nodes = toCsv(tiny, undefined, 'nodes', { raw: true });
    const edgesText = toCsv(tiny, undefined, 'edges', { raw: true });
    fc.assert(
      fc.property(edits, edits, (a, b) =>
        expectGraphOrInputError(() => fromCsv({ file: 'nodes.csv', text: apply(nodes, a) }, { file: 'edges.csv', text: apply(edgesText, b) }), 'nodes.csv', 'edges.csv', 'nodes.csv and edges.csv'),
      ),
      { seed: 20261205, numRuns: 400 },
    );
  });
});
