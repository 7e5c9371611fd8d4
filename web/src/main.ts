/**
 * The map page: loads a graph, its metrics and presets, draws the map, and re-evaluates
 * the scenario on every change. State lives in `state` and changes only through
 * `update(action)`; the map and panels are derived from (data, state, result).
 */
import cytoscape, { type Core } from 'cytoscape';
import { api } from './api.js';
import type { ChokepointHook } from './hook.js';
import { MAP_STYLE } from './cy-style.js';
import { byId, h } from './dom.js';
import { effectsOf } from './effects.js';
import { buildElements } from './elements.js';
import { scenarioOf } from './scenario.js';
import * as actions from './state.js';
import { MAP_METRICS, METRIC_LABELS, type MapMetric, type ViewState } from './state.js';
import { withShadowPrices } from './shadow-prices.js';
import { queryToState, stateToQuery } from './url-state.js';
import { renderBottleneckTable } from './views/bottleneck-table.js';
import { renderScenarioBottlenecks } from './views/scenario-bottlenecks.js';
import { renderCountryToggles } from './views/country-panel.js';
import { renderLegend } from './views/legend.js';
import { renderNodeDetails } from './views/node-details.js';
import { renderResults } from './views/results.js';
import { createTimelineView } from './views/timeline-chart.js';
import { loadGraphData, type PageData } from './page-data.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { mountRangesPanel, type RangesPanel } from './views/ranges-panel.js';

const DEFAULT_GRAPH = 'rare-earths-2024';

let state: ViewState = queryToState(window.location.search);
let data: PageData | null = null;
let result: ScenarioResult | null = null;
let pending = 0;
let controller: AbortController | null = null;
let rangesPanel: RangesPanel | null = null;

const cy: Core = cytoscape({
  container: byId('cy'),
  style: MAP_STYLE,
  layout: { name: 'preset' },
  minZoom: 0.1,
  maxZoom: 4,
  wheelSensitivity: 0.3,
  boxSelectionEnabled: false,
  autoungrabify: true,
});

const timelineView = createTimelineView(byId('timeline'), (graph, scenario, query, signal) => api.timeline(graph, scenario, query, { signal }));

