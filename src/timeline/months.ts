/**
 * Months of the monthly model: periods 1..N, and the windows in which scenario actions are
 * in force. An action's `start` and `end` (inclusive) are month numbers or ISO months
 * `YYYY-MM`; an ISO month maps to a month number through the run's start month:
 *
 *   month(YYYY-MM) = 12 x (YYYY - Y0) + (MM - M0) + 1      with --start Y0-M0
 *
 * so the start month itself is month 1. A window is clipped to 1..N; one that falls
 * wholly outside the horizon is empty (first > last) and the action is never in force.
 */
import { UsageError } from '../model/errors.js';
import { actionElement } from '../scenario/parse-scenario.js';
import type { MonthBound, Scenario } from '../scenario/schema.js';

/** An ISO month as year and month (1..12). */
export interface IsoMonth {
  year: number;
  month: number;
}

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses `YYYY-MM`; UsageError naming `what` otherwise. */
export function parseIsoMonth(text: string, what: string): IsoMonth {
  const match = ISO_MONTH.exec(text);
  if (!match) throw new UsageError(`${what}: expected an ISO month YYYY-MM such as 2025-04 (got "${text}")`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Month number (1 = `start`) of an ISO month. */
export function monthNumber(iso: IsoMonth, start: IsoMonth): number {
  return 12 * (iso.year - start.year) + (iso.month - start.month) + 1;
}

/** The ISO month `YYYY-MM` of month number `n` (1 = `start`). */
export function isoOfMonth(n: number, start: IsoMonth): string {
  const index = start.year * 12 + (start.month - 1) + (n - 1);
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** When one action is in force: months first..last (inclusive; empty when first > last). */
export interface ActionWindow {
  /** Index of the action in the scenario's `actions`, from 0. */
  action: number;
  type: string;
  first: number;
  last: number;
}

/**
 * The window of every action of `scenario` on a horizon of `months` months. ISO months
 * need `start`; without it they are a UsageError naming the action.
 */
export function actionWindows(scenario: Scenario, months: number, start: IsoMonth | undefined): ActionWindow[] {
  return scenario.actions.map((action, index) => {
    const toNumber = (bound: MonthBound | undefined, field: string, fallback: number): number => {
      if (bound === undefined) return fallback;
      if (typeof bound === 'number') return bound;
      if (!start) throw new UsageError(`${actionElement(index, action.type)}: ${field} "${bound}" is an ISO month; give the start month (--start YYYY-MM, ?start= in the API) to map it to a month number`);
      return monthNumber(parseIsoMonth(bound, `${actionElement(index, action.type)} ${field}`), start);
    };
    const first = Math.max(1, toNumber(action.start, 'start', 1));
    const last = Math.min(months, toNumber(action.end, 'end', months));
    return { action: index, type: action.type, first, last };
  });
}
