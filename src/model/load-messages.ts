/**
 * How graph loading words what it finds (graph-loader.ts, parse-graph.ts, the streaming
 * readers in src/io): a value quoted briefly, a zod error's issues as problems under the
 * element, reserved property names, and the cap on warnings. Pure: no I/O.
 */
import type { z } from 'zod';
import type { ProblemList } from './errors.js';
import { isReservedKey, reservedMessage } from './reserved-names.js';

/** Default of `ParseOptions.maxWarnings`: a file with 400,000 unknown attribute names gets 20 lines and a count, not 400,000 lines. */
export const MAX_WARNINGS = 20;

/** `lines` capped at `max`, the rest summarised in one line naming how many were left out. */
export function capWarnings(lines: string[], max: number, file: string): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `${file}: ... and ${lines.length - max} more warnings (not listed)`];
}

/** Describes a value for an error message, briefly. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Adds a problem for each reserved own property name of `value` (an attributes object or a table), as `what`. */
export function checkReservedNames(problems: ProblemList, element: string, value: unknown, what: string): void {
  if (!isPlainObject(value)) return;
  for (const name of Object.keys(value)) if (isReservedKey(name)) problems.add(element, reservedMessage(what, name));
}

/** Adds a zod error's issues to `problems` under `element`, quoting offending values. */
export function addIssues(problems: ProblemList, element: string, error: z.ZodError): void {
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    const shown = 'input' in issue && issue.input !== undefined && issue.code !== 'unrecognized_keys';
    const got = shown ? ` (got ${describeValue(issue.input)})` : '';
    problems.add(element, `${field ? `${field}: ` : ''}${issue.message}${got}`);
  }
}

/**
 * safeParse without `reportInput` (about twice as fast on valid input); on failure it is
 * parsed again with it, so error messages can quote the offending values.
 */
export function check<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const result = schema.safeParse(value);
  return result.success ? result : schema.safeParse(value, { reportInput: true });
}

/** A non-null object that is not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
