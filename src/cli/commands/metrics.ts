/**
 * `chokepoint metrics <file> [--format json|csv] [--metrics LIST] [--weight ATTR]
 * [--sample N] [--seed N] [--table nodes|edges|stages|countries] [--out PATH] [--force]
 * [--quiet]`: the metrics report (src/metrics/report.ts) as pretty JSON, or one of its
 * tables as CSV. Notes (why a value is null) and loader warnings go to stderr unless
 * --quiet.
 */
import { Option, type Command } from 'commander';
import { readGraphFile, readGraphIndexFile } from '../../io/read-graph.js';
import { prettyJsonChunks } from '../../io/json-chunks.js';
import { writeFileAtomic } from '../../io/write-file.js';
import type { BetweennessPlan } from '../../metrics/centrality/betweenness.js';
import { runBetweennessPlan } from '../../metrics/centrality/betweenness-parallel.js';
import { indexGraph, operatingIndex } from '../../model/graph-index.js';
import { knockoutOfSolvedParallel } from '../../metrics/flow/knockout-parallel.js';
import { betweennessJob, buildMetricsReport, metricsFlow, type AllocationSolver, type MetricsSource, type PrecomputedMetrics } from '../../metrics/report-build.js';
import { knockoutJob, metricsNeedGraph, parseMetricNames, type MetricsOptions } from '../../metrics/report-options.js';
import { DEFAULT_METRICS, METRIC_NAMES } from '../../metrics/report-types.js';
import { METRICS_TABLES, metricsCsv, parseTableName } from '../../metrics/tables.js';
import { UsageError } from '../../model/errors.js';
import type { CliContext } from '../context.js';
import { createProgress, type Progress } from '../progress.js';
import { unlimitedAsText } from '../../model/schema.js';

interface MetricsFlags {
  format: 'json' | 'csv';
  metrics?: string;
  weight?: string;
  sample?: string;
  seed?: string;
  normalize?: boolean;
  endpoints?: boolean;
  undirected?: boolean;
  alpha?: string;
  pagerankWeight?: string;
  source?: string;
  target?: string;
  capacity?: string;
  table?: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  rawCsv?: boolean;
}