/** Test hook: the browser tests read the map and the page's progress from here. */
const hook: ChokepointHook = {
  cy,
  get state() {
    return state;
  },
  get result() {
    return result;
  },
  get pending() {
    return pending;
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

/** Applies an action; re-evaluates when the scenario changed, else only redraws. */
function update(action: (s: ViewState) => ViewState): void {
  const before = state;
  state = action(state);
  window.history.replaceState(null, '', `${window.location.pathname}${stateToQuery(state)}`);
  if (state.graph !== before.graph && state.graph) {
    void loadGraph(state.graph);
    return;
  }
  const scenarioChanged = before.off !== state.off || before.mode !== state.mode || before.year !== state.year || before.preset !== state.preset;
  if (scenarioChanged) rangesPanel?.clear();
  render();
  if (scenarioChanged) void evaluate();
}

function currentPreset() {
  return data?.presets.find((p) => p.id === state.preset);
}

async function evaluate(): Promise<void> {
  if (!data || !state.graph) return;
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const started = performance.now();
  pending += 1;
  try {
    const scenario = scenarioOf(state, currentPreset());
    void timelineView.refresh(state.graph, scenario);
    result = await api.scenario(state.graph, scenario, { signal: mine.signal });
    setStatus('');
    render();
    hook.evaluations += 1;
    hook.lastEvaluationMs = performance.now() - started;
  } catch (error) {
    if (!mine.signal.aborted) setStatus(`Scenario failed: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

/** Redraws the map (data and classes only, in one batch) and the panels. */
function render(): void {
  if (!data) return;
  const elements = buildElements({
    graph: data.graph,
    report: withShadowPrices(data.report, result),
    stages: data.stages,
    colors: data.colors,
    metric: state.metric,
    effects: effectsOf(result),
    selected: state.selected,
  });
  cy.batch(() => {
    for (const element of elements) {
      const id = element.data.id;
      if (!id) continue;
      const ele = cy.getElementById(id);
      ele.data(element.data);
      ele.classes(element.classes ?? []);
    }
    cy.nodes(':selected').unselect();
    if (state.selected) cy.getElementById(state.selected).select();
  });
  renderPanels(data);
}

function renderPanels(d: PageData): void {
  renderCountryToggles(byId('country-toggles'), d.countries, state.off, (code) => update((s) => actions.toggleCountry(s, code)));
  renderLegend(byId('legend'), state.metric);
  renderResults({ delivered: byId('delivered'), sinks: byId('sinks'), hhi: byId('hhi') }, d, result);
  const node = d.graph.nodes.find((n) => n.key === state.selected);
  renderNodeDetails(byId('node-details'), node, d.report.nodes.find((n) => n.id === state.selected), (code) => d.countryName(code));
  rangesPanel?.render();
  renderScenarioBottlenecks(byId('scenario-bottlenecks'), result, (id) => update((s) => actions.selectNode(s, id)));
  renderBottleneckTable(byId('bottlenecks'), d.report, state, {
    sort: (key) => update((s) => actions.sortBy(s, key)),
    select: (id) => update((s) => actions.selectNode(s, id)),
  });
  syncControls(d);
}

/** Puts the state into the form controls (after a URL load, a reset or a graph change). */
function syncControls(d: PageData): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === state.mode;
  const year = byId<HTMLInputElement>('year-input');
  if (document.activeElement !== year) year.value = state.year === null ? '' : String(state.year);
  byId<HTMLSelectElement>('metric-select').value = state.metric;
  byId<HTMLSelectElement>('graph-select').value = state.graph ?? '';
  const preset = byId<HTMLSelectElement>('preset-select');
  if (preset.options.length !== d.presets.length + 1) {
    const options = d.presets.map((p) => h('option', { value: p.id, disabled: Boolean(p.error), title: p.error ?? p.description ?? '' }, p.error ? `${p.name} (does not apply)` : p.name));
    preset.replaceChildren(h('option', { value: '' }, 'none'), ...options);
  }
  preset.value = state.preset ?? '';
  byId('preset-description').textContent = currentPreset()?.description ?? '';
  const id = state.graph ?? '';
  byId<HTMLAnchorElement>('export-csv').href = api.metricsCsvUrl(id, 'nodes');
  byId<HTMLAnchorElement>('export-gexf').href = api.exportUrl(id, 'gexf');
  byId<HTMLAnchorElement>('export-graphml').href = api.exportUrl(id, 'graphml');
}

async function loadGraph(id: string): Promise<void> {
  setStatus(`Loading ${id}…`);
  pending += 1;
  try {
    data = await loadGraphData(id);
    // A link may name a preset or countries this graph does not have: drop them.
    if (state.preset && !data.presets.some((p) => p.id === state.preset && !p.error)) state = actions.setPreset(state, null);
    const codes = new Set(data.countries.map((c) => c.code));
    if (state.off.some((code) => !codes.has(code))) state = { ...state, off: state.off.filter((code) => codes.has(code)) };
    window.history.replaceState(null, '', `${window.location.pathname}${stateToQuery(state)}`);
    result = null;
    const elements = buildElements({ graph: data.graph, report: data.report, stages: data.stages, colors: data.colors, metric: state.metric });
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    setStatus('');
    render();
    // The panels and legend are drawn now and may have changed the map's size: fit after.
    cy.resize();
    cy.fit(undefined, 16);
    await evaluate();
    hook.ready = true;
  } catch (error) {
    setStatus(`Could not load graph "${id}": ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

function wireControls(): void {
  const metric = byId<HTMLSelectElement>('metric-select');
  metric.replaceChildren(...MAP_METRICS.map((m) => h('option', { value: m }, METRIC_LABELS[m])));
  metric.addEventListener('change', () => update((s) => actions.setMetric(s, metric.value as MapMetric)));
  byId<HTMLSelectElement>('graph-select').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    update((s) => actions.selectGraph(s, value));
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    radio.addEventListener('change', () => update((s) => actions.setMode(s, radio.value === 'embargo' ? 'embargo' : 'offline')));
  }
  const year = byId<HTMLInputElement>('year-input');
  year.addEventListener('change', () => {
    const value = year.value.trim() === '' ? null : Number(year.value);
    update((s) => actions.setYear(s, value !== null && Number.isInteger(value) ? value : null));
  });
  byId<HTMLSelectElement>('preset-select').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    update((s) => actions.setPreset(s, value || null));
  });
  byId('reset').addEventListener('click', () => update(actions.reset));
  rangesPanel = mountRangesPanel({
    current: () => (data && state.graph ? { graph: state.graph, scenario: scenarioOf(state, currentPreset()) } : null),
    setStatus,
    busy: (delta) => (pending += delta),
  });
  byId('export-png').addEventListener('click', () => {
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    const link = h('a', { href: URL.createObjectURL(blob), download: `${state.graph ?? 'map'}-map.png` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
  cy.on('tap', 'node', (event) => update((s) => actions.selectNode(s, event.target.id() as string)));
  cy.on('tap', (event) => {
    if (event.target === cy) update((s) => actions.selectNode(s, null));
  });
}

async function boot(): Promise<void> {
  wireControls();
  pending += 1;
  try {
    const graphs = await api.graphs();
    const select = byId<HTMLSelectElement>('graph-select');
    select.replaceChildren(
      ...graphs.map((g) => ('error' in g ? h('option', { value: g.id, disabled: true }, `${g.id} (invalid)`) : h('option', { value: g.id }, `${g.name} (${g.nodes} nodes)`))),
    );
    const valid = graphs.filter((g) => !('error' in g)).map((g) => g.id);
    const id = [state.graph, DEFAULT_GRAPH, valid[0]].find((candidate) => candidate && valid.includes(candidate));
    if (!id) {
      setStatus('No valid graph in the graphs folder.', true);
      return;
    }
    state = { ...state, graph: id };
    window.history.replaceState(null, '', `${window.location.pathname}${stateToQuery(state)}`);
    await loadGraph(id);
  } catch (error) {
    setStatus(`Could not list the graphs: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

void boot();
