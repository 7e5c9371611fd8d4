/**
 * `loadGraph`: the library's one call to read a graph file of any supported format,
 * chosen by extension: `.json` (chokepoint's graph file, docs/format.md), `.graphml`,
 * `.gexf` (docs/formats.md). A thin adapter: reads the file (read-graph.ts) and hands the
 * text to the pure parsers. Returns the validated graph and the warnings (unknown
 * attributes); bad input is an InputError naming the file and each problem.
 */
import { extname } from 'node:path';
import { fromGexf } from '../formats/gexf.js';
import { fromGraphml } from '../formats/graphml.js';
import type { ImportOptions } from '../formats/imported-graph.js';
import { UsageError } from '../model/errors.js';
import type { ParseResult } from '../model/parse-graph.js';
import { readGraphFile, readTextFile } from './read-graph.js';

export type GraphFormat = 'json' | 'graphml' | 'gexf';

export interface LoadGraphOptions extends ImportOptions {
  /** The file's format; default: from its extension. */
  format?: GraphFormat;
}

const BY_EXTENSION: Record<string, GraphFormat> = { '.json': 'json', '.graphml': 'graphml', '.xml': 'graphml', '.gexf': 'gexf' };

/** Reads and validates the graph file at `path`. */
export async function loadGraph(path: string, options: LoadGraphOptions = {}): Promise<ParseResult> {
  const { format = BY_EXTENSION[extname(path).toLowerCase()], ...importOptions } = options;
  if (format === undefined) throw new UsageError(`loadGraph: cannot tell the format of "${path}" from its extension; pass { format: 'json' | 'graphml' | 'gexf' }`);
  if (format === 'json') {
    const result = await readGraphFile(path);
    if (importOptions.name !== undefined) result.graph.setAttribute('name', importOptions.name);
    return result;
  }
  if (format === 'graphml') return fromGraphml(await readTextFile(path), path, importOptions);
  if (format === 'gexf') return fromGexf(await readTextFile(path), path, importOptions);
  throw new UsageError(`loadGraph: unknown format "${String(format)}" (known: json, graphml, gexf)`);
}
