import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { evaluateMembers, planEnsemble, runEnsemble, summarizeEnsemble } from '../../src/uncertainty/ensemble.js';
import { build, chain } from '../scenario/graphs.js';

/** chain() with every figure annotated with a confidence (as the default dataset is). */
function annotatedChain() {
  const g = chain({ s1Mag1Capacity: 90 });
  g.forEachNode((node) => g.setNodeAttribute(node, 'confidence', 'low'));
  g.forEachEdge((edge, _a, source) => g.setEdgeAttribute(edge, 'confidence', source === 'm1' ? 'high' : 'medium'));
  g.setNodeAttribute('mag2', 'capacity', 30);
  return g;
}

describe('runEnsemble', () => {
  it('with zero spread equals the point result exactly, for every headline and member', () => {
    const graph = annotatedChain();
    const scenario: Scenario = { name: 'embargo', actions: [{ type: 'embargo', from: 'CN', materials: ['Dy/Tb oxide'] }, { type: 'disableCountry', country: 'MM' }] };
    const zero = { high: 0, medium: 0, low: 0 };
    const plan = planEnsemble(graph, scenario, { samples: 7, spreads: zero });
    expect(plan.inputs).toEqual([]);
    // The point result, computed here without the ensemble code: evaluateScenario.
    const evaluated = evaluateScenario(graph, scenario);
    const expected = (endUse: string | null, bound: string): number | null => {
      const loss = (endUse === null ? evaluated.loss : evaluated.loss.byEndUse.find((e) => e.endUse === endUse)?.loss) as unknown as Record<string, number | null>;
      return loss[bound] ?? null;
    };
    const point = plan.headlines.map((h) => expected(h.endUse, h.bound) ?? Number.NaN);
    expect(plan.bounds).toEqual(['maxFlow', 'allocation', 'proportional']);
    for (const row of evaluateMembers(graph, scenario, plan, 0, 7)) expect([...row]).toEqual(point);
    const result = runEnsemble(graph, scenario, { samples: 7, spreads: zero });
    for (const h of result.headlines) {
      expect(h.point).toBe(expected(h.endUse, h.bound));
      expect(h.stats).toMatchObject({ p10: h.point, p50: h.point, p90: h.point, min: h.point, max: h.point, members: 7 });
    }
    expect(result.headlines.map((h) => h.sensitivity)).toEqual(result.headlines.map(() => []));
  });

  it('gives the analytic percentiles when the loss is linear in one uniform input', () => {
    // One CN source ships 100 to one US sink; exports capped at a share s ~ U[0.2, 0.8].
    // Under both bounds the sink receives 100 s, so loss = 1 - s ~ U[0.2, 0.8]:
    // P10 = 0.26, P50 = 0.5, P90 = 0.74, P(loss > 0.6) = 1/3. A Latin hypercube puts one
    // draw in each 1/N stratum, so a sample quantile (type 7) is within 2/N of the true
    // quantile of u, i.e. within 0.6 x 2/N of the loss's; P(loss > T) within 1/N.
    const graph = build(
      [
        ['cn', 'mining', 'CN'],
        ['us', 'end-use', 'US'],
      ],
      [['cn', 'us', 100]],
    );
    const scenario: Scenario = { name: 'quota', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.8 } }] };
    const n = 200;
    const result = runEnsemble(graph, scenario, { samples: n, seed: 9, threshold: 0.6 });
    expect(result.inputs.map((i) => i.id)).toEqual(['action 0 (cap) share']);
    const tolerance = (0.6 * 2) / n;
    for (const h of result.headlines) {
      const stats = h.stats as NonNullable<typeof h.stats>;
      expect(Math.abs(stats.p10 - 0.26)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(stats.p50 - 0.5)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(stats.p90 - 0.74)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(stats.pExceed - 1 / 3)).toBeLessThanOrEqual(1 / n);
      expect(Math.abs(stats.mean - 0.5)).toBeLessThanOrEqual(0.6 / n);
      expect(h.point).toBeCloseTo(0.5, 12); // the point evaluation uses the midpoint share 0.5
    }
  });

  it('ranks the input that drives a loss first, with rho -1 for a loss falling in it', () => {
    // Sink fed by CN (embargoed, flow 100 fixed) and AU (flow F ~ U[50, 150]): loss = 100 / (100 + F), decreasing in F.
    const graph = build(
      [
        ['cn', 'mining', 'CN'],
        ['au', 'mining', 'AU', { capacity: 200, confidence: 'low' }],
        ['us', 'end-use', 'US'],
      ],
      [
        ['cn', 'us', 100],
        ['au', 'us', 100, { low: 50, high: 150 }],
      ],
    );
    const result = runEnsemble(graph, { name: 'embargo', actions: [{ type: 'embargo', from: 'CN' }] }, { samples: 100, seed: 4 });
    const total = result.headlines.find((h) => h.endUse === null && h.bound === 'proportional');
    expect(total?.sensitivity[0]).toEqual({ input: 'edge "au -> us" flow', rho: -1 });
    // the node capacity of au (200 +- 60%) never binds: |rho| small
    const capacity = total?.sensitivity.find((e) => e.input === 'node "au" capacity');
    expect(Math.abs(capacity?.rho ?? 0)).toBeLessThan(0.3);
    // analytic percentiles of 100 / (100 + F), F ~ U[50, 150]: P10 of the loss = 100 / (100 + 140)
    const stats = total?.stats as NonNullable<NonNullable<typeof total>['stats']>;
    expect(Math.abs(stats.p10 - 100 / 240)).toBeLessThan(0.01);
    expect(Math.abs(stats.p50 - 100 / 200)).toBeLessThan(0.01);
    expect(Math.abs(stats.p90 - 100 / 160)).toBeLessThan(0.01);
  });

  it('is reproducible from the seed, and any split of the members gives the same rows', () => {
    const graph = annotatedChain();
    const scenario: Scenario = { name: 'cap', actions: [{ type: 'cap', from: 'CN', share: { low: 0.3, high: 0.7 } }] };
    const plan = planEnsemble(graph, scenario, { samples: 12, seed: 5 });
    const whole = evaluateMembers(graph, scenario, plan, 0, 12);
    const split = [...evaluateMembers(graph, scenario, plan, 0, 5), ...evaluateMembers(graph, scenario, plan, 5, 12)];
    expect(split).toEqual(whole);
    expect(runEnsemble(graph, scenario, { samples: 12, seed: 5 })).toEqual(summarizeEnsemble(plan, whole));
    expect(runEnsemble(graph, scenario, { samples: 12, seed: 6 })).not.toEqual(summarizeEnsemble(plan, whole));
  });

  it('refuses unknown options and bad values', () => {
    const graph = annotatedChain();
    expect(() => planEnsemble(graph, { name: 'x', actions: [] }, { samples: 0 })).toThrow(UsageError);
    expect(() => planEnsemble(graph, { name: 'x', actions: [] }, { samples: 3, seeds: 1 } as never)).toThrow(UsageError);
    expect(() => planEnsemble(graph, { name: 'x', actions: [] }, { samples: 3, threshold: Number.NaN })).toThrow(UsageError);
    expect(() => planEnsemble(graph, { name: 'x', actions: [] }, { samples: 3, bounds: ['maxflow'] })).toThrow(UsageError);
  });

  it('evaluates only the bounds asked for', () => {
    const result = runEnsemble(annotatedChain(), { name: 'x', actions: [{ type: 'embargo', from: 'CN' }] }, { samples: 3, bounds: ['proportional'] });
    expect(result.bounds).toEqual(['proportional']);
    expect(new Set(result.headlines.map((h) => h.bound))).toEqual(new Set(['proportional']));
  });
});
