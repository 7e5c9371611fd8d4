/**
 * Reads a graph file from disk: the one place that turns a path into a SupplyGraph.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError, NotFoundError } from '../model/errors.js';
import { parseGraph, type ParseOptions, type ParseResult } from '../model/parse-graph.js';

/** Parses JSON text, turning a syntax error into an InputError that names the file. */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new InputError(file, [{ element: 'file', message: 'the file is empty' }]);
  if (text.includes('\u0000')) throw new InputError(file, [{ element: 'file', message: 'the file is binary, not JSON text' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(file, [{ element: 'file', message: `not valid JSON (${detail})` }]);
  }
}

/** Reads a file as UTF-8 text; missing files and directories give NotFoundError/InputError. */
export async function readTextFile(file: string): Promise<string> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new NotFoundError(`${file}: no such file`);
  }
  if (info.isDirectory()) throw new InputError(file, [{ element: 'file', message: 'is a directory, not a file' }]);
  return readFile(file, 'utf8');
}

/** Reads, parses and validates a graph file. */
export async function readGraphFile(file: string, options: ParseOptions = {}): Promise<ParseResult> {
  return parseGraph(parseJsonText(await readTextFile(file), file), file, options);
}
