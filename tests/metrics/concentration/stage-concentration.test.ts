import { describe, expect, it } from 'vitest';
import { stageConcentration } from '../../../src/metrics/concentration/stage-concentration.js';
import { parseGraph } from '../../../src/model/parse-graph.js';
import { flowFixtures } from '../flow/flow-fixtures.js';
import { edge, HAND, node } from './hand-graph.js';

describe('stageConcentration', () => {
  it('gives the hand-computed shares, HHI and top country', () => {
    const [mining, separation, refining] = stageConcentration(HAND);
    expect(mining?.stage).toBe('mining');
    expect(mining?.throughput).toBe(100);
    expect(mining?.hhi).toBeCloseTo(0.54, 12);
    expect(mining?.topCountry).toBe('CN');
    expect(mining?.topShare).toBeCloseTo(0.7, 12);
    expect(Object.keys(mining?.shares ?? {})).toEqual(['CN', 'AU', 'US']);
    expect(mining?.shares.AU).toBeCloseTo(0.2, 12);
    expect(separation?.hhi).toBe(1);
    // A stage with no throughput has no HHI: null, not 0.
    expect(refining).toEqual({ stage: 'refining', throughput: 0, hhi: null, topCountry: null, topShare: 0, shares: {} });
  });

  it('lists every stage of the graph in order', () => {
    expect(stageConcentration(HAND).map((s) => s.stage)).toEqual(['mining', 'separation', 'refining', 'magnet', 'component', 'manufacturing', 'end-use']);
  });

  it('breaks ties alphabetically', () => {
    const { graph } = parseGraph({ nodes: [node('u', 'mining', 'US'), node('a', 'mining', 'AU'), node('s', 'separation', 'CN')], edges: [edge('u', 's', 5), edge('a', 's', 5)] }, 'tie');
    const [mining] = stageConcentration(graph);
    expect(mining?.topCountry).toBe('AU');
    expect(mining?.hhi).toBeCloseTo(0.5, 12);
    expect(Object.keys(mining?.shares ?? {})).toEqual(['AU', 'US']);
  });

  for (const fixture of flowFixtures()) {
    it(`agrees with the networkx fixture ${fixture.name}`, () => {
      const rows = stageConcentration(fixture.graph);
      expect(rows.map((r) => r.stage)).toEqual(fixture.expected.stages.map((s) => s.stage));
      rows.forEach((row, i) => {
        const want = fixture.expected.stages[i]!;
        expect(row.throughput).toBeCloseTo(want.throughput, 9);
        if (want.hhi === null) expect(row.hhi).toBeNull();
        else expect(row.hhi).toBeCloseTo(want.hhi, 9);
        expect(Object.keys(row.shares).sort()).toEqual(Object.keys(want.shares).sort());
        for (const [country, share] of Object.entries(want.shares)) expect(row.shares[country]).toBeCloseTo(share, 9);
      });
    });
  }

  it('does not change the graph', () => {
    const before = JSON.stringify(HAND.export());
    stageConcentration(HAND);
    expect(JSON.stringify(HAND.export())).toBe(before);
  });
});
