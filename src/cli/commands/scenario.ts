/**
 * `chokepoint scenario <graph> [--scenario FILE|PRESET] [--disable CC,..] [--embargo CC,..]
 * [--activate YEAR] [--objective total|fair] [--top N] [--format text|json|csv] [--out
 * PATH] [--force]`: delivered supply before and after a scenario under three bounds (max
 * flow, allocation, proportional; src/scenario/evaluate.ts). Flag actions are appended
 * to the file's actions. Text is a terminal report; JSON is the ScenarioResult; CSV has
 * one row for the total, one per end use and one per sink (max-flow columns: the total
 * max flow, then each end use's and sink's own max flow; allocation: the total, each end
 * use served first, each sink's share of the optimum).
 * With `--samples N [--seed S] [--threshold T] [--threads K] [--bounds ..] [--spreads high=..,medium=..,low=..]`
 * it runs an uncertainty ensemble instead (src/uncertainty/ensemble.ts; report in
 * ensemble-report.ts; JSON is the EnsembleResult), with a progress bar on stderr.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import { readGraphFile } from '../../io/read-graph.js';
import { DEFAULT_PRESET_DIR, readPresets, readScenarioFile } from '../../io/read-scenario.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { InputError, NotFoundError, UsageError } from '../../model/errors.js';
import { activeSubgraph, type SupplyGraph } from '../../model/graph.js';
import { OBJECTIVES, type Objective } from '../../allocation/allocation-lp.js';
import { BOUND_LABELS, BOUNDS as COMPARE_BOUNDS, compareResults, type Comparison } from '../../scenario/compare.js';
import { BOUNDS, evaluateScenario, type ScenarioResult } from '../../scenario/evaluate.js';
import { comparisonTable } from '../../scenario/result-tables.js';
import { parseScenario } from '../../scenario/parse-scenario.js';
import { findPreset } from '../../scenario/presets.js';
import type { Scenario, ScenarioAction } from '../../scenario/schema.js';
import { parseWeight, valueReading, type ValueReading } from '../../scenario/value.js';
import type { CliContext } from '../context.js';
import { runEnsembleThreaded } from '../ensemble-threads.js';
import { createProgress } from '../progress.js';
import { formatTable } from '../table.js';
import { ensembleCsv, ensembleText } from './ensemble-report.js';

export const OUTPUT_FORMATS = ['text', 'json', 'csv'] as const;

interface ScenarioFlags {
  scenario?: string;
  compare?: string[];
  country?: string;
  disable: string[];
  embargo: string[];
  activate?: string;
  top: string;
  objective: string;
  format: string;
  out?: string;
  force?: boolean;
  samples?: string;
  seed?: string;
  threshold?: string;
  threads?: string;
  spreads?: string;
  bounds?: string;
  quiet?: boolean;
  rawCsv?: boolean;
  weight: string;
}

/** Commander collector for repeatable comma-separated lists: `--disable CN,MM --disable TH`. */
export function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim())];
}

