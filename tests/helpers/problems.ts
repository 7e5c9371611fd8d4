/** Test helper: the problems of the InputError that `run` throws, as `element: message` lines. */
import { expect } from 'vitest';
import { InputError } from '../../src/model/errors.js';

export function inputProblems(run: () => unknown, file?: string): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    if (file !== undefined) expect((error as InputError).file).toBe(file);
    return (error as InputError).problems.map((p) => `${p.element}: ${p.message}`);
  }
  throw new Error('expected an InputError');
}
