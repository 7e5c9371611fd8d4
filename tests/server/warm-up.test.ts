/**
 * warmUp: after the listing, the baseline of every small listed graph and one scenario
 * (its country with the most nodes offline) are evaluated on the pool; files that failed
 * to load are skipped, and an
 * error ends the warm-up without throwing past its promise's catch.
 */
import { describe, expect, it } from 'vitest';
import type { ComputePool } from '../../src/server/compute-pool.js';
import { GraphStore } from '../../src/server/graph-store.js';
import { warmUp } from '../../src/server/warm-up.js';
import { FIXTURE_GRAPHS } from './helpers.js';

const LIMITS = { scenarioMs: 20_000, answerBytes: 1 << 20 };

function fakePool(fail = false): { pool: ComputePool; calls: { graph: unknown; job: unknown }[] } {
  const calls: { graph: unknown; job: unknown }[] = [];
  const pool = {
    runJson: (graph: unknown, job: unknown) => {
      calls.push({ graph, job });
      return fail ? Promise.reject(new Error('busy')) : Promise.resolve(Buffer.from('{}'));
    },
  } as unknown as ComputePool;
  return { pool, calls };
}

describe('warmUp', () => {
  it('evaluates the baseline of each small listed graph, skipping broken files', async () => {
    const store = new GraphStore(FIXTURE_GRAPHS);
    const { pool, calls } = fakePool();
    await warmUp(store, pool, LIMITS);
    const listed = (await store.list()).filter((g) => 'nodes' in g);
    expect(listed.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(2 * listed.length);
    for (const [k, entry] of listed.entries()) {
      const { graph } = await store.load(entry.id);
      const countries = graph.mapNodes((_n, a) => a.country);
      const top = [...new Set(countries)].sort((a, b) => countries.filter((c) => c === b).length - countries.filter((c) => c === a).length || a.localeCompare(b))[0];
      expect(calls[2 * k]).toEqual({ graph, job: { type: 'scenario', scenario: { name: 'baseline', actions: [] }, options: {} } });
      expect(calls[2 * k + 1]).toEqual({ graph, job: { type: 'scenario', scenario: { name: 'warm-up', actions: [{ type: 'disableCountry', country: top }] }, options: {} } });
    }
  });

  it('stops at the first error, which its promise carries', async () => {
    const { pool, calls } = fakePool(true);
    await expect(warmUp(new GraphStore(FIXTURE_GRAPHS), pool, LIMITS)).rejects.toThrow('busy');
    expect(calls).toHaveLength(1);
  });
});
