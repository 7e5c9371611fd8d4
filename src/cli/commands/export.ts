/**
 * `chokepoint export <file> --format gexf|graphml|cyjs|json|csv|neo4j|graphframes`:
 * writes the graph for Gephi, Cytoscape, networkx, a spreadsheet, Neo4j or Spark, with
 * the metrics of the metrics report attached as node and edge attributes: all of them,
 * the ones `--metrics LIST` names (only those are computed), or none (`--no-metrics`).
 * Single-file formats are written atomically to `--out`, or to stdout; neo4j and
 * graphframes are several files, written (each atomically) into the folder `--out`.
 * The serializers are the pure functions of src/formats.
 */
import { Option, type Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_FORMATS, BUNDLES, exportBundle, isBundleFormat, type BundleFormat } from '../../formats/bundle-formats.js';
import { EXPORT_FORMATS, FORMATS, exportFormat, exportGraph, formatOfPath, type ExportFormat } from '../../formats/export-formats.js';
import { readGraphFile } from '../../io/read-graph.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { loadSolver } from '../../allocation/highs-adapter.js';
import { computeMetrics, parseMetricNames } from '../../metrics/report.js';
import { UsageError } from '../../model/errors.js';
import type { CliContext } from '../context.js';

interface ExportFlags {
  format?: string;
  out?: string;
  force?: boolean;
  /** false with --no-metrics; the list with --metrics LIST; true otherwise. */
  metrics?: boolean | string;
  table?: string;
  rawCsv?: boolean;
}

const HELP = `
Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(12)} .${FORMATS[f].extension.padEnd(8)} ${FORMATS[f].description}`).join('\n')}
${BUNDLE_FORMATS.map((f) => `  ${f.padEnd(12)} ${BUNDLES[f].description}`).join('\n')}
Without --format, the format is taken from the --out file's extension. neo4j and
graphframes write several files into the folder --out (created if needed).
Metrics (betweenness, throughput, knockoutLoss, minCut, ...) become node and edge
attributes; --metrics LIST computes and attaches only those (the knockout table is the
slow one on large graphs). See docs/formats.md and docs/scale.md.

Examples:
  chokepoint export graphs/rare-earths-2024.json --out ree.gexf
  chokepoint export graphs/rare-earths-2024.json --format csv --table edges > edges.csv
  chokepoint export big.json --format neo4j --metrics betweenness,throughput --out neo4j-import/
`;

function chooseFormat(flags: ExportFlags): ExportFormat | BundleFormat {
  if (flags.format !== undefined) return isBundleFormat(flags.format) ? flags.format : exportFormat(flags.format);
  const fromPath = flags.out === undefined ? undefined : formatOfPath(flags.out);
  if (fromPath) return fromPath;
  throw new UsageError(`give --format (${EXPORT_FORMATS.join(', ')})${flags.out === undefined ? '' : `: the extension of ${flags.out} does not name one`}`);
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the graph with its metrics as GEXF, GraphML, Cytoscape.js JSON, graph JSON or CSV')
    .argument('<file>', 'graph JSON file')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS, ...BUNDLE_FORMATS]))
    .option('-o, --out <path>', 'where to write (stdout when absent; a folder for neo4j and graphframes)')
    .option('--force', 'replace the output file(s) if they exist')
    .option('--metrics <list>', 'comma-separated metrics to compute and attach (default: all)')
    .option('--no-metrics', 'export the graph data only')
    .addOption(new Option('--table <table>', 'csv: which table').choices(['nodes', 'edges']))
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .addHelpText('after', HELP)
    .action(async (file: string, flags: ExportFlags) => {
      const format = chooseFormat(flags);
      if (flags.table !== undefined && isBundleFormat(format)) throw new UsageError(`--table applies to the csv format only, not ${format}`);
      const metrics = typeof flags.metrics === 'string' ? parseMetricNames(flags.metrics.split(',').map((name) => name.trim()).filter((name) => name !== '')) : undefined;
      if (isBundleFormat(format) && flags.out === undefined) throw new UsageError(`${format} writes several files: give the folder with --out`);
      const { graph } = await readGraphFile(file);
      // shadowPrice is an LP: the solver is loaded only when it is asked for.
      if (flags.metrics !== false && metrics?.includes('shadowPrice')) await loadSolver();
      const report = flags.metrics === false ? undefined : computeMetrics(graph, metrics === undefined ? {} : { metrics });
      if (isBundleFormat(format)) {
        const folder = flags.out as string;
        const files = exportBundle(format, graph, report);
        await mkdir(folder, { recursive: true });
        for (const f of files) await writeFileAtomic(join(folder, f.name), f.content, { force: flags.force === true });
        ctx.stdout(`wrote ${folder}: ${format}, ${files.map((f) => f.name).join(', ')}; ${graph.order} nodes, ${graph.size} edges${report ? `, metrics: ${report.metrics.join(', ')}` : ''}\n`);
        return;
      }
      const text = exportGraph(format, graph, report, { ...(flags.table === undefined ? {} : { table: flags.table }), ...(flags.rawCsv ? { rawCsv: true } : {}) });
      if (flags.out === undefined) {
        ctx.stdout(text);
        return;
      }
      await writeFileAtomic(flags.out, text, { force: flags.force === true });
      const what = format === 'csv' ? `${flags.table ?? 'nodes'} table` : `${graph.order} nodes, ${graph.size} edges`;
      ctx.stdout(`wrote ${flags.out}: ${format}, ${what}${report ? `, metrics: ${report.metrics.join(', ')}` : ''}\n`);
    });
}
