/**
 * `scenario --weight value`: the value reading (src/scenario/value.ts) as text and CSV:
 * totals and end uses in USD/yr at the graph's prices, with the prices used.
 */
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import { BOUNDS } from '../../scenario/evaluate.js';
import type { ValueReading } from '../../scenario/value.js';
import { formatTable } from '../table.js';
import type { Figures, Loss } from './scenario-report.js';
import { clip, pct } from './scenario-shared.js';

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
