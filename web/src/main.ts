/**
 * The map page: loads a graph, its presets and (in the background) its metrics, draws
 * the map, and re-evaluates the scenario on every change. State lives in the store
 * (page/app.ts) and changes only through `update(action)`; the map and panels are derived
 * from (data, state, result, comparison). This file builds the page object and wires the
 * modules of page/, one concern each: evaluation, render (the map), panels, controls,
 * take-aways, graph loading, the Cytoscape instance (map.ts, its renderer: renderer.ts).
 */
import { api } from './api.js';
import { byId } from './dom.js';
import type { ChokepointHook } from './hook.js';
import type { App, PageStore } from './page/app.js';
import { wireControls } from './page/controls.js';
import { evaluate } from './page/evaluation.js';
import { ensureKnockout, knockoutWanted } from './page/knockout.js';
import { boot, loadGraph } from './page/load-graph.js';
import { createMap, useRenderer, wireMap } from './page/map.js';
import { render } from './page/render.js';
import { wireTakeaways } from './page/takeaways.js';
import { chooseRenderer, probeWebgl } from './renderer.js';
import * as actions from './state.js';
import type { ViewState } from './state.js';
import { controlsFromQuery, withTimelineQuery } from './timeline.js';
import { queryToState, stateToQuery } from './url-state.js';
import { createTimelineView } from './views/timeline-chart.js';

const store: PageStore = {
  state: queryToState(window.location.search),
  data: null,
  result: null,
  resultKey: '',
  comparison: null,
  comparePending: false,
  aggregation: null,
  drawnKey: '',
  pending: 0,
  controller: null,
  rangesPanel: null,
  presetResults: new Map(),
  knockout: null,
};

const webgl = probeWebgl();
/** Test hook: the browser tests read the map and the page's progress from here. */
const hook: ChokepointHook = {
  get cy() {
    return app.cy;
  },
  get renderer() {
    return app.renderer;
  },
  webgl,
  get state() {
    return store.state;
  },
  get result() {
    return store.result;
  },
  get comparison() {
    return store.comparison;
  },
  get aggregated() {
    return store.aggregation !== null;
  },
  get pending() {
    return store.pending;
  },
  ready: false,
  evaluations: 0,
  lastEvaluationMs: 0,
};
window.__chokepoint = hook;

function setStatus(text: string, error = false): void {
  const status = byId('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** Writes the state into the URL: a new history entry when it changed (so Back steps back), else none. */
function syncUrl(push: boolean): void {
  const url = `${window.location.pathname}${withTimelineQuery(stateToQuery(store.state), timelineView.controls)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

const timelineView = createTimelineView(byId('timeline'), (graph, scenario, query, signal) => api.timeline(graph, scenario, query, { signal }), {
  settings: byId('scenario-time'),
  initial: controlsFromQuery(window.location.search),
  onControls: () => syncUrl(false),
});

const app: App = {
  store,
  cy: createMap('canvas'),
  renderer: 'canvas',
  webgl,
  hook,
  timelineView,
  setStatus,
  syncUrl,
  update(action: (s: ViewState) => ViewState): void {
    const before = store.state;
    store.state = action(store.state);
    if (store.state === before) return;
    syncUrl(true);
    app.apply(before);
  },
  apply(before: ViewState): void {
    const { state } = store;
    if (state.graph !== before.graph && state.graph) {
      void app.loadGraph(state.graph);
      return;
    }
    if (state.renderer !== before.renderer && store.data) useRenderer(app, chooseRenderer(store.data.graph.nodes.length, webgl, state.renderer));
    const scenarioChanged = actions.scenarioChanged(before, state);
    if (scenarioChanged) store.rangesPanel?.clear();
    if (store.data && knockoutWanted(state, store.data.graph.nodes.length)) ensureKnockout(app);
    render(app);
    if (scenarioChanged) void evaluate(app);
  },
  render: () => render(app),
  evaluate: () => evaluate(app),
  loadGraph: (id) => loadGraph(app, id),
};

wireMap(app);
wireControls(app);
wireTakeaways(app);
void boot(app);
