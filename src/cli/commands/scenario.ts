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
 * it runs an uncertainty ensemble instead (scenario-ensemble.ts); with `--compare A B ..`
 * it compares scenarios (scenario-compare.ts). The point report is scenario-report.ts;
 * what the paths share (scenario from file, preset or flags; output) is scenario-shared.ts.
 * On a large graph the baseline's allocation LP is solved on a worker thread meanwhile
 * (src/scenario/evaluate-parallel.ts; the same result).
 */
import type { Command } from 'commander';
import { OBJECTIVES, type Objective } from '../../allocation/allocation-lp.js';
import { loadSolver } from '../../allocation/highs-adapter.js';
import { readGraphFile } from '../../io/read-graph.js';
import { UsageError } from '../../model/errors.js';
import { evaluateScenarioParallel } from '../../scenario/evaluate-parallel.js';
import { parseWeight, withValue } from '../../scenario/value.js';
import type { CliContext } from '../context.js';
import { runScenarioCompare } from './scenario-compare.js';
import { ensembleFlags, runScenarioEnsemble } from './scenario-ensemble.js';
import { scenarioCsv, scenarioText } from './scenario-report.js';
import { valueCsv, valueText } from './scenario-value.js';
import { buildScenario, checkFormat, collectList, emit, render, type ScenarioFlags } from './scenario-shared.js';

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
      // Every path below solves allocation LPs in this thread.
      await loadSolver();
      if (ensemble) {
        await runScenarioEnsemble(ctx, graph, await buildScenario(flags, graph), ensemble, objective, format, flags);
        return;
      }
      if (country !== undefined && !graph.someNode((_n, a) => a.country === country)) throw new UsageError(`--country: ${file} has no node in country "${country}"`);
      const options = { top, objective, ...(country !== undefined ? { country } : {}) };
      if (flags.compare !== undefined) {
        await runScenarioCompare(ctx, graph, options, format, { ...flags, compare: flags.compare });
        return;
      }
      const result = await evaluateScenarioParallel(graph, await buildScenario(flags, graph), options);
      const valued = withValue(graph, result, weight);
      if (valued.value) {
        const value = valued.value;
        const text = format === 'json' ? `${JSON.stringify(valued, null, 2)}\n` : format === 'csv' ? valueCsv(value, { raw: flags.rawCsv === true }) : `${scenarioText(result)}${valueText(value)}`;
        await emit(ctx, text, flags.out, flags.force === true);
        return;
      }
      await emit(ctx, render(format, result, scenarioText, scenarioCsv, flags.rawCsv === true), flags.out, flags.force === true);
    });
}
