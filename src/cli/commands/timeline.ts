/**
 * `chokepoint timeline <graph> --scenario FILE|PRESET [--months N] [--start YYYY-MM]
 * [--cover MONTHS] [--objective total|fair] [--thrifting SECTOR=SHARE ...]
 * [--format text|json|csv] [--quiet] [--out PATH] [--force]`: the monthly model
 * (src/timeline/): delivered supply per end use month by month under the scenario's
 * actions in force each month, with stocks, ramps and thrifting. Without --start the
 * scenario's `date` (a preset's) is month 1. Text is a terminal report; JSON is the
 * TimelineResult; CSV has one row per month and end use (with the demand left after
 * thrifting when some end use thrifts).
 */
import { stringify } from 'csv-stringify/sync';
import type { Command } from 'commander';
import { readGraphFile } from '../../io/read-graph.js';
import { UsageError } from '../../model/errors.js';
import { OBJECTIVES, type Objective } from '../../allocation/allocation-lp.js';
import { loadSolver } from '../../allocation/highs-adapter.js';
import type { ThriftingEntry } from '../../timeline/thrifting.js';
import { MAX_MONTHS, timeline, type BoundSeries, type TimelineResult } from '../../timeline/timeline.js';
import type { CliContext } from '../context.js';
import { createProgress, type Progress } from '../progress.js';
import { formatTable } from '../table.js';
import { checkFormat, emit, loadScenario, pct } from './scenario-shared.js';

interface TimelineFlags {
  scenario?: string;
  months: string;
  start?: string;
  cover?: string;
  objective: string;
  thrifting: string[];
  format: string;
  quiet?: boolean;
  out?: string;
  force?: boolean;
}

const round = (v: number) => Math.round(v);
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
const share = (delivered: number, demand: number): number | null => (demand > 0 ? delivered / demand : null);
const BOUNDS = ['allocation', 'proportional'] as const;
const when = (s: BoundSeries) => (s.monthsToShortage === null ? 'none' : String(s.monthsToShortage));

/** The text report: windows, per end use the months to shortage and shortfall, then the share delivered by month. */
export function timelineText(r: TimelineResult): string {
  const out: string[] = [`Timeline: ${r.name}\n${r.months} month(s)${r.start ? ` from ${r.start}` : ''}, ${r.unit}\n`];
  out.push('\nActions in force\n');
  for (const w of r.windows) {
    const range = w.first > w.last ? 'never within the horizon' : `months ${w.first}-${w.last} (${r.labels[w.first - 1]} to ${r.labels[w.last - 1]})`;
    out.push(`  action ${w.action} (${w.type}): ${range}\n`);
  }
  for (const w of r.warnings) out.push(`  warning: ${w}\n`);
  if (r.thrifting.length > 0) {
    out.push('\nThrifting (demand removable per year after the end use\'s shortage starts)\n');
    for (const t of r.thrifting) out.push(`  ${t.endUse}: ${(t.share * 100).toFixed(1)}% a year; source: ${t.source ?? 'none given (an assumption of the run)'}\n`);
  }
  out.push('\nBy end use; months to shortage: full months before the first short one\n');
  out.push(`  allocation: rerouting through spare capacity, recipes obeyed, stocks as extra supply (best case, myopic; objective ${r.objective})\n`);
  out.push('  proportional: no rerouting, each node draws only its own stock (worst case)\n');
  out.push(
    formatTable(
      ['end use', 'demand/month', 'allocation: months', 'shortfall t', 'proportional: months', 'shortfall t', 'lowest month %'],
      r.endUses.map((e) => [
        clip(e.endUse, 40),
        round(e.demand),
        when(e.allocation),
        round(e.allocation.shortfall),
        when(e.proportional),
        round(e.proportional.shortfall),
        pct(share(Math.min(...e.proportional.delivered), e.demand)),
      ]),
    ),
  );
  for (const bound of BOUNDS) {
    out.push(`\nDelivered share of demand by month, % (${bound})\n`);
    out.push(
      formatTable(
        ['month', ...r.endUses.map((e) => clip(e.endUse, 16))],
        r.labels.map((label, t) => [label, ...r.endUses.map((e) => pct(share(e[bound].delivered[t] ?? 0, e.demand)))]),
      ),
    );
  }
  if (r.nodes.length > 0) {
    out.push('\nStocks, t (allocation / proportional bound)\n');
    const last = (v: number[]) => round(v[v.length - 1] ?? 0);
    out.push(
      formatTable(
        ['node', 'initial', 'lowest (alloc.)', 'end (alloc.)', 'lowest (prop.)', 'end (prop.)'],
        r.nodes.map((n) => [n.node, round(n.initial), round(Math.min(...n.allocationStock)), last(n.allocationStock), round(Math.min(...n.stock)), last(n.stock)]),
      ),
    );
  }
  return out.join('');
}

