import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { chain } from './graphs.js';

const hhiOf = (r: ReturnType<typeof evaluateScenario>, stage: string) => {
  const s = r.stages.find((x) => x.stage === stage);
  return [s?.before.hhi, s?.after.hhi];
};

describe('stage concentration before and after (proportional flows)', () => {
  it('recomputes HHI on the flows left after the scenario', () => {
    // Before: mining CN 60 / MM 40 -> 0.6^2 + 0.4^2 = 0.52; magnet CN 70 / JP 30 -> 0.58.
    // MM offline: mining is CN alone -> 1; both magnet makers fall to 0.6 -> shares and HHI unchanged.
    const r = evaluateScenario(chain(), { name: 't', actions: [{ type: 'disableCountry', country: 'MM' }] });
    expect(hhiOf(r, 'mining')).toEqual([expect.closeTo(0.52, 12), expect.closeTo(1, 12)]);
    expect(hhiOf(r, 'magnet')).toEqual([expect.closeTo(0.58, 12), expect.closeTo(0.58, 12)]);
    const mining = r.stages.find((s) => s.stage === 'mining');
    expect(mining?.before).toMatchObject({ topCountry: 'CN', topShare: expect.closeTo(0.6, 12), throughput: 100 });
    expect(mining?.after).toMatchObject({ topCountry: 'CN', topShare: 1, throughput: expect.closeTo(60, 12) });
  });

  it('drops a cut route from its stage and leaves empty stages null', () => {
    // CN embargo: mag2 and e2 receive nothing: magnet and end-use become CN alone (HHI 1).
    const r = evaluateScenario(chain(), { name: 't', actions: [{ type: 'embargo', from: 'CN' }] });
    expect(hhiOf(r, 'magnet')).toEqual([expect.closeTo(0.58, 12), 1]);
    expect(hhiOf(r, 'end-use')).toEqual([expect.closeTo(0.58, 12), 1]);
    // The chain has no refining node: HHI undefined before and after.
    expect(r.stages.find((s) => s.stage === 'refining')).toEqual({
      stage: 'refining',
      before: { hhi: null, topCountry: null, topShare: 0, throughput: 0 },
      after: { hhi: null, topCountry: null, topShare: 0, throughput: 0 },
    });
  });
});
