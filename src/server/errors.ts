/**
 * The server's one error middleware: every error becomes a JSON body
 * `{error, kind, details?}` (`details` on every 400) with the status `ERROR_KINDS` gives
 * its kind (the same table the CLI uses for exit codes). Errors from Express's body
 * parser (too large, bad JSON) are mapped too; anything else is a 500 whose message is
 * logged, not sent. A 503 (kind `busy`) carries `Retry-After`.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { BusyLog } from './busy-log.js';
import { ChokepointError, ERROR_KINDS, InputError, NotFoundError, type ErrorKind, type Problem } from '../model/errors.js';

export interface ErrorBody {
  error: string;
  kind: ErrorKind | 'internal';
  /** The problem list of an invalid input. */
  details?: Problem[];
  /** How many problems there were in all, when more than `details` lists. */
  total?: number;
}

/** An error thrown by body-parser (via http-errors). */
interface HttpError {
  status: number;
  type?: string;
  expose?: boolean;
  message: string;
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as Partial<HttpError>).status === 'number';
}

/**
 * Status and JSON body for any error. Every 400 has `details`: the problem list of an
 * invalid input, else one problem (element `request`) repeating `error`.
 */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  const response = describeError(error);
  if (response.status === 400 && response.body.details === undefined) response.body.details = [{ element: 'request', message: response.body.error }];
  return response;
}

function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof InputError) {
    const body: ErrorBody = { error: error.message, kind: error.kind, details: error.problems };
    if (error.total > error.problems.length) body.total = error.total;
    return { status: ERROR_KINDS.input.httpStatus, body };
  }
  if (error instanceof ChokepointError) {
    return { status: ERROR_KINDS[error.kind].httpStatus, body: { error: error.message, kind: error.kind } };
  }
  if (isHttpError(error) && error.status >= 400 && error.status < 500) {
    if (error.type === 'entity.too.large') {
      return { status: ERROR_KINDS['too-large'].httpStatus, body: { error: `request body: larger than the limit (${error.message})`, kind: 'too-large' } };
    }
    if (error.type === 'entity.parse.failed') {
      const details = [{ element: 'request body', message: `not valid JSON (${error.message})` }];
      return { status: ERROR_KINDS.input.httpStatus, body: { error: `request body: not valid JSON (${error.message})`, kind: 'input', details } };
    }
    const message = error.expose ? error.message : 'bad request';
    return { status: error.status, body: { error: `request: ${message}`, kind: 'usage' } };
  }
  return { status: 500, body: { error: 'internal error (see the server log)', kind: 'internal' } };
}

/** The request line as logged: method and path, without the query, at most 200 characters. */
function requestLine(method: string, url: string): string {
  const path = url.split('?')[0] ?? '';
  return `${method} ${path.length > 200 ? `${path.slice(0, 197)}...` : path}`;
}

/**
 * The JSON error middleware. `log` receives internal errors (500) with their stack; busy
 * answers (503) are expected under load, not bugs: they are counted by `busy` and logged
 * as one line per interval (busy-log.ts), never with a stack.
 */
export function jsonErrors(log: (line: string) => void, busy: BusyLog): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body } = errorResponse(error);
    if (body.kind === 'busy') busy.record(requestLine(req.method, req.originalUrl), body.error.split('\n')[0] ?? '');
    else if (status >= 500) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`chokepoint serve: ${requestLine(req.method, req.originalUrl)}: ${detail}`);
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    // A busy server (503): the client may try again in a few seconds.
    if (body.kind === 'busy') res.set('Retry-After', '5');
    res.status(status).json(body);
  };
}

/** Any request nothing else answered: a JSON 404. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route ${req.method} ${req.originalUrl.split('?')[0]}`));
};
