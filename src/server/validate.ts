/**
 * Request validation at the edge: each route states its query and body with one zod
 * schema, which both checks the request and types the handler. An unknown or misspelt
 * query parameter is an error, not silently ignored.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { InputError, UsageError } from '../model/errors.js';
import { checkJsonDepth } from '../model/json-depth.js';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join('; ');
}

/** The request's query string checked against `schema`; UsageError (400) when it does not fit. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const result = schema.safeParse(req.query);
  if (!result.success) throw new UsageError(`query: ${describeIssues(result.error)}`);
  return result.data;
}

/** The JSON body as an object; InputError (400) when it is missing, not a JSON object, or nested too deep. */
export function jsonBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (!req.is('application/json')) {
    throw new InputError('request body', [{ element: 'request body', message: 'must be JSON sent with Content-Type: application/json' }]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('request body', [{ element: 'request body', message: 'must be a JSON object' }]);
  }
  checkJsonDepth(body, 'request body', 'request body');
  return body as Record<string, unknown>;
}

/** A query schema with no parameters: any parameter is an error. */
export const NoQuery = z.strictObject({});
