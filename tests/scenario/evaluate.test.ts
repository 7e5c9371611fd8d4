import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComputationError, UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import type { ScenarioAction } from '../../src/scenario/schema.js';
import { build, chain, withProjects } from './graphs.js';

const evaluate = (graph: ReturnType<typeof chain>, ...actions: ScenarioAction[]) => evaluateScenario(graph, { name: 't', actions });


describe('evaluateScenario', () => {
  it('an embargo without spare capacity loses the same under all three bounds', () => {
    // CN exports = s1 -> mag2 (30). Max flow after: s1 -> mag1 carries at most 70.
    // Proportional: f(mag2) = 0, e1 keeps 70. Allocation: mag2 has no Dy/Tb oxide, e1 takes its 70.
    const r = evaluate(chain(), { type: 'embargo', from: 'CN' });
    expect(r.baseline.maxFlow).toBeCloseTo(100, 9);
    expect(r.baseline.proportional).toBeCloseTo(100, 9);
    expect(r.scenario.maxFlow).toBeCloseTo(70, 9);
    expect(r.scenario.proportional).toBeCloseTo(70, 9);
    expect(r.loss.maxFlow).toBeCloseTo(0.3, 9);
    expect(r.loss.proportional).toBeCloseTo(0.3, 9);
    expect(r.baseline.allocation).toBeCloseTo(100, 9);
    expect(r.scenario.allocation).toBeCloseTo(70, 9);
    expect(r.loss.allocation).toBeCloseTo(0.3, 9);
    expect(r.baseline.fairLevel).toBeNull();
    // Per sink: e1 alone could get min(100, 70) = 70 before and after; e2 30 -> 0.
    expect(r.baseline.bySink.e2).toEqual({ maxFlow: 30, ownMaxFlow: 30, allocation: 30, proportional: 30 });
    expect(r.scenario.bySink.e2).toEqual({ maxFlow: 0, ownMaxFlow: 0, allocation: 0, proportional: 0 });
    expect(r.loss.bySink).toEqual({ e1: { maxFlow: 0, allocation: 0, proportional: 0 }, e2: { maxFlow: 1, allocation: 1, proportional: 1 } });
    // Both sinks are labelled "EV motors": one end use, served alone 100 -> 70.
    const [ev] = r.loss.byEndUse;
    expect(r.loss.byEndUse).toHaveLength(1);
    expect(ev).toMatchObject({
      endUse: 'EV motors',
      sinks: ['e1', 'e2'],
      baseline: { maxFlow: 100, allocation: 100, proportional: 100 },
      scenario: { maxFlow: 70, allocation: 70, proportional: 70 },
      loss: { maxFlow: 0.3, allocation: 0.3, proportional: 0.3 },
    });
    // e2 lost most: its magnets (from JP) lack the Dy/Tb oxide that came from CN.
    expect(ev?.binding?.sink).toBe('e2');
    expect(ev?.binding?.text).toBe('limited by Dy/Tb oxide from CN (via NdFeB magnet from JP)');
    expect(ev?.binding?.steps.map((s) => [s.node, s.material, s.supplier])).toEqual([
      ['e2', 'NdFeB magnet', 'mag2'],
      ['mag2', 'Dy/Tb oxide', 's1'],
    ]);
    expect(r.changes).toHaveLength(1);
    expect(r.unit).toBe('units'); // the chain names no unit (issue 10: never t REO/yr unless it says so)
  });

  it('groups sinks into end uses by sector, else by label, else by key', () => {
    // m (CN) -> s (CN) -> four sinks: two EV sinks in CN and JP (different labels, one
    // sector), one labelled "Wind", one with neither label nor sector.
    const graph = build(
      [
        ['m', 'mining', 'CN'],
        ['s', 'separation', 'CN'],
        ['cn-ev', 'end-use', 'CN', { label: 'EVs (China)', sector: 'EVs' }],
        ['jp-ev', 'end-use', 'JP', { label: 'EVs (Japan)', sector: 'EVs' }],
        ['wind', 'end-use', 'CN', { label: 'Wind' }],
        ['other', 'end-use', 'CN'],
      ],
      [
        ['m', 's', 100],
        ['s', 'cn-ev', 40],
        ['s', 'jp-ev', 30],
        ['s', 'wind', 20],
        ['s', 'other', 10],
      ],
    );
    // The embargo cuts s -> jp-ev (30). EVs served jointly: 70 -> 40 under both bounds.
    const r = evaluate(graph, { type: 'embargo', from: 'CN' });
    expect(r.loss.byEndUse.map((e) => [e.endUse, e.sinks])).toEqual([
      ['EVs', ['cn-ev', 'jp-ev']],
      ['other', ['other']],
      ['Wind', ['wind']],
    ]);
    expect(r.loss.byEndUse[0]).toMatchObject({ baseline: { maxFlow: 70, proportional: 70 }, scenario: { maxFlow: 40, proportional: 40 } });
    expect(r.loss.byEndUse[0]?.loss.maxFlow).toBeCloseTo(3 / 7, 12);
    expect(r.loss.byEndUse[0]?.loss.proportional).toBeCloseTo(3 / 7, 12);
    expect(r.loss.byEndUse[0]).toMatchObject({ baseline: { allocation: 70 }, scenario: { allocation: 40 } });
    expect(r.loss.bySink['jp-ev']).toEqual({ maxFlow: 1, allocation: 1, proportional: 1 });
    expect(r.loss.bySink['cn-ev']).toEqual({ maxFlow: 0, allocation: 0, proportional: 0 });
    expect(r.loss.byEndUse[0]?.binding?.text).toBe('limited by unlabelled material from CN');
  });

  it('the max-flow bound reroutes through spare capacity, the proportional bound does not', () => {
    // s1 -> mag1 -> e1 can carry 100: after the embargo all 100 t reach e1 (loss 0);
    // without rerouting e1 still gets its 70 and e2 nothing (loss 0.3).
    const r = evaluate(chain({ s1Mag1Capacity: 100 }), { type: 'embargo', from: 'CN' });
    expect(r.loss.maxFlow).toBeCloseTo(0, 12);
    expect(r.loss.proportional).toBeCloseTo(0.3, 12);
    expect(r.scenario.bySink.e1?.ownMaxFlow).toBeCloseTo(100, 9);
  });

  it('an embargo limited to materials cuts only edges carrying them', () => {
    const ndpr = evaluate(chain(), { type: 'embargo', from: 'CN', materials: ['NdPr oxide'] });
    // NdPr oxide goes s1 -> mag1, a domestic flow: nothing is cut.
    expect(ndpr.loss.maxFlow).toBe(0);
    expect(ndpr.loss.proportional).toBe(0);
    expect(ndpr.warnings).toEqual(['action 0 (embargo) changes nothing in the active graph']);
    const dyTb = evaluate(chain(), { type: 'embargo', from: 'CN', materials: ['Dy/Tb oxide', 'NdPr oxide'] });
    expect(dyTb.loss.proportional).toBeCloseTo(0.3, 12);
  });

  it('a new project counts under max flow only (it has no baseline flow)', () => {
    // Activation alone: max flow 30 + min(20, 25, 25) = 50 (mag2 -> e2 carries 50):
    // loss (30 - 50) / 30 = -2/3, a gain. Proportional: nothing flows on new edges: 30.
    const grown = evaluate(withProjects(), { type: 'activate', year: 2030 });
    expect(grown.scenario.maxFlow).toBeCloseTo(50, 9);
    expect(grown.loss.maxFlow).toBeCloseTo(-2 / 3, 12);
    expect(grown.loss.proportional).toBe(0);
    // With CN's exports cut: max flow 20 (the project alone), loss 1/3; proportional:
    // mag2's nominal in-flow is 30 (+ 0 from gl-sep) and nothing arrives: loss 1.
    const offset = evaluate(withProjects(), { type: 'activate', year: 2030 }, { type: 'embargo', from: 'CN' });
    expect(offset.scenario.maxFlow).toBeCloseTo(20, 9);
    expect(offset.loss.maxFlow).toBeCloseTo(1 / 3, 12);
    expect(offset.loss.proportional).toBe(1);
  });

  it('lists bottlenecks (knockout loss) before and after, without sinks', () => {
    // Before (max flow 100): s1 1; mag1 (100 - 30) / 100 = 0.7; m1 0.6; m2 0.4; mag2 0.3.
    // After the embargo (max flow 70): s1 1, mag1 1; m1 (70 - 40) / 70; m2 (70 - 60) / 70; mag2 0.
    const r = evaluate(chain(), { type: 'embargo', from: 'CN' });
    expect(r.bottlenecks.before.map((b) => [b.node, b.loss])).toEqual([
      ['s1', 1],
      ['mag1', expect.closeTo(0.7, 12)],
      ['m1', expect.closeTo(0.6, 12)],
      ['m2', expect.closeTo(0.4, 12)],
      ['mag2', expect.closeTo(0.3, 12)],
    ]);
    expect(r.bottlenecks.after.map((b) => [b.node, b.loss])).toEqual([
      ['mag1', 1],
      ['s1', 1],
      ['m1', expect.closeTo(3 / 7, 12)],
      ['m2', expect.closeTo(1 / 7, 12)],
    ]);
    expect(r.bottlenecks.after[0]).toMatchObject({ label: 'mag1', stage: 'magnet', country: 'CN' });
    expect(evaluateScenario(chain(), { name: 't', actions: [] }, { top: 2 }).bottlenecks.before).toHaveLength(2);
    expect(evaluateScenario(chain(), { name: 't', actions: [] }, { top: 0 }).bottlenecks.after).toEqual([]);
  });

  it('does not change the graph', () => {
    const graph = withProjects();
    const before = JSON.stringify(graph.export());
    evaluate(graph, { type: 'activate', year: 2030 }, { type: 'disableCountry', country: 'CN' }, { type: 'scaleNode', node: 'mag2', factor: 0.5 });
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it('refuses a baseline that delivers nothing (the loss is undefined)', () => {
    const empty = build(
      [
        ['a', 'mining', 'CN'],
        ['b', 'end-use', 'CN'],
      ],
      [['a', 'b', 0]],
    );
    expect(() => evaluate(empty)).toThrow(ComputationError);
  });

  it('rejects unknown and bad options', () => {
    expect(() => evaluateScenario(chain(), { name: 't', actions: [] }, { topN: 3 } as never)).toThrow(UsageError);
    expect(() => evaluateScenario(chain(), { name: 't', actions: [] }, { top: -1 })).toThrow(UsageError);
    expect(() => evaluateScenario(chain(), { name: 't', actions: [] }, { top: 1.5 })).toThrow(UsageError);
  });
});

describe('evaluateScenario properties', () => {
  it('losses do not depend on the unit: scaling every flow and capacity by k changes none', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/networkx/scenario-random-2.json', import.meta.url), 'utf8')) as {
      graph: { nodes: { attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[] };
      cases: { scenario: unknown }[];
    };
    const scaled = (k: number) => {
      const times = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).map(([key, v]) => [key, (key === 'flow' || key === 'capacity') && typeof v === 'number' ? v * k : v]));
      return parseGraph({ ...fixture.graph, nodes: fixture.graph.nodes.map((n) => ({ ...n, attributes: times(n.attributes) })), edges: fixture.graph.edges.map((e) => ({ ...e, attributes: times(e.attributes) })) }, 'scaled').graph;
    };
    const base = scaled(1);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.integer({ min: 0, max: fixture.cases.length - 1 }), (k, i) => {
        const scenario = parseScenario(fixture.cases[i]?.scenario, 'fixture', base);
        const a = evaluateScenario(base, scenario);
        const b = evaluateScenario(scaled(k), scenario);
        expect(b.loss.maxFlow).toBeCloseTo(a.loss.maxFlow, 9);
        expect(b.loss.proportional).toBeCloseTo(a.loss.proportional, 9);
        expect(b.scenario.maxFlow).toBeCloseTo(a.scenario.maxFlow * k, 6);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
