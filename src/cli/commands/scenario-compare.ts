/**
 * `scenario --compare A B ..`: two or more scenarios side by side on one graph
 * (src/scenario/compare.ts): per end use and bound, each scenario's loss and its
 * difference from the first in percentage points.
 */
import { csvRecords } from '../../formats/csv-cells.js';
import type { SupplyGraph } from '../../model/graph.js';
import { UsageError } from '../../model/errors.js';
import { BOUND_LABELS, BOUNDS as COMPARE_BOUNDS, compareResults, type Comparison } from '../../scenario/compare.js';
import { evaluateScenario, type EvaluateOptions, type ScenarioResult } from '../../scenario/evaluate.js';
import { comparisonTable } from '../../scenario/result-tables.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../table.js';
import { clip, emit, loadScenario, pct, render, type OutputFormat, type ScenarioFlags } from './scenario-shared.js';

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

/** Checks the --compare flags, evaluates each scenario and writes the comparison. */
export async function runScenarioCompare(ctx: CliContext, graph: SupplyGraph, options: EvaluateOptions, format: OutputFormat, flags: ScenarioFlags & { compare: string[] }): Promise<void> {
  if (flags.scenario !== undefined || flags.disable.length > 0 || flags.embargo.length > 0 || flags.activate !== undefined) {
    throw new UsageError('--compare: give the scenarios to compare as its arguments, not with --scenario, --disable, --embargo or --activate');
  }
  if (flags.compare.length < 2) throw new UsageError(`--compare: expected two or more scenario files or presets (got ${flags.compare.length})`);
  const results: ScenarioResult[] = [];
  for (const arg of flags.compare) results.push(evaluateScenario(graph, await loadScenario(arg, graph), options));
  const comparison = compareResults(results);
  const csv = (c: Comparison, o: { raw?: boolean }) => {
    const table = comparisonTable(c);
    return csvRecords([table.header, ...table.rows], o);
  };
  await emit(ctx, render(format, comparison, comparisonText, csv, flags.rawCsv === true), flags.out, flags.force === true);
}