export function checkFormat(format: string): (typeof OUTPUT_FORMATS)[number] {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected one of ${OUTPUT_FORMATS.join(', ')} (got "${format}")`);
  return format as (typeof OUTPUT_FORMATS)[number];
}

/** Writes `text` to `out` (atomically; --force to replace) or to stdout. */
export async function emit(ctx: CliContext, text: string, out: string | undefined, force: boolean): Promise<void> {
  if (out === undefined) ctx.stdout(text);
  else await writeFileAtomic(out, text, { force });
}

/** A scenario file path, or else the id of a shipped preset. */
export async function loadScenario(arg: string, graph: SupplyGraph): Promise<Scenario> {
  try {
    return await readScenarioFile(arg, graph);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { presets, broken } = await readPresets(DEFAULT_PRESET_DIR);
    const unreadable = broken.find((b) => b.id === arg);
    if (unreadable) throw new InputError(`preset ${arg}`, [{ element: 'file', message: unreadable.error }]);
    const preset = findPreset(presets, arg);
    if (!preset) throw new NotFoundError(`${arg}: no such scenario file or preset (presets: ${presets.map((p) => p.id).join(', ')})`);
    return parseScenario(preset.scenario, preset.file, graph);
  }
}

function flagActions(flags: ScenarioFlags): ScenarioAction[] {
  const list = (flag: string, values: string[]) => {
    if (values.some((v) => v === '')) throw new UsageError(`${flag}: expected country codes separated by commas, e.g. CN,MM`);
    return values;
  };
  const actions: ScenarioAction[] = [
    ...list('--disable', flags.disable).map((country): ScenarioAction => ({ type: 'disableCountry', country })),
    ...list('--embargo', flags.embargo).map((from): ScenarioAction => ({ type: 'embargo', from })),
  ];
  if (flags.activate !== undefined) {
    const year = Number(flags.activate);
    if (flags.activate.trim() === '' || !Number.isSafeInteger(year)) throw new UsageError(`--activate: expected a year (got "${flags.activate}")`);
    actions.push({ type: 'activate', year });
  }
  return actions;
}

async function buildScenario(flags: ScenarioFlags, graph: SupplyGraph): Promise<Scenario> {
  const fromFile = flags.scenario !== undefined ? await loadScenario(flags.scenario, graph) : undefined;
  const extra = flagActions(flags);
  if (!fromFile && extra.length === 0) throw new UsageError('no scenario: give --scenario FILE|PRESET, --disable, --embargo or --activate');
  const flagText = [
    flags.disable.length > 0 ? `disable ${flags.disable.join(',')}` : '',
    flags.embargo.length > 0 ? `embargo ${flags.embargo.join(',')}` : '',
    flags.activate !== undefined ? `activate ${flags.activate}` : '',
  ].filter(Boolean);
  const fromFlags = extra.length > 0 ? parseScenario({ name: flagText.join('; '), actions: extra }, 'command line', graph) : undefined;
  if (!fromFile) return fromFlags as Scenario;
  if (!fromFlags) return fromFile;
  return { ...fromFile, name: `${fromFile.name} + ${fromFlags.name}`, actions: [...fromFile.actions, ...fromFlags.actions] };
}

/** A share as a percentage with one decimal, padded to 6 so that a column lines up on the right. */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '     -' : (v * 100).toFixed(1).padStart(6));
const round = (v: number) => Math.round(v);
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);

/** Wraps text at spaces to lines of at most `width` characters. */
function wrap(text: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** One row per sink, grouped as in `byEndUse`, largest baseline (proportional) first within an end use. */
function sinkRows(r: ScenarioResult): (string | number)[][] {
  const supply = (s: { ownMaxFlow: number; allocation: number; proportional: number } | undefined) => s ?? { ownMaxFlow: 0, allocation: 0, proportional: 0 };
  return r.loss.byEndUse.flatMap((e) =>
    [...e.sinks]
      .sort((a, b) => supply(r.baseline.bySink[b]).proportional - supply(r.baseline.bySink[a]).proportional || a.localeCompare(b))
      .map((sink) => {
        const b = supply(r.baseline.bySink[sink]);
        const s = supply(r.scenario.bySink[sink]);
        const loss = r.loss.bySink[sink];
        return [clip(sink, 48), round(b.ownMaxFlow), round(s.ownMaxFlow), pct(loss?.maxFlow), round(b.allocation), round(s.allocation), pct(loss?.allocation), round(b.proportional), round(s.proportional), pct(loss?.proportional)];
      }),
  );
}

type Figures = { maxFlow: number; allocation: number; proportional: number };
type Loss = { maxFlow: number | null; allocation: number | null; proportional: number | null };

/** Before, after and loss % under the three bounds, one row per end use. */
function endUseTable(rows: { endUse: string; baseline: Figures; scenario: Figures; loss: Loss }[]): string {
  return formatTable(
    ['end use', 'max flow before', 'after', 'loss %', 'allocation before', 'after', 'loss %', 'proportional before', 'after', 'loss %'],
    rows.map((e) => [
      clip(e.endUse, 48),
      round(e.baseline.maxFlow),
      round(e.scenario.maxFlow),
      pct(e.loss.maxFlow),
      round(e.baseline.allocation),
      round(e.scenario.allocation),
      pct(e.loss.allocation),
      round(e.baseline.proportional),
      round(e.scenario.proportional),
      pct(e.loss.proportional),
    ]),
  );
}

/** The text report: totals, loss under the three bounds, per end use and per sink, bottlenecks, stage HHI. */
export function scenarioText(r: ScenarioResult): string {
  const out: string[] = [`Scenario: ${r.name}\n`];
  if (r.description) out.push(`${wrap(r.description)}\n`);
  out.push('\nWhat changed\n');
  for (const c of r.changes) out.push(`  action ${c.action} (${c.type}): ${c.summary}; ${round(c.flow).toLocaleString('en-US')} ${r.unit} nominal flow\n`);
  for (const w of r.warnings) out.push(`  warning: ${w}\n`);
  out.push(`\nDelivered supply, ${r.unit}, under three bounds (allocation objective: ${r.objective})\n`);
  for (const bound of BOUNDS) out.push(`  ${r.assumptions[bound]}\n`);
  const level = (v: number | null) => (v === null ? '' : ` (fair level ${pct(v).trim()}%)`);
  out.push(
    formatTable(
      ['bound', 'baseline', 'scenario', 'loss %'],
      [
        ['max flow', round(r.baseline.maxFlow), round(r.scenario.maxFlow), pct(r.loss.maxFlow)],
        [`allocation${level(r.scenario.fairLevel)}`, round(r.baseline.allocation), round(r.scenario.allocation), pct(r.loss.allocation)],
        ['proportional', round(r.baseline.proportional), round(r.scenario.proportional), pct(r.loss.proportional)],
      ],
    ),
  );
  const served = r.objective === 'total' ? 'each end use served first' : 'its share of the fair optimum';
  out.push(`\nBy end use (max flow: each end use served alone; allocation: ${served})\n`);
  out.push(endUseTable(r.loss.byEndUse));
  const limited = r.loss.byEndUse.filter((e) => e.binding !== null);
  if (limited.length > 0) {
    out.push('\nBinding input per end use (allocation bound; the sink that lost most)\n');
    for (const e of limited) out.push(`  ${e.endUse}: ${e.binding?.sink}: ${e.binding?.text}\n`);
  }
  if (r.lens) {
    const l = r.lens;
    out.push(`\nEnd uses in ${l.country} (${l.sinks.length} sink(s); max flow: served alone, other sinks taking nothing)\n`);
    out.push(endUseTable([{ endUse: 'total', ...l }, ...l.byEndUse]));
    out.push(`\nTop bottlenecks for ${l.country}'s end uses after the scenario\n`);
    out.push(formatTable(['rank', 'node', 'country', 'stage', 'loss %'], l.bottlenecks.after.map((b, i) => [i + 1, b.node, b.country, b.stage, pct(b.loss)])));
  }
  out.push('\nBy sink, in end-use order (max flow: each sink served alone; allocation: its share of the optimum)\n');
  out.push(formatTable(['sink', 'max flow before', 'after', 'loss %', 'allocation before', 'after', 'loss %', 'proportional before', 'after', 'loss %'], sinkRows(r)));
  const rankBefore = new Map(r.bottlenecks.before.map((b, i) => [b.node, i + 1]));
  out.push('\nTop bottlenecks after the scenario (knockout loss of max flow)\n');
  out.push(
    formatTable(
      ['rank', 'node', 'country', 'stage', 'loss %', 'rank before'],
      r.bottlenecks.after.map((b, i) => [i + 1, b.node, b.country, b.stage, pct(b.loss), rankBefore.get(b.node) ?? 'new']),
    ),
  );
  out.push('\nStage concentration (HHI of country shares of throughput; after = proportional flows)\n');
  const top = (s: { topCountry: string | null; topShare: number }) => (s.topCountry ? `${s.topCountry} ${pct(s.topShare).trim()}%` : '');
  const hhi = (v: number | null) => (v === null ? '-' : v.toFixed(3));
  out.push(formatTable(['stage', 'HHI before', 'top before', 'HHI after', 'top after'], r.stages.map((s) => [s.stage, hhi(s.before.hhi), top(s.before), hhi(s.after.hhi), top(s.after)])));
  return out.join('');
}

