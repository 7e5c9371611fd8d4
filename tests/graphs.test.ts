/**
 * Every file shipped in graphs/ validates, and every node and edge of a shipped dataset
 * carries a `source` (required of shipped data, optional in the format).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../src/io/read-graph.js';

const GRAPHS = join(import.meta.dirname, '..', 'graphs');
const files = readdirSync(GRAPHS).filter((f) => f.endsWith('.json'));

describe('shipped graphs', () => {
  it('include the default dataset', () => {
    expect(files).toContain('rare-earths-2024.json');
  });

  for (const file of files) {
    describe(file, () => {
      it('validates without warnings', async () => {
        const { warnings } = await readGraphFile(join(GRAPHS, file));
        expect(warnings).toEqual([]);
      });

      it('gives every node and edge a source', async () => {
        const { graph } = await readGraphFile(join(GRAPHS, file));
        const missing = [
          ...graph.filterNodes((_n, a) => !a.source?.trim()).map((n) => `node ${n}`),
          ...graph.filterEdges((_e, a) => !a.source?.trim()).map((e) => `edge ${e}`),
        ];
        expect(missing).toEqual([]);
      });

      it('has a name and a country table covering every country used', async () => {
        const { graph } = await readGraphFile(join(GRAPHS, file));
        const attributes = graph.getAttributes();
        expect(attributes.name).toBeTruthy();
        const table = attributes.countries ?? {};
        const used = new Set(graph.mapNodes((_n, a) => a.country));
        expect([...used].filter((c) => !(c in table))).toEqual([]);
      });
    });
  }
});