/** One row per month and end use; with thrifting, the demand left per bound too. Shares are of the baseline demand. */
export function timelineCsv(r: TimelineResult): string {
  const thrift = r.thrifting.length > 0;
  const header = ['month', 'label', 'end_use', 'demand', 'allocation_delivered', 'allocation_share', 'proportional_delivered', 'proportional_share', ...(thrift ? ['allocation_demand_after_thrifting', 'proportional_demand_after_thrifting'] : [])];
  const rows: (string | number | null)[][] = [];
  r.labels.forEach((label, t) => {
    for (const e of r.endUses) {
      const a = e.allocation.delivered[t] ?? 0;
      const p = e.proportional.delivered[t] ?? 0;
      rows.push([t + 1, label, e.endUse, e.demand, a, share(a, e.demand), p, share(p, e.demand), ...(thrift ? [e.allocation.demand[t] ?? e.demand, e.proportional.demand[t] ?? e.demand] : [])]);
    }
  });
  return stringify([header, ...rows]);
}

/** `SECTOR=SHARE` (the sector may itself hold "="; the share follows the last one). */
export function parseThrifting(text: string): ThriftingEntry {
  const at = text.lastIndexOf('=');
  const sector = at > 0 ? text.slice(0, at).trim() : '';
  const share = at > 0 && text.slice(at + 1).trim() !== '' ? Number(text.slice(at + 1)) : NaN;
  if (sector === '' || !(Number.isFinite(share) && share >= 0 && share <= 1)) throw new UsageError(`--thrifting: expected SECTOR=SHARE with a share from 0 to 1, such as "Automotive=0.2" (got "${text}")`);
  return { sector, share };
}

export function registerTimeline(program: Command, ctx: CliContext): void {
  program
    .command('timeline')
    .description('month by month: when a scenario\'s shortage hits each end use and for how long (stocks, ramps)')
    .argument('<graph>', 'graph JSON file')
    .option('--scenario <file>', 'scenario JSON file, or the id of a preset in graphs/scenarios')
    .option('--months <n>', `horizon in months (1-${MAX_MONTHS})`, '24')
    .option('--start <YYYY-MM>', 'the calendar month of month 1 (maps ISO months in the scenario)')
    .option('--cover <months>', 'months of cover at manufacturers: stockMonths of every manufacturing node, replacing the graph\'s')
    .option('--objective <objective>', 'allocation LP objective each month: total (most delivered) or fair (same share of demand for every end use first)', 'total')
    .option('--thrifting <sector=share>', 'demand response: share of the end use\'s demand removable per year after its shortage starts (repeatable; uncited)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--format <format>', 'text, json or csv', 'text')
    .option('--quiet', 'no progress bar')
    .option('-o, --out <path>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace the --out file if it exists')
    .action(async (file: string, flags: TimelineFlags) => {
      const format = checkFormat(flags.format);
      const months = Number(flags.months);
      if (flags.months.trim() === '' || !Number.isSafeInteger(months) || months < 1 || months > MAX_MONTHS) throw new UsageError(`--months: expected a whole number from 1 to ${MAX_MONTHS} (got "${flags.months}")`);
      if (flags.start !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(flags.start)) throw new UsageError(`--start: expected an ISO month YYYY-MM such as 2025-04 (got "${flags.start}")`);
      const cover = flags.cover === undefined ? undefined : Number(flags.cover);
      if (cover !== undefined && (flags.cover?.trim() === '' || !Number.isFinite(cover) || cover < 0 || cover > 1200)) throw new UsageError(`--cover: expected a number of months from 0 to 1200 (got "${flags.cover}")`);
      if (!(OBJECTIVES as readonly string[]).includes(flags.objective)) throw new UsageError(`--objective: expected one of ${OBJECTIVES.join(', ')} (got "${flags.objective}")`);
      const thrifting = flags.thrifting.map(parseThrifting);
      if (flags.scenario === undefined) throw new UsageError('no scenario: give --scenario FILE|PRESET');
      const { graph } = await readGraphFile(file);
      const scenario = await loadScenario(flags.scenario, graph);
      await loadSolver();
      let progress: Progress | undefined;
      const onProgress = (done: number, total: number) => {
        progress ??= createProgress(ctx, { total, label: 'timeline months', quiet: flags.quiet === true });
        progress.update(done);
      };
      let result: TimelineResult;
      try {
        result = timeline(graph, scenario, {
          months,
          objective: flags.objective as Objective,
          ...(thrifting.length > 0 ? { thrifting } : {}),
          ...(flags.start !== undefined ? { start: flags.start } : {}),
          ...(cover !== undefined ? { coverMonths: cover } : {}),
          onProgress,
        });
      } finally {
        progress?.stop();
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? timelineCsv(result) : timelineText(result);
      await emit(ctx, text, flags.out, flags.force === true);
    });
}
