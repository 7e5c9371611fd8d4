/**
 * Reading a graph file of the server's folder on a compute worker (compute-jobs.ts):
 * reading, JSON parsing and validating a large file (a 71 MB graph takes seconds) would
 * otherwise stall every request, the first `GET /api/graphs` listing included. The job
 * gives the graph's summary (what the listing shows) and, when asked, the validated graph
 * as graphology's `export()` with the loader's warnings. Errors name the file by its label
 * (the graph id with `.json`), never by its path on the server.
 */
import { parseJsonText, readTextFile } from '../io/read-graph.js';
import type { SupplyGraph } from '../model/graph.js';
import { parseGraph } from '../model/parse-graph.js';

/** What the listing shows of a graph. */
export interface GraphSummary {
  name: string | null;
  year: number | null;
  nodes: number;
  edges: number;
}

export interface LoadResult {
  summary: GraphSummary;
  /** The graph (`graph.export()`) and warnings; absent when only the summary was asked for. */
  graph?: ReturnType<SupplyGraph['export']>;
  warnings?: string[];
}

export function summaryOf(graph: SupplyGraph): GraphSummary {
  const attributes = graph.getAttributes();
  return { name: attributes.name ?? null, year: attributes.year ?? null, nodes: graph.order, edges: graph.size };
}

/** Reads, parses and validates the graph file `path`; `want: 'summary'` leaves the graph out of the result. */
export async function loadGraphFile(path: string, label: string, want: 'summary' | 'graph'): Promise<LoadResult> {
  const { graph, warnings } = parseGraph(parseJsonText(await readTextFile(path, label), label), label);
  const summary = summaryOf(graph);
  return want === 'summary' ? { summary } : { summary, graph: graph.export(), warnings };
}
