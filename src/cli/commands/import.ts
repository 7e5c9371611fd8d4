/**
 * `chokepoint import`: builds a chokepoint graph file from spreadsheet tables
 * (`--nodes nodes.csv [--edges edges.csv]`) or from GraphML or GEXF (`--graphml FILE`,
 * `--gexf FILE`), validates it, and writes it atomically (or to stdout). The parsing
 * lives in src/formats; this only reads files and writes the result. CSV tables over
 * STREAM_THRESHOLD_BYTES together (or with `--stream`) are read row by row
 * (src/io/stream-csv.ts), with the same result.
 */
import type { Command } from 'commander';
import { fromCsv } from '../../formats/csv-import.js';
import { fromGexf } from '../../formats/gexf.js';
import { fromGraphml } from '../../formats/graphml.js';
import type { ImportOptions } from '../../formats/imported-graph.js';
import { toNativeJson } from '../../formats/native-json.js';
import { readTextFile, STREAM_THRESHOLD_BYTES } from '../../io/read-graph.js';
import { streamCsvGraph } from '../../io/stream-csv.js';
import { regularFileSize } from '../../io/stream-graph.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { UsageError } from '../../model/errors.js';
import type { ParseResult } from '../../model/parse-graph.js';
import type { CliContext } from '../context.js';

interface ImportFlags {
  nodes?: string;
  edges?: string;
  graphml?: string;
  gexf?: string;
  out?: string;
  force?: boolean;
  name?: string;
  unit?: string;
  stages?: string;
  multigraph?: string;
  undirected?: string;
  stream?: boolean;
}

const HELP = `
Spreadsheet columns (header row first; comma, semicolon or tab separated; case, spaces,
"_" and "-" in headers do not matter; an empty cell means "not given"):
  nodes: key*, label, stage*, country*, capacity, status, startYear, source, notes, confidence
  edges: source*, target*, flow*, capacity, material, source_ref, notes, key
  (* required). source/target are node keys; source_ref is the edge's citation.
  Other columns are kept as attributes (numbers when the whole column is numeric).
GraphML and GEXF: attributes with the same names.
networkx's conventions, on request (see docs/formats.md):
  --multigraph sum    parallel edges (same source and target) become one edge: flow and
                      capacity summed (a missing capacity counts as the edge's flow; "inf"
                      if any is "inf"), other attributes from the first edge in file
                      order; their material must agree
  --undirected both   each undirected edge becomes two directed edges with the same
                      attributes (networkx's G.to_directed()); GraphML and GEXF only
See docs/formats.md.

Examples:
  chokepoint import --nodes nodes.csv --edges edges.csv -o graph.json --name "My chain"
  chokepoint import --graphml edited.graphml -o graph.json
`;

async function readSource(flags: ImportFlags, options: ImportOptions): Promise<ParseResult> {
  const sources = [flags.nodes && '--nodes', flags.graphml && '--graphml', flags.gexf && '--gexf'].filter(Boolean);
  if (flags.edges !== undefined && flags.nodes === undefined) throw new UsageError('--edges needs --nodes (the node table)');
  if (sources.length === 0) throw new UsageError('nothing to import: give --nodes (and --edges), --graphml or --gexf');
  if (sources.length > 1) throw new UsageError(`give one source, not ${sources.join(' and ')}`);
  if (flags.nodes !== undefined) {
    // Large tables are read row by row (src/io/stream-csv.ts: the same graph and messages).
    const sizes = await Promise.all([flags.nodes, flags.edges].map((file) => (file === undefined ? 0 : regularFileSize(file))));
    if (flags.stream === true || sizes.reduce((a, b) => a + b, 0) > STREAM_THRESHOLD_BYTES) return streamCsvGraph(flags.nodes, flags.edges, options);
    const nodes = { text: await readTextFile(flags.nodes), file: flags.nodes };
    const edges = flags.edges === undefined ? undefined : { text: await readTextFile(flags.edges), file: flags.edges };
    return fromCsv(nodes, edges, options);
  }
  if (flags.graphml !== undefined) return fromGraphml(await readTextFile(flags.graphml), flags.graphml, options);
  const gexf = flags.gexf ?? '';
  return fromGexf(await readTextFile(gexf), gexf, options);
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('build a graph file from CSV tables (nodes, edges), GraphML or GEXF')
    .option('--nodes <file>', 'node table (CSV)')
    .option('--edges <file>', 'edge table (CSV), with --nodes')
    .option('--graphml <file>', 'GraphML file (Gephi, Cytoscape, yEd, networkx)')
    .option('--gexf <file>', 'GEXF file (Gephi)')
    .option('-o, --out <file>', 'where to write the graph JSON (stdout when absent)')
    .option('--force', 'replace the output file if it exists')
    .option('--name <name>', 'graph name to set')
    .option('--unit <unit>', 'unit of every flow and capacity, e.g. "kt Cu/yr" (replaces any in the file)')
    .option('--stages <list>', 'the graph\'s own stages, comma-separated, upstream first (replaces any in the file)')
    .option('--multigraph <rule>', 'parallel edges: "sum" collapses them into one (flow and capacity summed)')
    .option('--undirected <rule>', 'undirected edges: "both" reads each as two directed edges (networkx to_directed)')
    .option('--stream', 'CSV: read the tables row by row (the default for tables over 64 MiB together)')
    .addHelpText('after', HELP)
    .action(async (flags: ImportFlags) => {
      const options: ImportOptions = {};
      if (flags.name !== undefined) options.name = flags.name;
      if (flags.unit !== undefined) options.unit = flags.unit;
      if (flags.multigraph !== undefined) {
        if (flags.multigraph !== 'sum') throw new UsageError(`--multigraph must be "sum", not "${flags.multigraph}"`);
        options.multigraph = 'sum';
      }
      if (flags.undirected !== undefined) {
        if (flags.undirected !== 'both') throw new UsageError(`--undirected must be "both", not "${flags.undirected}"`);
        options.undirected = 'both';
      }
      if (flags.stages !== undefined) options.stages = flags.stages.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const { graph, warnings } = await readSource(flags, options);
      for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
      const text = toNativeJson(graph);
      if (flags.out === undefined) {
        ctx.stdout(text);
        return;
      }
      await writeFileAtomic(flags.out, text, { force: flags.force === true });
      ctx.stdout(`wrote ${flags.out}: ${graph.order} nodes, ${graph.size} edges\n`);
    });
}
