/**
 * `chokepoint sweep <graph> [--by country|node] [--mode disable|embargo] [--bound
 * maxFlow|allocation|proportional] [--format text|json|csv] [--quiet] [--out PATH]
 * [--force]`: every country (or node) in turn taken offline or embargoed, ranked by its
 * loss under the chosen bound, with all three bounds shown (src/scenario/sweep.ts).
 */
import type { Command } from 'commander';
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import { readGraphFile } from '../../io/read-graph.js';
import { UsageError } from '../../model/errors.js';
import { BOUNDS } from '../../scenario/evaluate.js';
import { SWEEP_BY, SWEEP_MODES, sweepScenarios, type SweepResult } from '../../scenario/sweep.js';
import type { CliContext } from '../context.js';
import { createProgress, type Progress } from '../progress.js';
import { formatTable } from '../table.js';
import { checkFormat, emit, pct } from './scenario-shared.js';

interface SweepFlags {
  by: string;
  mode: string;
  bound: string;
  format: string;
  quiet?: boolean;
  out?: string;
  force?: boolean;
  rawCsv?: boolean;
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag}: expected one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function sweepText(r: SweepResult): string {
  const what = r.mode === 'embargo' ? 'embargoed (all exports cut)' : 'offline';
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const head = `Each ${r.by} ${what} in turn, ranked by the ${r.bound} loss. Baseline: max flow ${n(r.baseline.maxFlow)}, allocation ${n(r.baseline.allocation)}, observed ${n(r.baseline.proportional)} ${r.unit}\n\n`;
  const header = ['rank', r.by, 'name', 'nodes', 'max flow loss %', 'allocation loss %', 'proportional loss %'];
  const rows = r.rows.map((row) => [row.rank[r.bound], row.id, row.label.length > 48 ? `${row.label.slice(0, 45)}...` : row.label, row.nodes, pct(row.loss.maxFlow).padStart(15), pct(row.loss.allocation).padStart(17), pct(row.loss.proportional).padStart(19)]);
  return head + formatTable(header, rows);
}

export function sweepCsv(r: SweepResult, options: CsvCellOptions = {}): string {
  const header = [r.by, 'name', 'nodes', 'maxflow_scenario', 'maxflow_loss', 'maxflow_rank', 'proportional_scenario', 'proportional_loss', 'proportional_rank', 'allocation_scenario', 'allocation_loss', 'allocation_rank'];
  const rows = r.rows.map((row) => [row.id, row.label, row.nodes, row.scenario.maxFlow, row.loss.maxFlow, row.rank.maxFlow, row.scenario.proportional, row.loss.proportional, row.rank.proportional, row.scenario.allocation, row.loss.allocation, row.rank.allocation]);
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
    .option('--format <format>', 'text, json or csv', 'text')
    .option('--quiet', 'no progress bar')
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .option('-o, --out <path>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace the --out file if it exists')
    .action(async (file: string, flags: SweepFlags) => {
      const format = checkFormat(flags.format);
      const by = choice('--by', flags.by, SWEEP_BY);
      const mode = choice('--mode', flags.mode, SWEEP_MODES);
      const bound = choice('--bound', flags.bound, BOUNDS);
      if (by === 'node' && mode === 'embargo') throw new UsageError('--mode embargo needs --by country: an embargo is imposed by a country');
      const { graph } = await readGraphFile(file);
      let progress: Progress | undefined;
      const onProgress = (done: number, total: number) => {
        progress ??= createProgress(ctx, { total, label: `sweep by ${by}`, quiet: flags.quiet === true });
        progress.update(done);
      };
      let result: SweepResult;
      try {
        result = sweepScenarios(graph, { by, mode, bound, onProgress });
      } finally {
        progress?.stop();
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? sweepCsv(result, { raw: flags.rawCsv === true }) : sweepText(result);
      await emit(ctx, text, flags.out, flags.force === true);
    });
}
