/**
 * The formula-injection rule of every CSV chokepoint writes (see `csv-cells.ts`), on its
 * own so that the page can use it without the Node CSV writer: a text cell that starts
 * with `= + - @`, tab or CR, and is not a plain decimal number, gets a single quote in
 * front. Reference: OWASP, "CSV Injection".
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `text` with a quote in front when a spreadsheet would read it as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
