/**
 * How deep JSON values nest. Validators, error messages and exporters walk values
 * recursively, so a deeply nested value (easy to send: `[[[[...]]]]`) would overflow the
 * stack; inputs are checked against MAX_JSON_DEPTH first. Pure.
 */
import { InputError } from './errors.js';

/** Deepest nesting of arrays and objects accepted in a JSON input (a graph file needs 6). */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests deeper than `MAX_JSON_DEPTH` (recursion stops there, so it is bounded too). */
function tooDeep(value: object, depth: number): boolean {
  if (depth > MAX_JSON_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const child of value as unknown[]) if (typeof child === 'object' && child !== null && tooDeep(child, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && tooDeep(child, depth + 1)) return true;
  }
  return false;
}

/**
 * Throws an InputError naming `file` when `value` nests arrays and objects more than
 * `MAX_JSON_DEPTH` deep: the validators, error messages and exporters walk values
 * recursively, and a deeply nested value (easy to send: `[[[[...]]]]`) would overflow the
 * stack.
 */
export function checkJsonDepth(value: unknown, file: string, element = 'file'): void {
  if (isNestedTooDeep(value)) {
    throw new InputError(file, [{ element, message: `arrays and objects nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
}

/** True when `value` nests arrays and objects more than MAX_JSON_DEPTH deep. */
export function isNestedTooDeep(value: unknown): boolean {
  return typeof value === 'object' && value !== null && tooDeep(value, 1);
}
