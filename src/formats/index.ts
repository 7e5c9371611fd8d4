/** Graph file formats: exporters (graph + optional metrics report -> text) and importers (text -> graph). */
export { toCsv, type CsvTable } from './csv-export.js';
export { fromCsv, type CsvFile } from './csv-import.js';
export { toCyjs, toCyjsDocument, type CyjsDocument } from './cyjs.js';
export { EXPORT_FORMATS, FORMATS, exportFormat, exportGraph, exportOptions, formatOfPath, type ExportFormat, type ExportOptions, type FormatInfo } from './export-formats.js';
export { fromGexf, toGexf } from './gexf.js';
export { fromGraphml, toGraphml } from './graphml.js';
export type { ImportOptions } from './imported-graph.js';
export { toNativeJson } from './native-json.js';
export { withMetrics } from './with-metrics.js';
