import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../src/model/stages.js';
import { derivePageData } from '../../web/src/page-data.js';
import { CHINA_RED } from '../../web/src/palette.js';
import { handReport, MINI } from './helpers.js';

describe('derivePageData', () => {
  const data = derivePageData('mini', MINI, handReport(), []);

  it('lists the countries, most nodes first, with names from the graph', () => {
    expect(data.countries[0]).toEqual({ code: 'CN', name: 'China', color: CHINA_RED, nodes: 3 });
    expect(data.countries.map((c) => c.code).sort()).toEqual(['AU', 'CN', 'DE', 'DK', 'JP', 'MY', 'SE', 'US']);
  });

  it('uses the default stage order when the graph declares none', () => {
    expect(data.stages).toEqual(DEFAULT_STAGES);
  });

  it('names countries the graph does not describe from the locale, else by code', () => {
    expect(data.countryName('FR')).toBe('France');
    expect(data.countryName('DK')).toBe('Denmark');
  });

  it('prefers the locale name to a report that names a country by its code (a generated graph)', () => {
    const report = handReport();
    const byCode = derivePageData('mini', { ...MINI, attributes: { ...MINI.attributes, countries: {} } }, { ...report, countries: [{ country: 'CN', name: 'CN' } as (typeof report.countries)[number], { country: 'JP', name: 'Nippon' } as (typeof report.countries)[number]] }, []);
    expect(byCode.countryName('CN')).toBe('China');
    expect(byCode.countryName('JP')).toBe('Nippon');
  });
});
