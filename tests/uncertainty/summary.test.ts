/**
 * summarizeEnsemble computes each rank vector once; its sensitivities must be exactly
 * Spearman's rho of the definition (`spearman`, called here on each headline's defined
 * members), also when headlines are defined on different members (NaN losses).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { planEnsemble, summarizeEnsemble } from '../../src/uncertainty/ensemble.js';
import { spearman } from '../../src/uncertainty/spearman.js';
import { chain } from '../scenario/graphs.js';

describe('summarizeEnsemble sensitivities', () => {
  it('equal spearman() on the defined members of every headline', () => {
    const graph = chain({ s1Mag1Capacity: 90 });
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'confidence', 'low'));
    graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, 'confidence', 'medium'));
    const scenario: Scenario = { name: 'cap', actions: [{ type: 'cap', from: 'CN', share: { low: 0.3, high: 0.7 } }] };
    const n = 40;
    const plan = planEnsemble(graph, scenario, { samples: n, seed: 3, topInputs: 1000 });
    expect(plan.inputs.length).toBeGreaterThan(3);
    expect(plan.headlines.length).toBeGreaterThan(3);
    // Made-up rows: headline k depends on the draws, with ties, and is undefined on some members (k-dependent).
    const rows = Array.from({ length: n }, (_, i) =>
      Float64Array.from(plan.headlines, (_h, k) => {
        if (k % 3 === 1 && i % (k + 2) === 0) return Number.NaN;
        if (k % 3 === 2 && i >= 1) return k === 2 ? 0.5 : Number.NaN; // constant, then a single member
        const u = plan.columns.map((c) => c[i] as number);
        return Math.round(10 * ((u[k % u.length] as number) - 0.5 * (u[(k + 1) % u.length] as number))) / 10;
      }),
    );
    const result = summarizeEnsemble(plan, rows);
    result.headlines.forEach((h, k) => {
      const defined = rows.map((r, i) => [i, r[k] as number] as const).filter(([, v]) => !Number.isNaN(v));
      const losses = defined.map(([, v]) => v);
      const expected = plan.inputs
        .map((input, j) => ({ input: input.id, rho: spearman(defined.map(([i]) => plan.columns[j]?.[i] as number), losses) }))
        .filter((e) => e.rho !== null)
        .sort((a, b) => Math.abs(b.rho as number) - Math.abs(a.rho as number) || a.input.localeCompare(b.input));
      expect(h.sensitivity, `headline ${k}`).toEqual(expected);
    });
    // the made-up rows cover: all defined, some undefined, constant (no rho) and a single member
    expect(result.headlines.some((h) => h.sensitivity.length === 0)).toBe(true);
    expect(result.headlines.some((h) => (h.stats?.members ?? 0) === n)).toBe(true);
    expect(result.headlines.some((h) => (h.stats?.members ?? 0) > 1 && (h.stats?.members ?? 0) < n && h.sensitivity.length > 0)).toBe(true);
  });
});
