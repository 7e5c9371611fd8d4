import { describe, expect, it } from 'vitest';
import { supplyRisk } from '../../../src/metrics/concentration/supply-risk.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { flowFixtures } from '../flow/flow-fixtures.js';
import { HAND } from './hand-graph.js';

describe('supplyRisk', () => {
  it('gives the hand-computed governance-weighted HHI', () => {
    // Mining shares CN 0.7, AU 0.2, US 0.1; risk weights 10 - governance = 7, 1.5, 2:
    // 0.49 * 7 + 0.04 * 1.5 + 0.01 * 2 = 3.43 + 0.06 + 0.02 = 3.51.
    // Separation: CN alone: 1 * 7.
    const result = supplyRisk(HAND);
    expect(result.stages.mining).toBeCloseTo(3.51, 12);
    expect(result.stages.separation).toBeCloseTo(7, 12);
    expect(result.stages.refining).toBeNull();
  });

  it('is null, with a note, for a stage with a country that has no governance score', () => {
    // The magnet stage's only country, JP, is not in HAND's table; its throughput is 0 here,
    // so give it some flow.
    const graph = HAND.copy();
    graph.setEdgeAttribute('sep->mag', 'flow', 100);
    const result = supplyRisk(graph);
    expect(result.stages.magnet).toBeNull();
    expect(result.notes).toEqual(['supplyRisk: stage "magnet" is null: no governance score for JP']);
  });

  it('is null everywhere when the country table has no governance scores', () => {
    const { graph } = parseGraph({ nodes: [{ key: 'a', attributes: { stage: 'mining', country: 'CN' } }] }, 'g');
    const result = supplyRisk(graph);
    expect(Object.values(result.stages).every((v) => v === null)).toBe(true);
    expect(result.notes[0]).toMatch(/no governance scores/);
  });

  for (const fixture of flowFixtures()) {
    it(`agrees with the Python computation on ${fixture.name}`, () => {
      const result = supplyRisk(fixture.graph);
      for (const want of fixture.expected.stages) {
        if (want.supplyRisk === null) expect(result.stages[want.stage]).toBeNull();
        else expect(result.stages[want.stage]).toBeCloseTo(want.supplyRisk, 9);
      }
    });
  }
});
