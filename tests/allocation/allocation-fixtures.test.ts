/**
 * The allocation bound against an independent solver: tests/fixtures/pulp/allocation-*.json,
 * computed by scripts/fixtures/allocation.py with PuLP and COIN-OR CBC from the model in
 * docs/scenarios.md (small hand-made cases and random layered graphs with materials, cut and
 * reduced capacities, explicit alternative recipes and demands). Compared: delivered supply
 * (objectives total and fair), the fair level, and (objective total) the shadow prices of
 * node capacity where the dual is unique (the script keeps only those whose left and right
 * finite differences agree). Tolerances are relative to the quantities compared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveAllocation } from '../../src/allocation/index.js';
import { parseGraph } from '../../src/model/parse-graph.js';

interface Fixture {
  name: string;
  graph: unknown;
  results: Record<'total' | 'fair', { delivered: number; fairLevel: number | null; shadowPrice?: Record<string, number> }>;
}

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pulp');
const files = readdirSync(DIR).filter((f) => f.startsWith('allocation-')).sort();
const near = (actual: number, expected: number, relative: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('solveAllocation against PuLP + CBC', () => {
  it('has the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(10));

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Fixture;
    it(fixture.name, () => {
      const { graph } = parseGraph(fixture.graph, file);
      for (const objective of ['total', 'fair'] as const) {
        const expected = fixture.results[objective];
        const result = solveAllocation(graph, { objective });
        near(result.delivered, expected.delivered, 1e-6);
        if (expected.fairLevel === null) expect(result.fairLevel).toBeNull();
        else near(result.fairLevel ?? NaN, expected.fairLevel, 1e-6);
        for (const [node, price] of Object.entries(expected.shadowPrice ?? {})) near(result.shadowPrice.nodes[node] ?? NaN, price, 1e-5);
      }
    });
  }
});
