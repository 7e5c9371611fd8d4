import { describe, expect, it } from 'vitest';
import { ComputationError, InputError, UsageError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { sampleModel } from '../../src/uncertainty/sample-graph.js';
import { DEFAULT_SPREADS, resolveSpreads, uncertainInputs } from '../../src/uncertainty/uncertain-inputs.js';
import { build } from '../scenario/graphs.js';

const none: Scenario = { name: 'none', actions: [] };

describe('uncertainInputs', () => {
  it('spreads a figure by its confidence: [x (1 - s), x (1 + s)], s = 0.1 / 0.3 / 0.6', () => {
    expect(DEFAULT_SPREADS).toEqual({ high: 0.1, medium: 0.3, low: 0.6 });
    const graph = build(
      [
        ['a', 'mining', 'CN', { capacity: 200, confidence: 'high' }],
        ['b', 'end-use', 'US'],
      ],
      [['a', 'b', 100, { confidence: 'low', capacity: 150 }]],
    );
    const inputs = uncertainInputs(graph, none);
    expect(inputs.map(({ id, point, low, high, origin }) => ({ id, point, low, high, origin }))).toEqual([
      { id: 'edge "a -> b" flow', point: 100, low: 100 * (1 - 0.6), high: 100 * 1.6, origin: 'low' },
      { id: 'edge "a -> b" capacity', point: 150, low: 150 * (1 - 0.6), high: 150 * 1.6, origin: 'low' },
      { id: 'node "a" capacity', point: 200, low: 200 * 0.9, high: 200 * 1.1, origin: 'high' },
    ]);
  });

  it('takes an explicit range over the confidence spread, and clips a spread above 100% at 0', () => {
    const graph = build(
      [
        ['a', 'mining', 'CN', { capacity: 200, low: 150, high: 260, confidence: 'low' }],
        ['b', 'end-use', 'US'],
      ],
      [['a', 'b', 100, { confidence: 'medium', capacity: 120, capacityLow: 110, capacityHigh: 130 }]],
    );
    const inputs = uncertainInputs(graph, none, { medium: 1.5 });
    expect(inputs.map(({ id, low, high, origin }) => [id, low, high, origin])).toEqual([
      ['edge "a -> b" flow', 0, 250, 'medium'],
      ['edge "a -> b" capacity', 110, 130, 'range'],
      ['node "a" capacity', 150, 260, 'range'],
    ]);
  });

  it('has no inputs with zero spread and no explicit range (every figure fixed)', () => {
    const graph = build(
      [
        ['a', 'mining', 'CN', { capacity: 200, confidence: 'low' }],
        ['b', 'end-use', 'US', { confidence: 'medium' }],
      ],
      [['a', 'b', 100, { confidence: 'high', low: 100, high: 100 }]],
    );
    expect(uncertainInputs(graph, none, { high: 0, medium: 0, low: 0 })).toEqual([]);
  });

  it('reads recipe coefficients (node confidence) and action ranges (midpoint as point)', () => {
    const graph = build(
      [
        ['a', 'mining', 'CN'],
        ['d', 'mining', 'AU'],
        ['m', 'magnet', 'JP', { confidence: 'medium', recipes: [{ name: 'std', inputs: { NdPr: 0.3, DyTb: 0.02 } }] }],
        ['b', 'end-use', 'US'],
      ],
      [
        ['a', 'm', 100, { material: 'NdPr' }],
        ['d', 'm', 7, { material: 'DyTb' }],
        ['m', 'b', 100],
      ],
    );
    const scenario: Scenario = { name: 'cap', actions: [{ type: 'cap', from: 'CN', share: { low: 0.4, high: 0.9 } }, { type: 'scaleNode', node: 'm', factor: 0.5 }] };
    const inputs = uncertainInputs(graph, scenario);
    expect(inputs.map(({ id, point, low, high }) => [id, point, low, high])).toEqual([
      ['node "m" recipe 0 NdPr', 0.3, 0.3 * 0.7, 0.3 * 1.3],
      ['node "m" recipe 0 DyTb', 0.02, 0.02 * 0.7, 0.02 * 1.3],
      ['action 0 (cap) share', 0.65, 0.4, 0.9],
    ]);
  });

  it('refuses unknown confidence levels and negative spreads', () => {
    expect(() => resolveSpreads({ lo: 0.1 } as never)).toThrow(UsageError);
    expect(() => resolveSpreads({ low: -0.1 })).toThrow(UsageError);
  });
});

describe('graph ranges (validation)', () => {
  const problems = (edgeAttributes: Record<string, unknown>, nodeAttributes: Record<string, unknown> = {}) => {
    try {
      parseGraph(
        { nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN', ...nodeAttributes } }, { key: 'b', attributes: { stage: 'end-use', country: 'US' } }], edges: [{ source: 'a', target: 'b', attributes: { flow: 100, ...edgeAttributes } }] },
        'g.json',
      );
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).problems.map((p) => `${p.element}: ${p.message}`);
    }
  };

  it('accepts a range around the figure', () => {
    expect(problems({ low: 80, high: 120, capacity: 150, capacityLow: 100, capacityHigh: 200 }, { capacity: 10, low: 5, high: 10 })).toEqual([]);
  });

  it('names the element and the problem: one end only, empty range, figure outside, figure missing', () => {
    expect(problems({ low: 80 })).toEqual(['edge "a -> b": low/high: give both ends of the range of flow or neither (got low 80, high undefined)']);
    expect(problems({ low: 120, high: 80 })).toEqual(['edge "a -> b": low/high: the range of flow is empty (low 120 > high 80)']);
    expect(problems({ low: 110, high: 120 })).toEqual(['edge "a -> b": low/high: flow 100 lies outside its range [110, 120]']);
    expect(problems({}, { low: 1, high: 2 })).toEqual(['node "a": low/high: a range of capacity needs capacity itself (missing)']);
  });

  it('checks that stageTotals names known stages', () => {
    expect(() => parseGraph({ attributes: { stageTotals: { minning: 5 } }, nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN' } }], edges: [] }, 'g.json')).toThrow(
      /graph attributes: stageTotals: unknown stage "minning"/,
    );
  });
});

describe('sampleModel', () => {
  const graph = () =>
    build(
      [
        ['m1', 'mining', 'CN'],
        ['m2', 'mining', 'AU'],
        ['m3', 'mining', 'US'],
        ['s', 'separation', 'CN'],
        ['e', 'end-use', 'US'],
      ],
      [
        ['m1', 's', 60, { confidence: 'low' }],
        ['m2', 's', 30, { confidence: 'low' }],
        ['m3', 's', 10],
        ['s', 'e', 100, { capacity: 150 }],
      ],
    );

  it('sets drawn values without changing the input graph or scenario', () => {
    const g = graph();
    const scenario: Scenario = { name: 'cap', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.8 } }] };
    const inputs = uncertainInputs(g, scenario);
    const member = sampleModel(g, scenario, inputs, [40, 45, 0.3]);
    expect(member.graph.getEdgeAttribute('m1->s', 'flow')).toBe(40);
    expect(member.graph.getEdgeAttribute('m2->s', 'flow')).toBe(45);
    expect(member.scenario.actions[0]).toMatchObject({ share: 0.3 });
    expect(g.getEdgeAttribute('m1->s', 'flow')).toBe(60);
    expect(scenario.actions[0]).toMatchObject({ share: { low: 0.2, high: 0.8 } });
  });

  it('rescales the drawn flows of a stage to its published total, the fixed ones untouched', () => {
    const g = graph();
    g.setAttribute('stageTotals', { mining: 100 });
    const inputs = uncertainInputs(g, none);
    // drawn 40 + 45 = 85; fixed 10; k = (100 - 10) / 85
    const member = sampleModel(g, none, inputs, [40, 45]);
    expect(member.graph.getEdgeAttribute('m1->s', 'flow')).toBeCloseTo((40 * 90) / 85, 12);
    expect(member.graph.getEdgeAttribute('m2->s', 'flow')).toBeCloseTo((45 * 90) / 85, 12);
    expect(member.graph.getEdgeAttribute('m3->s', 'flow')).toBe(10);
    expect(member.graph.getEdgeAttribute('s->e', 'flow')).toBe(100);
  });

  it('fails naming the stage when its fixed flows exceed its total', () => {
    const g = graph();
    g.setAttribute('stageTotals', { mining: 5 });
    expect(() => sampleModel(g, none, uncertainInputs(g, none), [40, 45])).toThrow(ComputationError);
    expect(() => sampleModel(g, none, uncertainInputs(g, none), [40, 45])).toThrow(/stage "mining"/);
  });
});
