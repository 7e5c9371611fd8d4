import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../web/src/format.js';
import { priceNote, valueScope } from '../../web/src/value-view.js';
import type { ValuedResult } from '../../src/scenario/value.js';

describe('value view', () => {
  it('names the prices\' years and sources (cut at the first colon), for the materials used', () => {
    const prices = {
      'Dy oxide': { value: 260, unit: 'USD/kg' as const, source: 'USGS (2025), MCS 2025: Rare earths, p. 144', year: 2024 },
      'Tb oxide': { value: 810, unit: 'USD/kg' as const, source: 'USGS (2025), MCS 2025: Rare earths, p. 145', year: 2024 },
      'La oxide': { value: 1, unit: 'USD/kg' as const, source: 'Argus', year: 2023 },
      'NdFeB magnet': { from: 'inputs' as const, source: 'REO content' },
    };
    expect(priceNote(prices)).toBe('USD/yr at 2023, 2024 prices: USGS (2025), MCS 2025; Argus');
    expect(priceNote(prices, ['Dy oxide', 'NdFeB magnet'])).toBe('USD/yr at 2024 prices: USGS (2025), MCS 2025');
    expect(priceNote(prices, ['NdFeB magnet'])).toBe('USD/yr: every material is valued at its inputs');
  });

  it('reads the lens when the result has one, else the world, and nothing without a value reading', () => {
    const figures = { maxFlow: 1, allocation: 1, proportional: 1 };
    const total = { baseline: figures, scenario: figures, loss: { maxFlow: 0, allocation: 0, proportional: 0 } };
    const value = { unit: 'USD/yr' as const, prices: ['p'], total, byEndUse: [], lens: { country: 'US', unitValue: 2, total: { ...total, baseline: { ...figures, proportional: 9 } }, byEndUse: [] } };
    expect(valueScope(null)).toBeNull();
    expect(valueScope({ lens: undefined } as unknown as ValuedResult)).toBeNull();
    expect(valueScope({ value } as unknown as ValuedResult)?.total.baseline.proportional).toBe(1);
    expect(valueScope({ value, lens: { country: 'US' } } as unknown as ValuedResult)?.total.baseline.proportional).toBe(9);
  });

  it('formats USD amounts compactly', () => {
    expect([formatUsd(530.4), formatUsd(12_345), formatUsd(4_500_000), formatUsd(1.23e9), formatUsd(null)]).toEqual(['530', '12.3 k', '4.5 M', '1.2 bn', '–']);
  });
});
