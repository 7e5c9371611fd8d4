import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComputationError, UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { knockoutLoss } from '../../src/metrics/flow/knockout.js';
import { sweepScenarios } from '../../src/scenario/sweep.js';
import { build, chain } from './graphs.js';

describe('sweepScenarios', () => {
  it('takes each country offline in turn and ranks by loss', () => {
    // CN offline: m1, s1, mag1, e1 -> nothing reaches any sink: loss 1.
    // MM offline: 40 of 100 lost under both bounds.
    // JP offline (mag2): s1 -> mag1 takes at most 70: loss 0.3 both.
    // US offline (the sink e2): loss 0.3 both. JP and US tie: rank 3 each.
    // Allocation: the same (MM offline: s1 runs at 60, shipping 42 NdPr + 18 Dy/Tb oxide).
    const r = sweepScenarios(chain());
    expect(r.by).toBe('country');
    expect(r.mode).toBe('disable');
    expect(r.bound).toBe('maxFlow');
    expect(r.baseline).toEqual({ maxFlow: 100, allocation: expect.closeTo(100, 9), proportional: 100 });
    expect(r.rows.map((row) => [row.id, row.loss.allocation, row.rank.allocation])).toEqual([
      ['CN', expect.closeTo(1, 9), 1],
      ['MM', expect.closeTo(0.4, 9), 2],
      ['JP', expect.closeTo(0.3, 9), 3],
      ['US', expect.closeTo(0.3, 9), 3],
    ]);
    expect(r.rows.map((row) => [row.id, row.nodes, row.loss.maxFlow, row.loss.proportional, row.rank.maxFlow, row.rank.proportional])).toEqual([
      ['CN', 4, 1, 1, 1, 1],
      ['MM', 1, expect.closeTo(0.4, 12), expect.closeTo(0.4, 12), 2, 2],
      ['JP', 1, expect.closeTo(0.3, 12), expect.closeTo(0.3, 12), 3, 3],
      ['US', 1, expect.closeTo(0.3, 12), expect.closeTo(0.3, 12), 3, 3],
    ]);
  });

  it('embargoes each country in turn', () => {
    // Only CN exports (s1 -> mag2, 30); MM's 40 t go to China, so an MM embargo cuts them;
    // JP's magnets go to the US (mag2 -> e2, 30). Allocation under the CN embargo: max flow
    // reroutes the 30 t to mag1 -> e1, but s1 yields NdPr and Dy/Tb oxide in fixed shares
    // (0.7 / 0.3), mag1 uses only NdPr and e1 takes at most its 70: 30 lost.
    const r = sweepScenarios(chain({ s1Mag1Capacity: 100 }), { mode: 'embargo' });
    const row = (id: string) => r.rows.find((x) => x.id === id);
    expect(row('CN')?.loss).toEqual({ maxFlow: expect.closeTo(0, 12), allocation: expect.closeTo(0.3, 9), proportional: expect.closeTo(0.3, 12) });
    expect(row('MM')?.loss).toEqual({ maxFlow: expect.closeTo(0.4, 12), allocation: expect.closeTo(0.4, 9), proportional: expect.closeTo(0.4, 12) });
    expect(row('JP')?.loss.proportional).toBeCloseTo(0.3, 12);
    expect(row('US')?.loss).toEqual({ maxFlow: 0, allocation: expect.closeTo(0, 9), proportional: 0 });
    // Ranked by the allocation bound: MM (0.4) first, whereas by max flow... MM (0.4) too; CN and JP tie at 0.3 by allocation.
    const byAllocation = sweepScenarios(chain({ s1Mag1Capacity: 100 }), { mode: 'embargo', bound: 'allocation' });
    expect(byAllocation.bound).toBe('allocation');
    expect(byAllocation.rows[0]?.id).toBe('MM');
  });

  it('by node skips sinks and reports progress', () => {
    const seen: [number, number][] = [];
    const r = sweepScenarios(chain(), { by: 'node', onProgress: (done, total) => seen.push([done, total]) });
    expect(r.rows.map((row) => row.id)).toEqual(['s1', 'mag1', 'm1', 'm2', 'mag2']);
    expect(seen).toHaveLength(5);
    expect(seen[4]).toEqual([5, 5]);
  });

  it('its disable max-flow loss equals knockoutLoss on the default dataset', () => {
    // An independent route to the same number: knockout.ts blocks vertices in one solved
    // network (warm start); the sweep zeroes capacities and solves again.
    const file = join(import.meta.dirname, '..', '..', 'graphs', 'rare-earths-2024.json');
    const { graph } = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file);
    const knockout = knockoutLoss(graph);
    for (const row of sweepScenarios(graph).rows) expect(row.loss.maxFlow, row.id).toBeCloseTo(knockout.countries[row.id] ?? NaN, 9);
    for (const row of sweepScenarios(graph, { by: 'node' }).rows) expect(row.loss.maxFlow, row.id).toBeCloseTo(knockout.nodes[row.id] ?? NaN, 9);
  });

  it('rejects bad options', () => {
    expect(() => sweepScenarios(chain(), { by: 'node', mode: 'embargo' })).toThrow(UsageError);
    expect(() => sweepScenarios(chain(), { by: 'region' as never })).toThrow(UsageError);
    expect(() => sweepScenarios(chain(), { mode: 'ban' as never })).toThrow(UsageError);
    expect(() => sweepScenarios(chain(), { bound: 'median' as never })).toThrow(UsageError);
    expect(() => sweepScenarios(chain(), { quiet: true } as never)).toThrow(UsageError);
  });

  it('refuses a baseline that delivers nothing', () => {
    const empty = build(
      [
        ['a', 'mining', 'CN'],
        ['b', 'end-use', 'CN'],
      ],
      [['a', 'b', 0]],
    );
    expect(() => sweepScenarios(empty)).toThrow(ComputationError);
  });
});