const usd = (v: number) => Math.round(v).toLocaleString('en-US');

/** The value reading as text: totals and end uses in USD/yr, largest proportional value lost first, then the prices. */
export function valueText(v: ValueReading): string {
  const out = ['\nIn value, USD/yr (each end use: its tonnes x its unit value; prices below)\n'];
  const row = (name: string, x: { baseline: Figures; scenario: Figures; loss: Loss }, unit: string) => [
    clip(name, 40),
    unit,
    ...BOUNDS.flatMap((b) => [usd(x.baseline[b]), usd(x.scenario[b]), pct(x.loss[b])]),
  ];
  out.push(
    formatTable(
      ['end use', 'USD/t', 'max flow before', 'after', 'loss %', 'allocation before', 'after', 'loss %', 'proportional before', 'after', 'loss %'],
      [row('total', v.total, ''), ...v.byEndUse.map((e) => row(e.endUse, e, usd(e.unitValue)))],
    ),
  );
  out.push('\nPrices\n');
  for (const p of v.prices) out.push(`  ${p}\n`);
  return out.join('');
}

/** The value reading as CSV: one row for the total and one per end use, USD/yr, with the prices on every row. */
export function valueCsv(v: ValueReading, options: CsvCellOptions = {}): string {
  const header = ['scope', 'end_use', 'unit_value_usd_per_t', ...BOUNDS.flatMap((b) => [`${b}_baseline_usd`, `${b}_scenario_usd`, `${b}_loss`]), 'prices'];
  const prices = v.prices.join('; ');
  const row = (scope: string, name: string, unit: number | null, x: { baseline: Figures; scenario: Figures; loss: Loss }) => [scope, name, unit, ...BOUNDS.flatMap((b) => [x.baseline[b], x.scenario[b], x.loss[b]]), prices];
  return csvRecords([header, row('total', '', null, v.total), ...v.byEndUse.map((e) => row('end use', e.endUse, e.unitValue, e))], options);
}

