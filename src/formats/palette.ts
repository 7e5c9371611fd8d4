/**
 * Country colours: a fixed palette so a country keeps its colour across graphs and
 * scenarios. China is the one strong red; no other country gets a red. Countries
 * without a fixed colour take the spare colours in code order.
 */

export const CHINA_RED = '#d62728';

/** Fixed colours of the countries that recur in rare-earth chains. */
export const FIXED_COLORS: Readonly<Record<string, string>> = {
  CN: CHINA_RED,
  US: '#1f5fbf',
  AU: '#e69f00',
  MY: '#009e73',
  JP: '#8e44ad',
  KR: '#4a6fa5',
  DE: '#444444',
  FR: '#0072b2',
  EE: '#56b4e9',
  SE: '#00a2c7',
  NO: '#2c7fb8',
  FI: '#7fb3d5',
  GL: '#9ecae1',
  CA: '#a6761d',
  VN: '#66a61e',
  MM: '#b8860b',
  LA: '#c9a227',
  IN: '#f28e2b',
  BR: '#2ca25f',
  RU: '#7f7f7f',
  TH: '#b07aa1',
  GB: '#3d5a80',
  TW: '#6a3d9a',
};

/** Colours for other countries: no reds, distinct from the fixed ones. */
export const SPARE_COLORS: readonly string[] = [
  '#17becf',
  '#bcbd22',
  '#8c564b',
  '#9467bd',
  '#5f9ea0',
  '#b5a642',
  '#6b8e23',
  '#708090',
  '#cd853f',
  '#4682b4',
  '#8fbc8f',
  '#a0522d',
];

/** Colour of each given country code. */
export function countryColors(codes: Iterable<string>): Record<string, string> {
  const result: Record<string, string> = {};
  const others = [...new Set(codes)].filter((code) => !(code in FIXED_COLORS)).sort();
  for (const code of new Set(codes)) {
    const fixed = FIXED_COLORS[code];
    if (fixed) result[code] = fixed;
  }
  others.forEach((code, index) => {
    result[code] = SPARE_COLORS[index % SPARE_COLORS.length] ?? '#999999';
  });
  return result;
}
