/**
 * The typed errors of chokepoint. Every error a user can cause is one of these; tests
 * check the class, not the wording. One table (`ERROR_KINDS`) maps each kind to a CLI
 * exit code and an HTTP status, so the CLI and the server agree.
 */

/** One problem found in an input: where it is and what is wrong. */
export interface Problem {
  /** The element: `node "cn-mining"`, `edge "a -> b"`, `graph`, `action 2 (embargo)`. */
  element: string;
  /** What is wrong with it, in plain words. */
  message: string;
}

export type ErrorKind = 'usage' | 'input' | 'not-found' | 'too-large' | 'computation' | 'busy' | 'forbidden';

export abstract class ChokepointError extends Error {
  abstract readonly kind: ErrorKind;
}

/** The call itself is wrong: an unknown option, a missing argument, a bad flag value. */
export class UsageError extends ChokepointError {
  readonly kind = 'usage' as const;
  override name = 'UsageError';
}

/**
 * An input (graph file, scenario, request body) is invalid. `file` names where it came
 * from (a path, or a label such as `request body`); `problems` lists every problem found,
 * up to a limit.
 */
export class InputError extends ChokepointError {
  readonly kind = 'input' as const;
  override name = 'InputError';
  readonly file: string;
  readonly problems: Problem[];
  /** How many problems were found in all (may exceed `problems.length`). */
  readonly total: number;

  constructor(file: string, problems: Problem[], total = problems.length) {
    super(formatProblems(file, problems, total));
    this.file = file;
    this.problems = problems;
    this.total = total;
  }
}

/** A named thing does not exist: a file, a graph id, a node. */
export class NotFoundError extends ChokepointError {
  readonly kind = 'not-found' as const;
  override name = 'NotFoundError';
}

/** An input is larger than the configured limit. */
export class TooLargeError extends ChokepointError {
  readonly kind = 'too-large' as const;
  override name = 'TooLargeError';
}

/** A computation cannot give a meaningful answer (ill-posed question, time budget). */
export class ComputationError extends ChokepointError {
  readonly kind = 'computation' as const;
  override name = 'ComputationError';
}

/** The server has no capacity for the request now (its compute queue is full, or it is stopping): try again later. */
export class BusyError extends ChokepointError {
  readonly kind = 'busy' as const;
  override name = 'BusyError';
}

/** The request is not one this server answers: a Host header outside the allow-list (DNS rebinding). */
export class ForbiddenError extends ChokepointError {
  readonly kind = 'forbidden' as const;
  override name = 'ForbiddenError';
}

/** Exit code and HTTP status for each kind of error; anything else is exit 1 / 500. */
export const ERROR_KINDS: Record<ErrorKind, { exitCode: number; httpStatus: number }> = {
  usage: { exitCode: 2, httpStatus: 400 },
  input: { exitCode: 3, httpStatus: 400 },
  'not-found': { exitCode: 3, httpStatus: 404 },
  'too-large': { exitCode: 3, httpStatus: 413 },
  computation: { exitCode: 1, httpStatus: 422 },
  busy: { exitCode: 1, httpStatus: 503 },
  forbidden: { exitCode: 2, httpStatus: 403 },
};

export function formatProblems(file: string, problems: Problem[], total = problems.length): string {
  const lines = problems.map((p) => `${file}: ${p.element}: ${p.message}`);
  if (total > problems.length) lines.push(`${file}: ... and ${total - problems.length} more problems`);
  return lines.join('\n');
}

/** Collects problems up to a limit, counting the rest. */
export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;
  constructor(readonly limit = 50) {}

  add(element: string, message: string): void {
    this.total += 1;
    if (this.items.length < this.limit) this.items.push({ element, message });
  }

  get empty(): boolean {
    return this.total === 0;
  }

  /** Throws an InputError naming `file` when any problem was added. */
  throwIfAny(file: string): void {
    if (!this.empty) throw new InputError(file, this.items, this.total);
  }
}
