/**
 * `chokepoint sweep <graph> [--by country|node] [--mode disable|embargo] [--bound
 * maxFlow|allocation|proportional] [--weight tonnes|value] [--format text|json|csv]
 * [--threads N] [--quiet] [--out PATH] [--force]`: every country (or node) in turn taken
 * offline or embargoed, ranked by its loss under the chosen bound, with all three bounds
 * shown (src/scenario/sweep.ts); `--weight value` counts supply in USD/yr from the graph's
 * prices (src/scenario/value.ts) and lists the prices used. The items are evaluated on
 * `--threads` worker threads (default: the cores; src/scenario/sweep-parallel.ts), with
 * the same result as on one.
 */
import type { Command } from 'commander';
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import { readGraphFile } from '../../io/read-graph.js';
import { UsageError } from '../../model/errors.js';
import { BOUNDS } from '../../scenario/evaluate.js';
import { SWEEP_BY, SWEEP_MODES, type SweepResult } from '../../scenario/sweep.js';
import { sweepScenariosParallel } from '../../scenario/sweep-parallel.js';
import { parseWeight } from '../../scenario/value.js';
import type { CliContext } from '../context.js';
import { createProgress, type Progress } from '../progress.js';
import { formatTable } from '../table.js';
import { checkFormat, emit, pct } from './scenario-shared.js';

interface SweepFlags {
  by: string;
  mode: string;
  bound: string;
  weight: string;
  format: string;
  quiet?: boolean;
  out?: string;
  force?: boolean;
  rawCsv?: boolean;
  threads?: string;
}

/** `--threads`: a whole number >= 1, or a UsageError naming the flag. */
function threadsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`--threads: expected a whole number >= 1 (got "${value}")`);
  return n;
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag}: expected one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function sweepText(r: SweepResult): string {
  const what = r.mode === 'embargo' ? 'embargoed (all exports cut)' : 'offline';
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const of = r.weight === 'value' ? ' of value' : '';
  const prices = r.prices ? `Value = tonnes delivered to each end use x its unit value at these prices (docs/scenarios.md, Value):\n${r.prices.map((p) => `  ${p}`).join('\n')}\n` : '';
  const head = `Each ${r.by} ${what} in turn, ranked by the ${r.bound} loss${of}. Baseline: max flow ${n(r.baseline.maxFlow)}, allocation ${n(r.baseline.allocation)}, observed ${n(r.baseline.proportional)} ${r.unit}\n${prices}\n`;
  const header = ['rank', r.by, 'name', 'nodes', 'max flow loss %', 'allocation loss %', 'proportional loss %'];
  const rows = r.rows.map((row) => [row.rank[r.bound], row.id, row.label.length > 48 ? `${row.label.slice(0, 45)}...` : row.label, row.nodes, pct(row.loss.maxFlow).padStart(15), pct(row.loss.allocation).padStart(17), pct(row.loss.proportional).padStart(19)]);
  return head + formatTable(header, rows);
}

export function sweepCsv(r: SweepResult, options: CsvCellOptions = {}): string {
  const header = [r.by, 'name', 'nodes', 'maxflow_scenario', 'maxflow_loss', 'maxflow_rank', 'proportional_scenario', 'proportional_loss', 'proportional_rank', 'allocation_scenario', 'allocation_loss', 'allocation_rank'];
  const rows = r.rows.map((row) => [row.id, row.label, row.nodes, row.scenario.maxFlow, row.loss.maxFlow, row.rank.maxFlow, row.scenario.proportional, row.loss.proportional, row.rank.proportional, row.scenario.allocation, row.loss.allocation, row.rank.allocation]);
  // In value, each row also says its unit and the prices behind it.
  if (r.prices) return csvRecords([[...header, 'unit', 'prices'], ...rows.map((row) => [...row, r.unit, (r.prices ?? []).join('; ')])], options);
  return csvRecords([header, ...rows], options);
}

export function registerSweep(program: Command, ctx: CliContext): void {
  program
    .command('sweep')
    .description('take every country (or node) out in turn and rank them by the supply lost')
    .argument('<graph>', 'graph JSON file')
    .option('--by <what>', 'country or node', 'country')
    .option('--mode <mode>', 'disable (offline) or embargo (all exports cut; countries only)', 'disable')
    .option('--bound <bound>', 'rank by maxFlow, allocation or proportional loss', 'maxFlow')
    .option('--weight <weight>', 'tonnes, or value (USD/yr at the graph\'s prices)', 'tonnes')
    .option('--format <format>', 'text, json or csv', 'text')
    .option('--threads <n>', 'worker threads evaluating the items (default: the number of cores; 1: none)')
    .option('--quiet', 'no progress bar')
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .option('-o, --out <path>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace the --out file if it exists')
    .action(async (file: string, flags: SweepFlags) => {
      const format = checkFormat(flags.format);
      const by = choice('--by', flags.by, SWEEP_BY);
      const mode = choice('--mode', flags.mode, SWEEP_MODES);
      const bound = choice('--bound', flags.bound, BOUNDS);
      const weight = parseWeight(flags.weight);
      if (by === 'node' && mode === 'embargo') throw new UsageError('--mode embargo needs --by country: an embargo is imposed by a country');
      const threads = threadsFlag(flags.threads);
      const { graph } = await readGraphFile(file);
      let progress: Progress | undefined;
      const onProgress = (done: number, total: number) => {
        progress ??= createProgress(ctx, { total, label: `sweep by ${by}`, quiet: flags.quiet === true });
        progress.update(done);
      };
      let result: SweepResult;
      try {
        result = await sweepScenariosParallel(graph, { by, mode, bound, weight, onProgress, ...(threads !== undefined ? { threads } : {}) });
      } finally {
        progress?.stop();
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? sweepCsv(result, { raw: flags.rawCsv === true }) : sweepText(result);
      await emit(ctx, text, flags.out, flags.force === true);
    });
}
