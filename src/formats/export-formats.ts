/**
 * The export formats in one table, for the CLI (`chokepoint export`) and the server
 * (`/api/graphs/:id/export?format=...`): content type, file extension and the pure
 * serializer of each. Options are validated strictly: an unknown option, or `table` with
 * a format other than csv, is a UsageError.
 */
import { z } from 'zod';
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { toCsv } from './csv-export.js';
import { toCyjs } from './cyjs.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';
import { toNativeJson } from './native-json.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'cyjs', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportOptionsSchema = z.strictObject({
  /** csv only: which table, `nodes` (default) or `edges`. */
  table: z.enum(['nodes', 'edges']).optional(),
  /** csv only: text cells exactly as they are, without the formula-injection quote (csv-cells.ts). */
  rawCsv: z.boolean().optional(),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

export interface FormatInfo {
  contentType: string;
  extension: string;
  description: string;
  serialize: (graph: SupplyGraph, report?: MetricsReport, options?: ExportOptions) => string;
}

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', description: 'GEXF 1.2 (Gephi)', serialize: (g, r) => toGexf(g, r) },
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    description: 'GraphML (Gephi, Cytoscape, yEd, networkx, igraph)',
    serialize: (g, r) => toGraphml(g, r),
  },
  cyjs: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', description: 'Cytoscape.js JSON (Cytoscape desktop, cytoscape.js)', serialize: (g, r) => toCyjs(g, r) },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', description: 'chokepoint graph file (graphology JSON)', serialize: (g, r) => toNativeJson(g, r) },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', description: 'node or edge table', serialize: (g, r, o) => toCsv(g, r, o?.table ?? 'nodes', { raw: o?.rawCsv === true }) },
};

/** The format named `name`; UsageError listing the formats otherwise. */
export function exportFormat(name: string): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f === name.toLowerCase());
  if (!format) throw new UsageError(`unknown export format "${name}" (expected one of ${EXPORT_FORMATS.join(', ')})`);
  return format;
}

/** The format whose extension `path` has, if any. */
export function formatOfPath(path: string): ExportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return EXPORT_FORMATS.find((f) => FORMATS[f].extension === extension);
}

/** Checks export options (from a CLI or a query string) for `format`; UsageError when wrong. */
export function exportOptions(format: ExportFormat, options: unknown): ExportOptions {
  const parsed = ExportOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`export options: ${where}${issue?.message ?? 'invalid'}`);
  }
  if (parsed.data.table !== undefined && format !== 'csv') throw new UsageError(`export options: table applies to the csv format only, not ${format}`);
  if (parsed.data.rawCsv !== undefined && format !== 'csv') throw new UsageError(`export options: rawCsv applies to the csv format only, not ${format}`);
  return parsed.data;
}

/** Serializes `graph` in `format`, after checking the options. */
export function exportGraph(format: ExportFormat, graph: SupplyGraph, report?: MetricsReport, options?: unknown): string {
  return FORMATS[format].serialize(graph, report, exportOptions(format, options));
}
