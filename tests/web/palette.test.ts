import { describe, expect, it } from 'vitest';
import { CHINA_RED, countryColors, FIXED_COLORS, SPARE_COLORS } from '../../web/src/palette.js';

/** Hue of a #rrggbb colour in degrees, and its saturation (HSL). */
function hueSat(hex: string): { hue: number; sat: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const l = (max + min) / 2;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let hue = 0;
  if (d > 0) hue = max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return { hue: (hue + 360) % 360, sat };
}

describe('countryColors', () => {
  it('gives China its red and every other country a colour that is not red', () => {
    const codes = ['CN', ...Object.keys(FIXED_COLORS), 'ZA', 'KZ', 'NG', 'AR', 'CL', 'PE', 'MX', 'ES', 'IT', 'PL', 'NL', 'BE', 'AT', 'CH'];
    const colors = countryColors(codes);
    expect(colors.CN).toBe(CHINA_RED);
    for (const [code, color] of Object.entries(colors)) {
      if (code === 'CN') continue;
      const { hue, sat } = hueSat(color);
      const reddish = (hue < 15 || hue > 340) && sat > 0.4;
      expect(reddish, `${code} ${color}`).toBe(false);
    }
  });

  it('is stable: the same code gets the same colour whatever else is present', () => {
    expect(countryColors(['US', 'CN']).US).toBe(countryColors(['US']).US);
    expect(countryColors(['ZA', 'KZ'])).toEqual(countryColors(['KZ', 'ZA']));
  });

  it('gives spare colours to unknown codes in code order', () => {
    expect(countryColors(['ZZ', 'QQ'])).toEqual({ QQ: SPARE_COLORS[0], ZZ: SPARE_COLORS[1] });
  });
});
