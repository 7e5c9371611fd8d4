/**
 * The page as one object: the mutable store (state, data, result, comparison and the
 * page's progress) and the few operations every part of the page calls (`update`,
 * `render`, `evaluate`, `loadGraph`, `setStatus`, `syncUrl`). main.ts builds it; the
 * modules of this folder each implement one concern on it (evaluation.ts, render.ts,
 * panels.ts, controls.ts, takeaways.ts, load-graph.ts, map.ts). State changes only through
 * `update(action)`; everything drawn is derived from the store.
 */
import type { Core } from 'cytoscape';
import type { Comparison } from '../../../src/scenario/compare.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import type { ValuedResult } from '../../../src/scenario/value.js';
import type { Aggregation } from '../aggregate.js';
import { AGGREGATE_THRESHOLD } from '../aggregate.js';
import type { ChokepointHook } from '../hook.js';
import type { PageData } from '../page-data.js';
import type { MapRenderer, WebglSupport } from '../renderer.js';
import { scenarioOf } from '../scenario.js';
import { KNOCKOUT_DEFAULT_MAX_NODES, mapMetric, type MapMetric, type ViewState } from '../state.js';
import type { KnockoutJob } from './knockout.js';
import type { RangesPanel } from '../views/ranges-panel.js';
import type { TimelineView } from '../views/timeline-chart.js';

export interface PageStore {
  state: ViewState;
  data: PageData | null;
  result: ValuedResult | null;
  /** The question `result` answers (graph, scenario, lens, weight, compared presets): asked again, it is not re-evaluated. */
  resultKey: string;
  comparison: Comparison | null;
  comparePending: boolean;
  /** The aggregated view when it is drawn, else null. */
  aggregation: Aggregation | null;
  /** What the drawn element set is built from: rebuilt (not just restyled) when it changes. */
  drawnKey: string;
  /** Requests in flight (graph loads, evaluations, ensembles). */
  pending: number;
  /** The evaluation in flight, aborted by the next one. */
  controller: AbortController | null;
  rangesPanel: RangesPanel | null;
  /** Preset results by `graph|lens|preset`, for the comparison. */
  presetResults: Map<string, ScenarioResult>;
  /** The knockout part asked for and not (yet) in the report, for one loaded graph (knockout.ts); null when not asked. */
  knockout: KnockoutJob | null;
}

export interface App {
  store: PageStore;
  /** The map; made again when a graph wants the other renderer (map.ts): read it at the time of use. */
  cy: Core;
  renderer: MapRenderer;
  /** What WebGL the browser offers (probed once). */
  webgl: WebglSupport;
  hook: ChokepointHook;
  timelineView: TimelineView;
  setStatus(text: string, error?: boolean): void;
  /** Writes the state into the URL: a new history entry when `push`, else a replacement. */
  syncUrl(push: boolean): void;
  /** Applies an action; re-evaluates when the scenario changed, else only redraws. */
  update(action: (s: ViewState) => ViewState): void;
  /** Reacts to a state change from `before` (a new graph, a new scenario, or a redraw). */
  apply(before: ViewState): void;
  render(): void;
  evaluate(): Promise<void>;
  loadGraph(id: string): Promise<void>;
}

export function currentPreset(store: Pick<PageStore, 'data' | 'state'>) {
  return store.data?.presets.find((p) => p.id === store.state.preset);
}

/** A graph drawn aggregated in the 'auto' view, whose baseline is not evaluated. */
export function isBig(d: PageData): boolean {
  return d.graph.nodes.length > AGGREGATE_THRESHOLD;
}

/** The metric that sizes the loaded graph's nodes (the chosen one, else the graph's default: state.ts `defaultMetric`). */
export function sizeMetric(store: Pick<PageStore, 'state' | 'data'>): MapMetric {
  return mapMetric(store.state, store.data?.graph.nodes.length ?? 0);
}

/** Whether the loaded graph is above KNOCKOUT_DEFAULT_MAX_NODES nodes: its knockout loss is computed on demand, not by default. */
export function knockoutOnDemand(d: PageData): boolean {
  return d.graph.nodes.length > KNOCKOUT_DEFAULT_MAX_NODES;
}

/** Whether the graph can be read in value (it has prices). */
export function hasPrices(d: PageData): boolean {
  return Object.keys(d.graph.attributes?.prices ?? {}).length > 0;
}

export function scenarioTitle(store: PageStore): string {
  return scenarioOf(store.state, currentPreset(store)).name;
}
