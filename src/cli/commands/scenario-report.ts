/**
 * The point report of `scenario` (one scenario, no ensemble): text for the terminal and
 * CSV with one row for the total, one per end use and one per sink (max-flow columns:
 * the total max flow, then each end use's and sink's own max flow; allocation: the
 * total, each end use served first, each sink's share of the optimum).
 */
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import { BOUNDS, type ScenarioResult } from '../../scenario/evaluate.js';
import { formatTable } from '../table.js';
import { clip, pct } from './scenario-shared.js';

const round = (v: number) => Math.round(v);

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

export type Figures = { maxFlow: number; allocation: number; proportional: number };
export type Loss = { maxFlow: number | null; allocation: number | null; proportional: number | null };

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
    out.push('\nBinding input per end use (allocation bound; the sink that lost most; one explanation: the duals of the optimal basis found, and a degenerate LP can have others)\n');
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