/** One row for the total, one per end use and one per sink. */
export function scenarioCsv(r: ScenarioResult, options: CsvCellOptions = {}): string {
  const header = [
    'scope', 'id', 'maxflow_baseline', 'maxflow_scenario', 'maxflow_loss', 'proportional_baseline', 'proportional_scenario', 'proportional_loss',
    'allocation_baseline', 'allocation_scenario', 'allocation_loss', 'binding_input',
  ];
  const rows: (string | number | null)[][] = [
    ['total', '', r.baseline.maxFlow, r.scenario.maxFlow, r.loss.maxFlow, r.baseline.proportional, r.scenario.proportional, r.loss.proportional, r.baseline.allocation, r.scenario.allocation, r.loss.allocation, ''],
  ];
  for (const e of r.loss.byEndUse) {
    rows.push(['end use', e.endUse, e.baseline.maxFlow, e.scenario.maxFlow, e.loss.maxFlow, e.baseline.proportional, e.scenario.proportional, e.loss.proportional, e.baseline.allocation, e.scenario.allocation, e.loss.allocation, e.binding?.text ?? '']);
  }
  for (const [sink, loss] of Object.entries(r.loss.bySink)) {
    const b = r.baseline.bySink[sink];
    const s = r.scenario.bySink[sink];
    rows.push(['sink', sink, b?.ownMaxFlow ?? 0, s?.ownMaxFlow ?? 0, loss.maxFlow, b?.proportional ?? 0, s?.proportional ?? 0, loss.proportional, b?.allocation ?? 0, s?.allocation ?? 0, loss.allocation, '']);
  }
  return csvRecords([header, ...rows], options);
}

