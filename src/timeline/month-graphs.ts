/**
 * The modified active graph of each month: the scenario's actions in force that month
 * (`months.ts`), applied exactly as the annual model applies them (`applyScenario`), and
 * the ramp of the projects brought online.
 *
 * - An action is in force in the months of its window (`start`..`end`, inclusive).
 * - A project (a node brought in by an `activate` action) is online from the action's
 *   first month; one activated by `year` starts no earlier than January of its own
 *   `startYear` when the run has a start month (`--start`). It stays online while an
 *   activate action that brought it is in force.
 * - Ramp: a project with `rampMonths` R > 0 runs in its k-th month online (k = 1, 2, ...)
 *   at r = min(1, k / R) of its capacity and flows: its proportional `limit` and its node
 *   capacity (when it has one) are multiplied by r. Without R, r = 1 from the first month.
 *
 * Months with the same actions in force and the same projects online share one applied
 * graph (built once); the ramps sit in per-month `limit` and `capacityScale` records.
 * Pure: the input graph is not changed.
 */
import type { SupplyGraph } from '../model/graph.js';
import { activatedBy, applyScenario, type AppliedScenario } from '../scenario/apply-scenario.js';
import type { Scenario, ScenarioAction } from '../scenario/schema.js';
import { monthNumber, type ActionWindow, type IsoMonth } from './months.js';

export interface MonthGraph {
  /** 1..N. */
  month: number;
  /** The applied scenario of the month (shared between months: read-only). */
  applied: AppliedScenario;
  /** The proportional limit per node with ramps applied (limit_v x r_v). */
  limit: Record<string, number>;
  /** r_v of each project still ramping this month (0 < r < 1); missing nodes run at 1. */
  ramp: Record<string, number>;
}

/** Month each project of each activate action comes online (Infinity for other actions). */
function onlineMonths(graph: SupplyGraph, scenario: Scenario, windows: ActionWindow[], start: IsoMonth | undefined): Map<string, number>[] {
  return scenario.actions.map((action, index) => {
    const online = new Map<string, number>();
    if (action.type !== 'activate') return online;
    const first = windows[index]?.first ?? 1;
    for (const node of activatedBy(graph, action)) {
      const startYear = graph.getNodeAttribute(node, 'startYear');
      const own = action.year !== undefined && start !== undefined && startYear !== undefined ? monthNumber({ year: startYear, month: 1 }, start) : 1;
      online.set(node, Math.max(first, own));
    }
    return online;
  });
}

/** Strips the window from an action: the annual engine applies what is in force. */
function withoutWindow(action: ScenarioAction): ScenarioAction {
  const { start: _start, end: _end, ...rest } = action;
  return rest as ScenarioAction;
}

/** The month graphs 1..months of `scenario` on `graph`, given the actions' windows. */
export function monthGraphs(graph: SupplyGraph, scenario: Scenario, windows: ActionWindow[], months: number, start: IsoMonth | undefined): MonthGraph[] {
  const online = onlineMonths(graph, scenario, windows, start);
  const cache = new Map<string, AppliedScenario>();
  const out: MonthGraph[] = [];
  for (let month = 1; month <= months; month += 1) {
    const inForce = scenario.actions.map((_a, i) => {
      const w = windows[i];
      return w !== undefined && w.first <= month && month <= w.last;
    });
    const actions: ScenarioAction[] = [];
    const keys: number[] = [];
    const since = new Map<string, number>();
    scenario.actions.forEach((action, i) => {
      if (!inForce[i]) return;
      if (action.type !== 'activate') {
        actions.push(withoutWindow(action));
        keys.push(i);
        return;
      }
      for (const [node, m] of online[i] ?? []) {
        if (m <= month) since.set(node, Math.min(since.get(node) ?? m, m));
      }
    });
    const projects = [...since.keys()].sort();
    if (projects.length > 0) actions.push({ type: 'activate', nodes: projects });
    const key = `${keys.join(',')}|${projects.join('\u0000')}`;
    let applied = cache.get(key);
    if (!applied) {
      applied = applyScenario(graph, { name: scenario.name, actions });
      cache.set(key, applied);
    }
    const limit = { ...applied.limit };
    const ramp: Record<string, number> = {};
    for (const [node, first] of since) {
      if (!applied.graph.hasNode(node)) continue;
      const rampMonths = graph.getNodeAttribute(node, 'rampMonths') ?? 0;
      const r = rampMonths > 0 ? Math.min(1, (month - first + 1) / rampMonths) : 1;
      if (r < 1) {
        ramp[node] = r;
        limit[node] = (limit[node] ?? 1) * r;
      }
    }
    out.push({ month, applied, limit, ramp });
  }
  return out;
}
