/**
 * Export formats that are several files (a folder): `neo4j` (neo4j-admin import CSV and
 * a GDS script) and `graphframes` (Spark GraphFrames CSV and a loader). The CLI writes
 * them into the folder given with `--out`; see docs/scale.md.
 */
import { UsageError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import type { MetricsReport } from '../metrics/report-types.js';
import { toGraphFrames } from './graphframes.js';
import { toNeo4j, type ExportFile } from './neo4j.js';

export const BUNDLE_FORMATS = ['neo4j', 'graphframes'] as const;
export type BundleFormat = (typeof BUNDLE_FORMATS)[number];

export const BUNDLES: Record<BundleFormat, { description: string; files: (graph: SupplyGraph, report?: MetricsReport) => ExportFile[] }> = {
  neo4j: { description: 'folder: neo4j-admin import CSV (nodes, relationships) and a GDS Cypher script', files: toNeo4j },
  graphframes: { description: 'folder: Spark GraphFrames CSV (vertices, edges) and a PySpark loader', files: toGraphFrames },
};

export function isBundleFormat(name: string): name is BundleFormat {
  return (BUNDLE_FORMATS as readonly string[]).includes(name);
}

/** The files of `format`; UsageError for an unknown name. */
export function exportBundle(format: string, graph: SupplyGraph, report?: MetricsReport): ExportFile[] {
  if (!isBundleFormat(format)) throw new UsageError(`unknown folder export format "${format}" (expected one of ${BUNDLE_FORMATS.join(', ')})`);
  return BUNDLES[format].files(graph, report);
}
