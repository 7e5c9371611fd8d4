/**
 * ISO 3166-1 alpha-2 country codes, from the i18n-iso-countries package (which also
 * accepts XK, Kosovo's widely used user-assigned code).
 */
import countries from 'i18n-iso-countries';

const CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** True when `code` is an upper-case ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

/** All known alpha-2 codes. */
export function countryCodes(): readonly string[] {
  return [...CODES];
}