/** A whole number >= min from a flag, or a UsageError naming the flag. */
function wholeFlag(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number >= ${min} (got "${value}")`);
  return n;
}

/** `high=0.1,low=0.8` -> { high: 0.1, low: 0.8 }. */
function parseSpreads(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',')) {
    const [level, text] = part.split('=').map((v) => v.trim());
    const n = Number(text);
    if (!level || text === undefined || text === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--spreads: expected level=number pairs such as high=0.1,medium=0.3,low=0.6 (got "${value}")`);
    out[level] = n;
  }
  return out;
}

/** The ensemble flags, checked; null when --samples is absent (a point evaluation). */
function ensembleFlags(flags: ScenarioFlags) {
  if (flags.samples === undefined) {
    for (const flag of ['seed', 'threshold', 'threads', 'spreads', 'bounds'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag}: only with --samples N (an uncertainty ensemble)`);
    }
    return null;
  }
  const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
  if (threshold !== undefined && (flags.threshold?.trim() === '' || !Number.isFinite(threshold))) throw new UsageError(`--threshold: expected a number such as 0.2 (got "${flags.threshold}")`);
  return {
    options: {
      samples: wholeFlag('--samples', flags.samples, 1),
      ...(flags.seed !== undefined ? { seed: wholeFlag('--seed', flags.seed, 0) } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
      ...(flags.spreads !== undefined ? { spreads: parseSpreads(flags.spreads) } : {}),
      ...(flags.bounds !== undefined ? { bounds: flags.bounds.split(',').map((b) => b.trim()) } : {}),
    },
    threads: flags.threads !== undefined ? wholeFlag('--threads', flags.threads, 1) : availableParallelism(),
  };
}

/** The comparison as text: per end use and bound, each scenario's loss and its difference from the first (points). */
export function comparisonText(c: Comparison): string {
  const out: string[] = [`Comparison (${c.scope === 'world' ? 'all end uses' : `end uses in ${c.scope}`}); loss in % of baseline, difference from scenario 1 in points\n`];
  c.names.forEach((name, i) => out.push(`  ${i + 1}: ${name}\n`));
  for (const bound of COMPARE_BOUNDS) {
    out.push(`\n${BOUND_LABELS[bound]}\n`);
    const header = ['end use', ...c.names.map((_n, i) => `${i + 1} loss %`), ...c.names.slice(1).map((_n, i) => `${i + 2} - 1`)];
    out.push(formatTable(header, c.rows.map((r) => [clip(r.endUse, 48), ...r.loss.map((l) => pct(l[bound])), ...r.diff.slice(1).map((d) => pct(d[bound]))])));
  }
  return out.join('');
}

export function registerScenario(program: Command, ctx: CliContext): void {
  program
    .command('scenario')
    .description('delivered supply before and after a scenario (embargo, outage, new projects) under three bounds')
    .argument('<graph>', 'graph JSON file')
    .option('--scenario <file>', 'scenario JSON file, or the id of a preset in graphs/scenarios (e.g. china-full-embargo)')
    .option('--compare <scenarios...>', 'compare two or more scenario files or presets side by side (instead of --scenario and the action flags)')
    .option('--country <code>', 'read the result for this country\'s end uses only (country lens)')
    .option('--disable <countries>', 'take these countries offline (comma-separated ISO codes; repeatable)', collectList, [])
    .option('--embargo <countries>', 'cut these countries\' exports (comma-separated ISO codes; repeatable)', collectList, [])
    .option('--activate <year>', 'bring projects starting by this year online')
    .option('--objective <objective>', 'allocation LP objective: total (most delivered) or fair (same share of demand for every end use first)', 'total')
    .option('--top <n>', 'bottlenecks to list', '10')
    .option('--format <format>', 'text, json or csv', 'text')
    .option('--raw-csv', 'csv: write text cells as they are, without the quote that stops spreadsheets running them as formulas (for machine consumers)')
    .option('-o, --out <path>', 'write to this file (atomically) instead of stdout')
    .option('--force', 'replace the --out file if it exists')
    .option('--samples <n>', 'uncertainty ensemble: evaluate N members drawn from the ranges of the figures (P10/P50/P90 of each loss)')
    .option('--seed <s>', 'ensemble: seed of the draws (default 1)')
    .option('--threshold <t>', 'ensemble: report P(loss > t) (default 0.2)')
    .option('--threads <k>', 'ensemble: worker threads (default: the number of cores)')
    .option('--spreads <list>', 'ensemble: relative spreads by confidence, e.g. high=0.1,medium=0.3,low=0.6 (the defaults)')
    .option('--bounds <list>', 'ensemble: bounds to evaluate, of maxFlow,proportional,allocation (default all three)')
    .option('--weight <weight>', 'tonnes, or value: also read the result in USD/yr at the graph\'s prices (per end use, ranked by value lost)', 'tonnes')
    .option('--quiet', 'no progress bar')
    .action(async (file: string, flags: ScenarioFlags) => {
      const format = checkFormat(flags.format);
      const top = Number(flags.top);
      if (flags.top.trim() === '' || !Number.isSafeInteger(top) || top < 0) throw new UsageError(`--top: expected a whole number >= 0 (got "${flags.top}")`);
      const country = flags.country?.trim().toUpperCase();
      if (country !== undefined && !/^[A-Z]{2}$/.test(country)) throw new UsageError(`--country: expected a two-letter country code such as US (got "${flags.country}")`);
      if (!(OBJECTIVES as readonly string[]).includes(flags.objective)) throw new UsageError(`--objective: expected one of ${OBJECTIVES.join(', ')} (got "${flags.objective}")`);
      const objective = flags.objective as Objective;
      const weight = parseWeight(flags.weight);
      const ensemble = ensembleFlags(flags);
      if (weight === 'value' && (ensemble || flags.compare !== undefined)) throw new UsageError('--weight value: reads one scenario (not --compare or an ensemble)');
      const { graph } = await readGraphFile(file);
      if (ensemble) {
        const scenario = await buildScenario(flags, graph);
        const bar = createProgress(ctx, { total: ensemble.options.samples, label: 'ensemble', quiet: flags.quiet });
        try {
          const result = await runEnsembleThreaded(graph, scenario, { ...ensemble.options, objective }, { threads: ensemble.threads, onProgress: (done) => bar.update(done) });
          bar.stop();
          const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? ensembleCsv(result, { raw: flags.rawCsv === true }) : ensembleText(result);
          await emit(ctx, text, flags.out, flags.force === true);
        } finally {
          bar.stop();
        }
        return;
      }
      if (country !== undefined && !graph.someNode((_n, a) => a.country === country)) throw new UsageError(`--country: ${file} has no node in country "${country}"`);
      const options = { top, objective, ...(country !== undefined ? { country } : {}) };
      if (flags.compare !== undefined) {
        if (flags.scenario !== undefined || flags.disable.length > 0 || flags.embargo.length > 0 || flags.activate !== undefined) {
          throw new UsageError('--compare: give the scenarios to compare as its arguments, not with --scenario, --disable, --embargo or --activate');
        }
        if (flags.compare.length < 2) throw new UsageError(`--compare: expected two or more scenario files or presets (got ${flags.compare.length})`);
        const results: ScenarioResult[] = [];
        for (const arg of flags.compare) results.push(evaluateScenario(graph, await loadScenario(arg, graph), options));
        const comparison = compareResults(results);
        const table = comparisonTable(comparison);
        const text = format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : format === 'csv' ? csvRecords([table.header, ...table.rows], { raw: flags.rawCsv === true }) : comparisonText(comparison);
        await emit(ctx, text, flags.out, flags.force === true);
        return;
      }
      const result = evaluateScenario(graph, await buildScenario(flags, graph), options);
      if (weight === 'value') {
        const value = valueReading(activeSubgraph(graph), result);
        const text = format === 'json' ? `${JSON.stringify({ ...result, value }, null, 2)}\n` : format === 'csv' ? valueCsv(value, { raw: flags.rawCsv === true }) : `${scenarioText(result)}${valueText(value)}`;
        await emit(ctx, text, flags.out, flags.force === true);
        return;
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? scenarioCsv(result, { raw: flags.rawCsv === true }) : scenarioText(result);
      await emit(ctx, text, flags.out, flags.force === true);
    });
}
