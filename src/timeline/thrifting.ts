/**
 * Demand response ("thrifting") in the monthly model: an end use may remove a share of its
 * demand per year once its shortage starts (less material per product, substitution,
 * postponed orders). Off unless a scenario's `thrifting` or the run's options give it.
 *
 * For an end use g with share h_g (0..1) and first short month s_g of a bound (the first
 * month whose delivery is below its demand that month, tolerance SHORTAGE_TOLERANCE):
 *
 *   cut_g(t)    = 0                                    t <= s_g, or no short month yet
 *               = min(h_g, h_g x (t - s_g) / 12)       t > s_g
 *   demand_g(t) = demand_g x (1 - cut_g(t))
 *
 * a linear ramp that removes h_g of the demand in the 12 months after the shortage starts
 * and stays there (it is not undone when supply recovers: the "removable per year
 * after a shortage starts", held). Each sink of g asks for (1 - cut_g(t)) of its own
 * demand; the bounds serve that (allocation: the sink limit of the LP; proportional: the
 * sink's limit). Myopic like the rest of the model: s_g is found month by month from the
 * bound's own deliveries, so each bound has its own s_g.
 *
 * Assumptions: thrifting is free and immediate in its ramp (no cost, no lag beyond the
 * ramp); it is a fixed share of the end use's baseline demand; every sink of the end use
 * thrifts alike. A figure used should be cited: `source` is carried into the result and
 * shown in the reports ("no source given" otherwise).
 */
import { UsageError } from '../model/errors.js';

/** One end use's demand response, as a scenario file or the options give it. */
export interface ThriftingEntry {
  /** The end use (sector) it applies to. */
  sector: string;
  /** Share of demand removable per year after the shortage starts, 0..1. */
  share: number;
  /** Where the share comes from (shown in reports). */
  source?: string | undefined;
}

/** cut_g(t) of the header: the share of demand removed in month t, first short month s. */
export function thriftCut(share: number, firstShort: number | null, month: number): number {
  if (firstShort === null || month <= firstShort) return 0;
  return Math.min(share, (share * (month - firstShort)) / 12);
}

/** Checks the entries and merges them (later entries replace earlier ones of the same sector). */
export function resolveThrifting(entries: readonly ThriftingEntry[], endUses: ReadonlySet<string>, where: string): Map<string, ThriftingEntry> {
  const out = new Map<string, ThriftingEntry>();
  for (const entry of entries) {
    if (!endUses.has(entry.sector)) throw new UsageError(`${where}: thrifting names no end use of the graph: "${entry.sector}" (end uses: ${[...endUses].sort().join(', ')})`);
    if (!(Number.isFinite(entry.share) && entry.share >= 0 && entry.share <= 1)) throw new UsageError(`${where}: thrifting share of "${entry.sector}" must be a number from 0 to 1 (got ${entry.share})`);
    out.set(entry.sector, entry);
  }
  return out;
}

/**
 * The demand response of one bound through a run: `factor(sink)` is 1 - cut of the sink's
 * end use in the current month; `record(month, delivered)` closes a month with the
 * deliveries per sink (t/month) and finds first short months.
 */
export class DemandResponse {
  private readonly firstShort = new Map<string, number>();
  private month = 1;

  /**
   * `groups`: end use -> its sinks; `demand`: baseline demand per sink, t/month;
   * `shares`: h_g per thrifting end use.
   */
  constructor(
    private readonly groups: ReadonlyMap<string, readonly string[]>,
    private readonly demand: ReadonlyMap<string, number>,
    private readonly shares: ReadonlyMap<string, number>,
    private readonly tolerance: number,
  ) {}

  private readonly endUseOf = new Map<string, string>();

  /** 1 - cut of `endUse` in the current month. */
  groupFactor(endUse: string): number {
    const share = this.shares.get(endUse);
    return share === undefined ? 1 : 1 - thriftCut(share, this.firstShort.get(endUse) ?? null, this.month);
  }

  /** 1 - cut of the sink's end use in the current month (1 for a sink of no thrifting end use). */
  factor(sink: string): number {
    if (this.endUseOf.size === 0) for (const [g, sinks] of this.groups) for (const s of sinks) this.endUseOf.set(s, g);
    const g = this.endUseOf.get(sink);
    return g === undefined ? 1 : this.groupFactor(g);
  }

  /** Sinks whose factor is below 1 this month, with the factor. */
  factors(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [g, sinks] of this.groups) {
      const f = this.groupFactor(g);
      if (f < 1) for (const s of sinks) out.set(s, f);
    }
    return out;
  }

  /** Closes the current month with the deliveries per sink (t/month). */
  record(delivered: ReadonlyMap<string, number> | Record<string, number>): void {
    const get = (s: string) => (delivered instanceof Map ? delivered.get(s) : (delivered as Record<string, number>)[s]) ?? 0;
    for (const [g, sinks] of this.groups) {
      if (!this.shares.has(g) || this.firstShort.has(g)) continue;
      const want = sinks.reduce((t, s) => t + (this.demand.get(s) ?? 0), 0) * this.groupFactor(g);
      const got = sinks.reduce((t, s) => t + get(s), 0);
      if (got < want * (1 - this.tolerance)) this.firstShort.set(g, this.month);
    }
    this.month += 1;
  }
}
