import { describe, expect, it } from 'vitest';
import { edgeCapacity } from '../../src/model/graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { proportionalFlow } from '../../src/scenario/proportional-flow.js';
import type { ScenarioAction } from '../../src/scenario/schema.js';
import { InputError } from '../../src/model/errors.js';
import { build } from './graphs.js';

/**
 * A Japanese magnet maker takes 20 Dy/Tb oxide from China and 80 NdPr oxide from
 * Australia, so its CN content is 20 / 100 = 0.2 (hand-computed); it ships 40 magnets to
 * the US, 40 to Germany, 20 at home. China also ships 10 Dy/Tb oxide to a US magnet maker.
 */
function thirdCountry() {
  return build(
    [
      ['sCN', 'separation', 'CN'],
      ['sAU', 'separation', 'AU'],
      ['magJP', 'magnet', 'JP'],
      ['magUS', 'magnet', 'US'],
      ['eUS', 'end-use', 'US'],
      ['eUS2', 'end-use', 'US'],
      ['eDE', 'end-use', 'DE'],
      ['eJP', 'end-use', 'JP'],
    ],
    [
      ['sCN', 'magJP', 20, { material: 'Dy/Tb oxide' }],
      ['sAU', 'magJP', 80, { material: 'NdPr oxide' }],
      ['sCN', 'magUS', 10, { material: 'Dy/Tb oxide' }],
      ['magJP', 'eUS', 40, { material: 'NdFeB magnet' }],
      ['magJP', 'eDE', 40, { material: 'NdFeB magnet' }],
      ['magJP', 'eJP', 20, { material: 'NdFeB magnet' }],
      ['magUS', 'eUS2', 10, { material: 'NdFeB magnet' }],
    ],
  );
}

const apply = (...actions: ScenarioAction[]) => applyScenario(thirdCountry(), { name: 't', actions });

describe('embargo with origin: true (rule of origin)', () => {
  it('without origin, the Japanese magnets to the US go on', () => {
    const plain = apply({ type: 'embargo', from: 'CN', to: ['US'] });
    expect(plain.pass['sCN->magUS']).toBe(0);
    expect(plain.pass['magJP->eUS']).toBe(1);
  });

  it('cuts third-country exports to the target by their CN content, and nothing else', () => {
    const applied = apply({ type: 'embargo', from: 'CN', to: ['US'], origin: true });
    expect(applied.pass['sCN->magUS']).toBe(0); // the direct export
    expect(applied.pass['magJP->eUS']).toBeCloseTo(0.8, 12); // 1 - 0.2
    expect(edgeCapacity(applied.graph.getEdgeAttributes('magJP->eUS'))).toBeCloseTo(32, 12); // 0.8 x 40
    expect(applied.pass['magJP->eDE']).toBe(1); // not a target country
    expect(applied.pass['magJP->eJP']).toBe(1); // domestic
    expect(applied.pass['sCN->magJP']).toBe(1); // CN -> JP is not embargoed
    expect(applied.changes[0]?.edges).toEqual(['sCN->magUS', 'magJP->eUS']);
    expect(applied.changes[0]?.flow).toBeCloseTo(10 + 0.2 * 40, 12);
    expect(applied.changes[0]?.summary).toContain('rule of origin: 1 third-country edge(s)');
    // Proportional bound: eUS gets 0.8 x 40 = 32, eUS2 nothing, eDE and eJP all.
    const flow = proportionalFlow(applied.graph, { pass: applied.pass, limit: applied.limit });
    expect(flow.bySink.eUS).toBeCloseTo(32, 12);
    expect(flow.bySink.eUS2).toBe(0);
    expect(flow.bySink.eDE).toBeCloseTo(40, 12);
    expect(flow.bySink.eJP).toBeCloseTo(20, 12);
  });

  it('originThreshold: content at or above it cuts the edge entirely, below leaves it alone', () => {
    const strict = apply({ type: 'embargo', from: 'CN', to: ['US'], origin: true, originThreshold: 0.001 });
    expect(strict.pass['magJP->eUS']).toBe(0);
    expect(edgeCapacity(strict.graph.getEdgeAttributes('magJP->eUS'))).toBe(0);
    expect(apply({ type: 'embargo', from: 'CN', to: ['US'], origin: true, originThreshold: 0.2 }).pass['magJP->eUS']).toBe(0);
    const loose = apply({ type: 'embargo', from: 'CN', to: ['US'], origin: true, originThreshold: 0.5 });
    expect(loose.pass['magJP->eUS']).toBe(1);
    expect(loose.changes[0]?.edges).toEqual(['sCN->magUS']);
  });

  it('the materials filter applies to third-country edges too; no "to" reaches every other country', () => {
    expect(apply({ type: 'embargo', from: 'CN', to: ['US'], materials: ['Dy/Tb oxide'], origin: true }).pass['magJP->eUS']).toBe(1);
    const everyone = apply({ type: 'embargo', from: 'CN', origin: true });
    expect(everyone.pass['magJP->eUS']).toBeCloseTo(0.8, 12);
    expect(everyone.pass['magJP->eDE']).toBeCloseTo(0.8, 12);
    expect(everyone.pass['magJP->eJP']).toBe(1);
  });

  it('the scenario file: originThreshold needs origin, and must be in (0, 1]', () => {
    const parse = (action: Record<string, unknown>) => parseScenario({ name: 't', actions: [{ type: 'embargo', from: 'CN', ...action }] }, 's.json', thirdCountry());
    expect(parse({ origin: true, originThreshold: 0.001 }).actions[0]).toMatchObject({ origin: true, originThreshold: 0.001 });
    expect(() => parse({ originThreshold: 0.001 })).toThrow(/originThreshold needs "origin": true/);
    expect(() => parse({ origin: true, originThreshold: 0 })).toThrow(InputError);
    expect(() => parse({ origin: true, originThreshold: 2 })).toThrow(/must be <= 1/);
    expect(() => parse({ origin: 'yes' })).toThrow(/origin: must be true or false/);
  });
});
