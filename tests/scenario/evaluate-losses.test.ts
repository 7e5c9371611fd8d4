/**
 * `evaluateLosses` (the lean evaluation of one ensemble member) gives exactly the losses of
 * the full `evaluateScenario`: on the default dataset, for presets and for drawn members
 * of an ensemble (whose baselines leave end uses short, so the served-first LPs run on
 * both sides), every bound, both LP objectives; bounds asked for alone give the same
 * numbers and leave the others out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Objective } from '../../src/allocation/allocation-lp.js';
import { DEFAULT_PRESET_DIR, listPresets } from '../../src/io/read-scenario.js';
import { UsageError } from '../../src/model/errors.js';
import type { SupplyGraph } from '../../src/model/graph.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { BOUNDS, evaluateScenario, type Bound } from '../../src/scenario/evaluate.js';
import { evaluateLosses } from '../../src/scenario/evaluate-losses.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { memberValues, planEnsemble } from '../../src/uncertainty/ensemble.js';
import { sampleModel } from '../../src/uncertainty/sample-graph.js';

const file = 'graphs/rare-earths-2024.json';
let graph: SupplyGraph;
let scenarios: Scenario[];
beforeAll(async () => {
  graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
  const presets = await listPresets(DEFAULT_PRESET_DIR);
  scenarios = presets.map((p) => parseScenario(p.scenario, p.file, graph));
});

/** The full evaluation's losses in the shape `evaluateLosses` returns. */
function fullLosses(g: SupplyGraph, scenario: Scenario, objective: Objective) {
  const full = evaluateScenario(g, scenario, { objective });
  return {
    name: full.name,
    unit: full.unit,
    warnings: full.warnings,
    total: { maxFlow: full.loss.maxFlow, allocation: full.loss.allocation, proportional: full.loss.proportional },
    byEndUse: full.loss.byEndUse.map(({ binding: _binding, ...rest }) => rest),
  };
}

describe('evaluateLosses', () => {
  it('equals the full evaluation exactly on the presets (all bounds, objectives total and fair)', () => {
    expect(scenarios.length).toBeGreaterThan(3);
    for (const objective of ['total', 'fair'] as const) {
      for (const scenario of scenarios.slice(0, 5)) {
        const lean = evaluateLosses(graph, scenario, { objective });
        expect(lean, `${scenario.name} ${objective}`).toEqual(fullLosses(graph, scenario, objective));
        expect(lean.byEndUse.length).toBeGreaterThan(10);
      }
    }
  });

  it('equals the full evaluation exactly on drawn ensemble members, whose baselines leave end uses short', () => {
    const scenario = scenarios.find((s) => s.actions.length > 0) as Scenario;
    const plan = planEnsemble(graph, scenario, { samples: 3, seed: 4 });
    for (let i = 0; i < 3; i++) {
      const member = sampleModel(graph, scenario, plan.inputs, memberValues(plan, i));
      for (const objective of ['total', 'fair'] as const) {
        const full = fullLosses(member.graph, member.scenario, objective);
        // the member's baseline is not served in full (drawn capacities below drawn flows)
        expect(full.byEndUse.some((e) => e.baseline.allocation < e.baseline.proportional * (1 - 1e-6))).toBe(true);
        expect(evaluateLosses(member.graph, member.scenario, { objective }), `member ${i} ${objective}`).toEqual(full);
      }
    }
  });

  it('computes only the bounds asked for, with the same numbers', () => {
    const scenario = scenarios[0] as Scenario;
    const all = evaluateLosses(graph, scenario);
    for (const bound of BOUNDS) {
      const only = evaluateLosses(graph, scenario, { bounds: [bound] });
      const others = BOUNDS.filter((b) => b !== bound);
      expect(only.total[bound]).toBe(all.total[bound]);
      for (const b of others) expect(only.total[b]).toBeNull();
      only.byEndUse.forEach((e, k) => {
        const whole = all.byEndUse[k] as (typeof all.byEndUse)[number];
        expect(e.endUse).toBe(whole.endUse);
        expect(e.loss[bound]).toBe(whole.loss[bound]);
        expect(e.baseline[bound]).toBe(whole.baseline[bound]);
        for (const b of others) {
          expect(e.loss[b]).toBeNull();
          expect(e.baseline[b]).toBeNaN();
        }
      });
    }
    const two: Bound[] = ['proportional', 'maxFlow'];
    expect(evaluateLosses(graph, scenario, { bounds: two }).total).toEqual({ maxFlow: all.total.maxFlow, allocation: null, proportional: all.total.proportional });
  });

  it('refuses unknown options, unknown bounds and no bound', () => {
    const scenario = scenarios[0] as Scenario;
    expect(() => evaluateLosses(graph, scenario, { top: 0 } as never)).toThrow(UsageError);
    expect(() => evaluateLosses(graph, scenario, { bounds: ['maxflow' as Bound] })).toThrow(UsageError);
    expect(() => evaluateLosses(graph, scenario, { bounds: [] })).toThrow(UsageError);
    expect(() => evaluateLosses(graph, scenario, { objective: 'fairest' as Objective })).toThrow(UsageError);
  });
});
