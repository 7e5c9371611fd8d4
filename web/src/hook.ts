/**
 * The page's test hook, `window.__chokepoint`: the browser tests read the Cytoscape
 * instance, the state and the page's progress from it. Nothing in the page reads it.
 */
import type { Core } from 'cytoscape';
import type { Comparison } from '../../src/scenario/compare.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import type { MapRenderer, WebglSupport } from './renderer.js';
import type { ViewState } from './state.js';

export interface ChokepointHook {
  /** The map's Cytoscape instance (made again when a graph wants the other renderer). */
  readonly cy: Core;
  /** The renderer drawing the map, and what WebGL the browser offers (renderer.ts). */
  readonly renderer: MapRenderer;
  readonly webgl: WebglSupport;
  readonly state: ViewState;
  readonly result: ScenarioResult | null;
  /** The comparison shown (current scenario first), when presets are compared. */
  readonly comparison: Comparison | null;
  /** Whether the map draws the aggregated view (one node per country and stage). */
  readonly aggregated: boolean;
  /** Requests in flight (graph loads and scenario evaluations). */
  readonly pending: number;
  /** True once the first graph is drawn and evaluated. */
  ready: boolean;
  /** Scenario evaluations completed. */
  evaluations: number;
  /** Time from a change to the redrawn map and panels, of the last evaluation, ms. */
  lastEvaluationMs: number;
}

declare global {
  interface Window {
    __chokepoint: ChokepointHook;
  }
}
