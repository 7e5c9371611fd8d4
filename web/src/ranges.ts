/**
 * Pure mapping of an uncertainty ensemble (src/uncertainty/ensemble.ts) to what the page
 * draws: per end use a whisker (P10-P90 with P50 and the point loss) on a 0-100% scale,
 * and the tornado of one headline (inputs by |Spearman rho|, bars from the centre).
 */
import type { EnsembleResult, HeadlineSummary } from '../../src/uncertainty/ensemble.js';

export interface WhiskerRow {
  /** `total` or the end use. */
  label: string;
  endUse: string | null;
  point: number | null;
  p10: number;
  p50: number;
  p90: number;
  /** Positions on the bar, 0..1 of its width (losses clamped to [0, 1]; a gain shows at 0). */
  left: number;
  width: number;
  median: number;
  /** null when the point loss is undefined. */
  dot: number | null;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** One whisker per headline of `bound` whose loss is defined, the total first. */
export function whiskerRows(result: EnsembleResult, bound: string): WhiskerRow[] {
  return result.headlines
    .filter((h): h is HeadlineSummary & { stats: NonNullable<HeadlineSummary['stats']> } => h.bound === bound && h.stats !== null)
    .map((h) => ({
      label: h.endUse ?? 'total',
      endUse: h.endUse,
      point: h.point,
      p10: h.stats.p10,
      p50: h.stats.p50,
      p90: h.stats.p90,
      left: clamp(h.stats.p10),
      width: clamp(h.stats.p90) - clamp(h.stats.p10),
      median: clamp(h.stats.p50),
      dot: h.point === null ? null : clamp(h.point),
    }));
}

export interface TornadoBar {
  input: string;
  rho: number;
  /** Half-bar length, 0..1 of half the width: |rho|; drawn right of the centre when rho > 0. */
  length: number;
  side: 'up' | 'down';
}

/** The `top` inputs that move the headline (endUse null = total) most, largest |rho| first. */
export function tornadoBars(result: EnsembleResult, endUse: string | null, bound: string, top = 8): TornadoBar[] {
  const headline = result.headlines.find((h) => h.endUse === endUse && h.bound === bound);
  return (headline?.sensitivity ?? [])
    .filter((e): e is { input: string; rho: number } => e.rho !== null)
    .slice(0, top)
    .map((e) => ({ input: e.input, rho: e.rho, length: Math.abs(e.rho), side: e.rho >= 0 ? 'up' : 'down' }));
}
