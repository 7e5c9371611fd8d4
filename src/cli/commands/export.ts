/**
 * `chokepoint export <file> --format gexf|graphml|cyjs|json|csv`: writes the graph for
 * Gephi, Cytoscape, networkx or a spreadsheet, with every metric of the metrics report
 * attached as node and edge attributes (unless `--no-metrics`). Written atomically to
 * `--out`, or to stdout. The serializers are the pure functions of src/formats.
 */
import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, FORMATS, exportFormat, exportGraph, formatOfPath, type ExportFormat } from '../../formats/export-formats.js';
import { readGraphFile } from '../../io/read-graph.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { computeMetrics } from '../../metrics/report.js';
import { UsageError } from '../../model/errors.js';
import type { CliContext } from '../context.js';

interface ExportFlags {
  format?: string;
  out?: string;
  force?: boolean;
  metrics: boolean;
  table?: string;
  rawCsv?: boolean;
}

const HELP = `
Formats:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(8)} .${FORMATS[f].extension.padEnd(8)} ${FORMATS[f].description}`).join('\n')}
Without --format, the format is taken from the --out file's extension.
Metrics (betweenness, throughput, knockoutLoss, minCut, ...) become node and edge
attributes; see docs/formats.md.

Examples:
  chokepoint export graphs/rare-earths-2024.json --out ree.gexf
  chokepoint export graphs/rare-earths-2024.json --format csv --table edges > edges.csv
`;

function chooseFormat(flags: ExportFlags): ExportFormat {
  if (flags.format !== undefined) return exportFormat(flags.format);
  const fromPath = flags.out === undefined ? undefined : formatOfPath(flags.out);
  if (fromPath) return fromPath;
  throw new UsageError(`give --format (${EXPORT_FORMATS.join(', ')})${flags.out === undefined ? '' : `: the extension of ${flags.out} does not name one`}`);
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write the graph with its metrics as GEXF, GraphML, Cytoscape.js JSON, graph JSON or CSV')
    .argument('<file>', 'graph JSON file')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS))
    .option('-o, --out <path>', 'where to write (stdout when absent)')
    .option('--force', 'replace the output file if it exists')
    .option('--no-metrics', 'export the graph data only')
    .addOption(new Option('--table <table>', 'csv: which table').choices(['nodes', 'edges']))
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .addHelpText('after', HELP)
    .action(async (file: string, flags: ExportFlags) => {
      const format = chooseFormat(flags);
      const { graph } = await readGraphFile(file);
      const report = flags.metrics ? computeMetrics(graph) : undefined;
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