const HELP = `
Metrics: ${METRIC_NAMES.join(', ')} (default: ${DEFAULT_METRICS.join(', ')}; shadowPrice, an LP, closeness and components only when named; on a graph without stages, countries or flows the defaults it supports).
Every metric is computed on the operating nodes; see docs/metrics.md for definitions.

Examples:
  chokepoint metrics graphs/rare-earths-2024.json > report.json
  chokepoint metrics graphs/rare-earths-2024.json --metrics knockoutLoss,concentration --table countries
  chokepoint metrics graphs/rare-earths-2024.json --format csv --table stages --out stages.csv
  chokepoint metrics graphs/rare-earths-2024.json --metrics shadowPrice --table countries --format csv
`;

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag}: expected a whole number (got "${value}")`);
  return Number(value);
}

/** The report options named by the flags. */
export function metricsOptions(flags: MetricsFlags): MetricsOptions {
  const options: MetricsOptions = {};
  if (flags.metrics !== undefined) {
    options.metrics = parseMetricNames(
      flags.metrics
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    );
  }
  if (flags.weight !== undefined) options.weight = flags.weight;
  if (flags.sample !== undefined) options.sample = wholeNumber('--sample', flags.sample);
  if (flags.seed !== undefined) options.seed = wholeNumber('--seed', flags.seed);
  if (flags.normalize === false) options.normalized = false;
  if (flags.endpoints) options.endpoints = true;
  if (flags.undirected) options.undirected = true;
  if (flags.alpha !== undefined) {
    if (!/^(0?\.\d+|\d+(\.\d*)?)$/.test(flags.alpha)) throw new UsageError(`--alpha: expected a number between 0 and 1 (got "${flags.alpha}")`);
    options.alpha = Number(flags.alpha);
  }
  if (flags.pagerankWeight !== undefined) options.pagerankWeight = flags.pagerankWeight === 'none' ? null : flags.pagerankWeight;
  const list = (value: string) => value.split(',').map((key) => key.trim()).filter((key) => key !== '');
  if (flags.source !== undefined) options.sources = list(flags.source);
  if (flags.target !== undefined) options.targets = list(flags.target);
  if (flags.capacity !== undefined) options.capacity = flags.capacity;
  return options;
}

/**
 * `check(options)`, or true when the options are bad: the graph path is then taken and
 * the report says why after the file is read, as it always did (a missing file first).
 */
/** The allocation LP's solve with its solver (HiGHS) loaded: imported on demand, for shadowPrice only. */
async function loadAllocation(): Promise<AllocationSolver> {
  const [{ loadSolver }, { solveAllocation }] = await Promise.all([import('../../allocation/highs-adapter.js'), import('../../allocation/solve-allocation.js')]);
  await loadSolver();
  return solveAllocation;
}

function trueIfBad(check: (options: MetricsOptions) => boolean, options: MetricsOptions): boolean {
  try {
    return check(options);
  } catch {
    return true;
  }
}

/** The graph file as a graphology graph and its index. */
async function graphSource(file: string): Promise<{ source: MetricsSource; warnings: string[] }> {
  const { graph, warnings } = await readGraphFile(file);
  return { source: { index: indexGraph(graph), attributes: graph.getAttributes(), graph }, warnings };
}

/**
 * The graph file read straight into its index (the same checks and messages, no graphology
 * graph), streamed whatever its size: element by element, not parsed whole into one
 * object tree first (about a quarter less CPU on the 20,000-node bench graph, most of it
 * garbage collection; docs/scale.md).
 */
async function indexSource(file: string): Promise<{ source: MetricsSource; warnings: string[] }> {
  const { index, attributes, warnings } = await readGraphIndexFile(file, { stream: true });
  return { source: { index, attributes }, warnings };
}

export function registerMetrics(program: Command, ctx: CliContext): void {
  program
    .command('metrics')
    .description('flow, concentration and centrality metrics of a graph, as JSON or CSV')
    .argument('<file>', 'graph JSON file')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--metrics <list>', 'comma-separated metrics to compute (default: all)')
    .option('--weight <attr>', 'betweenness: numeric edge attribute read as a length (default: hop counts)')
    .option('--sample <n>', 'betweenness: estimate from n pivot sources')
    .option('--seed <n>', 'betweenness: seed of the pivot choice (with --sample)')
    .option('--no-normalize', 'betweenness: raw sums, not divided by the number of pairs')
    .option('--endpoints', 'betweenness: count path endpoints (networkx endpoints=True)')
    .option('--undirected', 'betweenness: read the graph as undirected (networkx Graph conventions)')
    .option('--alpha <a>', 'pagerank: damping factor, 0 < a < 1 (default 0.85)')
    .option('--pagerank-weight <attr>', 'pagerank: edge attribute read as a volume weight (default: flow; "none": unweighted)')
    .option('--source <keys>', 'maxFlow, minCut, knockoutLoss: comma-separated source nodes (default: nodes with no in-edge)')
    .option('--target <keys>', 'maxFlow, minCut, knockoutLoss: comma-separated target nodes (default: nodes with no out-edge)')
    .option('--capacity <attr>', 'maxFlow, minCut, knockoutLoss: edge attribute read as capacity; missing = unlimited (default: capacity, else flow)')
    .option('--table <table>', `only this table: ${METRICS_TABLES.join(', ')} (csv default: nodes)`)
    .option('-o, --out <path>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace the --out file if it exists')
    .option('--quiet', 'no notes or warnings on stderr, no "wrote" line')
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .addHelpText('after', HELP)
    .action(async (file: string, flags: MetricsFlags) => {
      const options = metricsOptions(flags);
      const table = flags.table === undefined ? undefined : parseTableName(flags.table);
      // The knockout table runs on worker threads from the report's solved flow (any
      // --source, --target, --capacity); with bad options buildMetrics reports them.
      const knockoutOnThreads = !trueIfBad((o) => !knockoutJob(o), options);
      // The graph is indexed once (model/graph-index.ts); every metric reads the index. When
      // nothing asked needs the graphology graph (report.ts metricsNeedGraph), the file is
      // read straight into the index.
      const { source, warnings } = trueIfBad(metricsNeedGraph, options) ? await graphSource(file) : await indexSource(file);
      const precomputed: PrecomputedMetrics = { index: source.index, active: operatingIndex(source.index) };
      // shadowPrice is an LP: its code and the solver (HiGHS, WebAssembly) are loaded only when it is asked for.
      const allocation: AllocationSolver | undefined = options.metrics?.includes('shadowPrice') ? await loadAllocation() : undefined;
      // Betweenness, the costly part, runs on worker threads when the graph is large
      // enough to gain from them (same values as the single-thread code, within 1e-12),
      // with a progress bar.
      // Edge betweenness only when edge rows are written (the whole report, or the edges table).
      const job = betweennessJob(source, options, precomputed, { edges: table === undefined || table === 'edges' });
      const runBetweenness = async (plan: BetweennessPlan) => {
        const nodes = plan.csr.n;
        const bar = createProgress(ctx, { total: nodes, label: 'betweenness', quiet: flags.quiet === true });
        try {
          return await runBetweennessPlan(plan, { onProgress: (done, total) => bar.update(Math.round((done / total) * nodes)) });
        } finally {
          bar.stop();
        }
      };
      const bars: { knockout?: Progress } = {};
      const knockout = (done: number, total: number) => {
        bars.knockout ??= createProgress(ctx, { total, label: 'knockout', quiet: flags.quiet === true });
        bars.knockout.update(done);
      };
      let result;
      try {
        // On large graphs betweenness and the knockout table each run on worker threads,
        // one thread per core, one after the other (running both at once would only share
        // the same cores). The report's maximum flow, which the knockout threads start from,
        // is solved on this thread while the betweenness threads run, instead of between the
        // two (with a single-thread betweenness, on small graphs, it comes after it).
        const betweenness = job ? runBetweenness(job.plan) : null;
        if (knockoutOnThreads) {
          try {
            precomputed.flow = metricsFlow(source, options, precomputed);
          } catch (error) {
            // Betweenness first, as when the two ran one after the other: its error, if any, wins.
            await betweenness;
            throw error;
          }
        }
        if (betweenness) precomputed.betweenness = await betweenness;
        // The knockout table, the costly flow metric, runs on worker threads on large
        // graphs (knockout-parallel.ts: exactly the single-thread values), from the
        // report's own maximum flow (solved once, on the operating index, and passed on).
        if (precomputed.flow) precomputed.knockout = await knockoutOfSolvedParallel(precomputed.flow, { onProgress: knockout });
        result = buildMetricsReport(source, options, precomputed, { knockout, ...(allocation ? { allocation } : {}) });
      } finally {
        bars.knockout?.stop();
      }
      const { report, notes } = result;
      if (!flags.quiet) {
        for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
        for (const note of notes) ctx.stderr(`note: ${note}\n`);
      }
      // JSON goes out row by row (the text of JSON.stringify(value, unlimitedAsText, 2),
      // in chunks: io/json-chunks.ts), not as one string of tens of megabytes.
      const text: Iterable<string> = flags.format === 'csv' ? [metricsCsv(report, table ?? 'nodes', { raw: flags.rawCsv === true })] : prettyJsonChunks(table === undefined ? report : report[table], unlimitedAsText);
      if (flags.out === undefined) {
        for (const chunk of text) ctx.stdout(chunk);
        return;
      }
      await writeFileAtomic(flags.out, text, { force: flags.force === true });
      if (!flags.quiet) ctx.stdout(`wrote ${flags.out}: ${flags.format}${table === undefined ? '' : `, ${table}`}, metrics: ${report.metrics.join(', ')}\n`);
    });
}
