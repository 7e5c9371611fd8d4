/**
 * Text and CSV of an uncertainty ensemble (`scenario --samples N`): per headline the
 * point loss, P10 / P50 / P90 and P(loss > threshold); then the inputs that move each
 * total and end-use loss most (Spearman's rho, src/uncertainty/ensemble.ts).
 */
import { csvRecords, type CsvCellOptions } from '../../formats/csv-cells.js';
import type { EnsembleResult, HeadlineSummary } from '../../uncertainty/ensemble.js';
import { formatTable } from '../table.js';

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : (v * 100).toFixed(1));
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
const scope = (h: HeadlineSummary) => (h.endUse === null ? 'total' : clip(h.endUse, 44));

/** The terminal report. `perHeadline` inputs are listed under each headline's sensitivity. */
export function ensembleText(r: EnsembleResult, perHeadline = 3): string {
  const out: string[] = [`Ensemble: ${r.name}\n`];
  const byOrigin = new Map<string, number>();
  for (const input of r.inputs) byOrigin.set(input.origin, (byOrigin.get(input.origin) ?? 0) + 1);
  const origins = [...byOrigin].map(([origin, count]) => `${count} ${origin === 'range' ? 'by explicit range' : `${origin} confidence (+-${Math.round(r.spreads[origin as keyof typeof r.spreads] * 100)}%)`}`);
  out.push(`${r.samples} members (Latin hypercube, seed ${r.seed}); ${r.inputs.length} uncertain inputs, uniform on their ranges${origins.length > 0 ? `: ${origins.join(', ')}` : ''}\n`);
  for (const w of r.warnings) out.push(`  warning: ${w}\n`);
  out.push(`\nLoss in percent (point = published figures; P10/P50/P90 over the members; P(>${pct(r.threshold)}%) = share of members above the threshold)\n`);
  out.push(
    formatTable(
      ['scope', 'bound', 'point', 'P10', 'P50', 'P90', `P(>${pct(r.threshold)}%)`],
      r.headlines.map((h) => [scope(h), h.bound, pct(h.point), pct(h.stats?.p10), pct(h.stats?.p50), pct(h.stats?.p90), h.stats ? h.stats.pExceed.toFixed(2) : '-']),
    ),
  );
  out.push(`\nSensitivity: the ${perHeadline} inputs most rank-correlated with each loss (Spearman rho; + = the loss rises with the input)\n`);
  const rows = r.headlines.flatMap((h) => h.sensitivity.slice(0, perHeadline).map((e, i) => [i === 0 ? scope(h) : '', i === 0 ? h.bound : '', clip(e.input, 60), (e.rho as number).toFixed(2)]));
  out.push(rows.length > 0 ? formatTable(['scope', 'bound', 'input', 'rho'], rows) : '  (no input moves any loss)\n');
  return out.join('');
}

/** One row per headline; text cells quoted against formula injection unless options.raw. */
export function ensembleCsv(r: EnsembleResult, options: CsvCellOptions = {}): string {
  const header = ['scope', 'end_use', 'bound', 'point', 'p10', 'p50', 'p90', 'mean', 'min', 'max', 'p_exceed', 'threshold', 'members', 'top_input', 'top_rho'];
  const rows = r.headlines.map((h) => {
    const s = h.stats;
    const top = h.sensitivity[0];
    return [h.endUse === null ? 'total' : 'end use', h.endUse ?? '', h.bound, h.point, s?.p10 ?? null, s?.p50 ?? null, s?.p90 ?? null, s?.mean ?? null, s?.min ?? null, s?.max ?? null, s?.pExceed ?? null, r.threshold, s?.members ?? 0, top?.input ?? '', top?.rho ?? null];
  });
  return csvRecords([header, ...rows], options);
}
