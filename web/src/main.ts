/**
 * The map page: loads a graph, its presets and (in the background) its metrics, draws
 * the map, and re-evaluates the scenario on every change. State lives in `state` and
 * changes only through `update(action)`; the map and panels are derived from (data,
 * state, result, comparison). A view is a file in views/ plus one line in `renderPanels`.
 */
import cytoscape, { type Core } from 'cytoscape';
import { compareResults, type Comparison } from '../../src/scenario/compare.js';
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import type { ValuedResult } from '../../src/scenario/value.js';
import { endUseTable } from '../../src/scenario/result-tables.js';
import { aggregate, aggregateEffects, AGGREGATE_THRESHOLD, isGroup, type Aggregation } from './aggregate.js';
import { api } from './api.js';
import { briefMarkdown, briefOf } from './brief.js';
import { MAP_STYLE } from './cy-style.js';
import { byId, h } from './dom.js';
import { effectsOf } from './effects.js';
import { buildElements, type GraphData } from './elements.js';
import { fileStem, tableCsv } from './exports.js';
import type { ChokepointHook } from './hook.js';
import { legendKeys } from './views/legend.js';
import { loadGraphData, withReport, type PageData } from './page-data.js';
import { mapPng } from './png.js';
import { scenarioOf } from './scenario.js';
import * as actions from './state.js';
import { MAP_METRICS, MAX_YEAR, METRIC_LABELS, MIN_YEAR, VIEWS, type MapMetric, type MapView, type ViewState } from './state.js';
import { withShadowPrices } from './shadow-prices.js';
import { queryToState, stateToQuery } from './url-state.js';
import { renderBottleneckTable } from './views/bottleneck-table.js';
import { renderBrief } from './views/brief.js';
import { renderBuilder } from './views/builder.js';
import { renderCompare } from './views/compare.js';
import { renderCountryToggles } from './views/country-panel.js';
import { renderLegend } from './views/legend.js';
import { renderLossChart } from './views/loss-chart.js';
import { renderNodeDetails } from './views/node-details.js';
import { renderResults } from './views/results.js';
import { renderScenarioBottlenecks } from './views/scenario-bottlenecks.js';
import { controlsFromQuery, withTimelineQuery } from './timeline.js';
import { createTimelineView } from './views/timeline-chart.js';
import { mountRangesPanel, type RangesPanel } from './views/ranges-panel.js';

const DEFAULT_GRAPH = 'rare-earths-2024';

let state: ViewState = queryToState(window.location.search);
let data: PageData | null = null;
let result: ValuedResult | null = null;
let comparison: Comparison | null = null;
let comparePending = false;
/** The aggregated view when it is drawn, else null. */
let aggregation: Aggregation | null = null;
/** What the drawn element set is built from: rebuilt (not just restyled) when it changes. */
let drawnKey = '';
let pending = 0;
let controller: AbortController | null = null;
let rangesPanel: RangesPanel | null = null;
/** Preset results by `graph|lens|preset`, for the comparison. */
const presetResults = new Map<string, ScenarioResult>();

const cy: Core = cytoscape({
  container: byId('cy'),
  style: MAP_STYLE,
  layout: { name: 'preset' },
  minZoom: 0.02,
  maxZoom: 4,
  boxSelectionEnabled: false,
  autoungrabify: true,
});

const timelineView = createTimelineView(byId('timeline'), (graph, scenario, query, signal) => api.timeline(graph, scenario, query, { signal }), {
  settings: byId('scenario-time'),
  initial: controlsFromQuery(window.location.search),
  onControls: () => syncUrl(false),
});

/** Test hook: the browser tests read the map and the page's progress from here. */
const hook: ChokepointHook = {
  cy,
  get state() {
    return state;
  },
  get result() {
    return result;
  },
  get comparison() {
    return comparison;
  },
  get aggregated() {
    return aggregation !== null;
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

/** Writes the state into the URL: a new history entry when it changed (so Back steps back), else none. */
function syncUrl(push: boolean): void {
  const url = `${window.location.pathname}${withTimelineQuery(stateToQuery(state), timelineView.controls)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Applies an action; re-evaluates when the scenario changed, else only redraws. */
function update(action: (s: ViewState) => ViewState): void {
  const before = state;
  state = action(state);
  if (state === before) return;
  syncUrl(true);
  apply(before);
}

function apply(before: ViewState): void {
  if (state.graph !== before.graph && state.graph) {
    void loadGraph(state.graph);
    return;
  }
  const scenarioChanged = actions.scenarioChanged(before, state);
  if (scenarioChanged) rangesPanel?.clear();
  render();
  if (scenarioChanged) void evaluate();
}

function currentPreset() {
  return data?.presets.find((p) => p.id === state.preset);
}

function isBig(d: PageData): boolean {
  return d.graph.nodes.length > AGGREGATE_THRESHOLD;
}

/** Whether the graph can be read in value (it has prices). */
function hasPrices(d: PageData): boolean {
  return Object.keys(d.graph.attributes?.prices ?? {}).length > 0;
}

function scenarioTitle(): string {
  return scenarioOf(state, currentPreset()).name;
}

async function evaluate(): Promise<void> {
  if (!data || !state.graph) return;
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  const started = performance.now();
  const scenario = scenarioOf(state, currentPreset());
  // A big graph's baseline changes nothing and costs minutes: wait for a change.
  if (scenario.actions.length === 0 && isBig(data) && state.compare.length === 0) {
    result = null;
    comparison = null;
    render();
    return;
  }
  pending += 1;
  try {
    setStatus(isBig(data) ? 'Evaluating the scenario on a large graph…' : '');
    result = await api.scenario(state.graph, scenario, { signal: mine.signal }, { country: state.lens, weight: hasPrices(data) ? state.weight : 'tonnes' });
    setStatus('');
    comparison = null;
    comparePending = state.compare.length > 0;
    render();
    hook.evaluations += 1;
    hook.lastEvaluationMs = performance.now() - started;
    // The time chart (24 monthly LPs) after the map: on the server both share one compute
    // lane, and asked first it held up the answer the map waits for.
    void timelineView.refresh(state.graph, scenario);
    if (state.compare.length > 0) await evaluateComparison(result, mine.signal);
  } catch (error) {
    if (!mine.signal.aborted) setStatus(`Scenario failed: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

/** Evaluates the compared presets (cached) and sets the comparison with the current result first. */
async function evaluateComparison(current: ScenarioResult, signal: AbortSignal): Promise<void> {
  if (!data || !state.graph) return;
  const results: ScenarioResult[] = [current];
  for (const id of state.compare) {
    const preset = data.presets.find((p) => p.id === id && !p.error);
    if (!preset) continue;
    const key = `${state.graph}|${state.lens ?? ''}|${id}`;
    let r = presetResults.get(key);
    if (!r) {
      r = await api.scenario(state.graph, { name: preset.name, actions: preset.actions }, { signal }, { country: state.lens });
      presetResults.set(key, r);
    }
    results.push(r);
  }
  if (signal.aborted) return;
  comparePending = false;
  comparison = results.length >= 2 ? compareResults(results) : null;
  render();
}

function aggregatedWanted(d: PageData): boolean {
  const view: MapView = state.view;
  return view === 'aggregated' || (view === 'auto' && isBig(d));
}

/** The graph and report drawn: the graph itself, or its aggregated view. */
function drawn(d: PageData): { graph: GraphData; report: PageData['report'] } {
  const report = withShadowPrices(d.report, result);
  if (!aggregatedWanted(d)) {
    aggregation = null;
    return { graph: d.graph, report };
  }
  aggregation = aggregate(d.graph, report, state.expanded);
  return { graph: aggregation.graph, report: aggregation.report };
}

/** Redraws the map (data and classes in one batch; all elements when the drawn set changed) and the panels. */
function render(): void {
  if (!data) return;
  const d = data;
  const { graph, report } = drawn(d);
  const effects = aggregation ? aggregateEffects(effectsOf(result), aggregation) : effectsOf(result);
  const selected = state.selected && aggregation ? (aggregation.drawnOf.get(state.selected) ?? state.selected) : state.selected;
  const elements = buildElements({ graph, report, stages: d.stages, colors: d.colors, metric: state.metric, effects, selected });
  const key = `${d.id}|${aggregation ? `agg:${state.expanded.join(',')}` : 'nodes'}`;
  cy.batch(() => {
    if (key !== drawnKey) {
      cy.elements().remove();
      cy.add(elements);
    } else {
      for (const element of elements) {
        const id = element.data.id;
        if (!id) continue;
        const ele = cy.getElementById(id);
        ele.data(element.data);
        ele.classes(element.classes ?? []);
      }
    }
    cy.nodes(':selected').unselect();
    if (selected) cy.getElementById(selected).select();
  });
  renderPanels(d, graph);
  // The panels, legend and time chart are drawn now and may have changed the map's size: fit after.
  if (key !== drawnKey) {
    drawnKey = key;
    cy.resize();
    cy.fit(undefined, 16);
  }
}

function renderPanels(d: PageData, graph: GraphData): void {
  const select = (id: string) => update((s) => actions.selectNode(s, id));
  renderCountryToggles(byId('country-toggles'), d.countries, state.off, (code) => update((s) => actions.toggleCountry(s, code)));
  renderLegend(byId('legend'), state.metric, aggregation !== null);
  renderResults({ delivered: byId('delivered'), sinks: byId('sinks'), hhi: byId('hhi') }, d, result, scenarioTitle(), idleNote(d));
  renderLossChart(byId('loss-chart'), result);
  rangesPanel?.render();
  renderBuilder(byId('builder'), d, state, {
    add: (r) => update((s) => actions.addRestriction(s, r)),
    remove: (i) => update((s) => actions.removeRestriction(s, i)),
    setShare: (i, share) => update((s) => actions.setShare(s, i, share)),
    togglePlant: (node) => update((s) => actions.togglePlant(s, node)),
    toggleProject: (node) => update((s) => actions.toggleProject(s, node)),
    setTitle: (title) => update((s) => actions.setTitle(s, title)),
  });
  const shownId = state.selected && aggregation ? (aggregation.drawnOf.get(state.selected) ?? state.selected) : state.selected;
  const node = graph.nodes.find((n) => n.key === shownId);
  renderNodeDetails(
    byId('node-details'),
    {
      graph: d.graph,
      node,
      metrics: (aggregation?.report ?? d.report).nodes.find((n) => n.id === shownId),
      result,
      countryName: (code) => d.countryName(code),
      plantOff: Boolean(shownId && state.plantsOff.includes(shownId)),
      projectOn: Boolean(shownId && state.plantsOn.includes(shownId)),
      ...(shownId && isGroup(shownId) && aggregation ? { members: aggregation.members.get(shownId) ?? [] } : {}),
    },
    {
      togglePlant: (n) => update((s) => actions.togglePlant(s, n)),
      toggleProject: (n) => update((s) => actions.toggleProject(s, n)),
      expand: (group) => update((s) => actions.selectNode(actions.toggleExpanded(s, group), null)),
    },
  );
  renderCompare(byId('compare'), d.presets, state.compare, comparison, comparePending, (id) => update((s) => actions.toggleCompare(s, id)));
  const knockout = new Map(d.report.nodes.map((n) => [n.id, n.knockoutLoss]));
  renderScenarioBottlenecks(byId('scenario-bottlenecks'), result, (id) => knockout.get(id), select);
  renderBottleneckTable(byId('bottlenecks'), d.report, state, { sort: (key) => update((s) => actions.sortBy(s, key)), select }, d.sinks);
  syncControls(d);
}

function idleNote(d: PageData): string | null {
  if (result || !isBig(d)) return null;
  return `A large graph (${d.graph.nodes.length.toLocaleString('en-US')} nodes): its baseline loses nothing; change the scenario to evaluate it.`;
}

/** Puts the state into the form controls (after a URL load, a reset or a graph change). */
function syncControls(d: PageData): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === state.mode;
  const year = byId<HTMLInputElement>('year-input');
  if (document.activeElement !== year) year.value = state.year === null ? '' : String(state.year);
  byId<HTMLSelectElement>('metric-select').value = state.metric;
  byId<HTMLSelectElement>('view-select').value = state.view;
  const weight = byId<HTMLSelectElement>('weight-select');
  weight.value = state.weight;
  const valueOption = weight.querySelector<HTMLOptionElement>('option[value="value"]');
  if (valueOption) {
    valueOption.disabled = !hasPrices(d);
    valueOption.title = hasPrices(d) ? 'USD/yr at the graph\'s prices' : 'this graph has no prices';
  }
  byId<HTMLSelectElement>('graph-select').value = state.graph ?? '';
  const lens = byId<HTMLSelectElement>('lens-select');
  if (lens.dataset.graph !== d.id) {
    lens.replaceChildren(h('option', { value: '' }, 'the world'), ...d.lensCountries.map((c) => h('option', { value: c.code }, `${c.name} (${c.code})`)));
    lens.dataset.graph = d.id;
  }
  lens.value = state.lens ?? '';
  const preset = byId<HTMLSelectElement>('preset-select');
  if (preset.dataset.graph !== d.id) {
    const options = d.presets.map((p) => h('option', { value: p.id, disabled: Boolean(p.error), title: p.error ?? p.description ?? '' }, p.error ? `${p.name} (does not apply)` : p.name));
    preset.replaceChildren(h('option', { value: '' }, 'none'), ...options);
    preset.dataset.graph = d.id;
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
    const d = data;
    // A link may name a preset, countries or a lens this graph does not have: drop them.
    if (state.preset && !d.presets.some((p) => p.id === state.preset && !p.error)) state = actions.setPreset(state, null);
    const codes = new Set(d.countries.map((c) => c.code));
    if (state.off.some((code) => !codes.has(code))) state = { ...state, off: state.off.filter((code) => codes.has(code)) };
    if (state.lens && !d.lensCountries.some((c) => c.code === state.lens)) state = actions.setLens(state, null);
    if (state.weight === 'value' && !hasPrices(d)) state = actions.setWeight(state, 'tonnes');
    const usable = new Set(d.presets.filter((p) => !p.error).map((p) => p.id));
    if (state.compare.some((p) => !usable.has(p))) state = { ...state, compare: state.compare.filter((p) => usable.has(p)) };
    const keys = new Set(d.graph.nodes.map((n) => n.key));
    if ([...state.plantsOff, ...state.plantsOn].some((n) => !keys.has(n))) state = { ...state, plantsOff: state.plantsOff.filter((n) => keys.has(n)), plantsOn: state.plantsOn.filter((n) => keys.has(n)) };
    syncUrl(false);
    result = null;
    comparison = null;
    drawnKey = '';
    setStatus(isBig(d) ? `Computing the metrics of ${d.graph.nodes.length.toLocaleString('en-US')} nodes…` : '');
    render();
    const metrics = api.metrics(id).then(
      (report) => {
        if (data?.id !== id) return;
        data = withReport(data, report);
        if (isBig(data)) setStatus('');
        render();
      },
      (error: unknown) => {
        if (data?.id === id) setStatus(`Metrics failed: ${error instanceof Error ? error.message : String(error)}`, true);
      },
    );
    // A small graph waits for its metrics (sizes, halos); a big one is usable at once.
    if (!isBig(d)) await metrics;
    await evaluate();
    hook.ready = true;
  } catch (error) {
    setStatus(`Could not load graph "${id}": ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

function download(name: string, blob: Blob): void {
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function stem(): string {
  return fileStem(state.title.trim() || scenarioTitle());
}

function currentBrief() {
  if (!data || !result) return null;
  const d = data;
  const attributes = (d.graph.attributes ?? {}) as { name?: string; year?: number; source?: string; description?: string };
  const presets = [currentPreset(), ...state.compare.map((id) => d.presets.find((p) => p.id === id))].filter((p): p is NonNullable<typeof p> => Boolean(p?.description));
  return briefOf({
    title: scenarioTitle(),
    result,
    comparison,
    graph: { name: attributes.name ?? d.id, ...(attributes.year !== undefined ? { year: attributes.year } : {}), ...(attributes.source ? { source: attributes.source } : {}) },
    ...(result.lens ? { lensName: d.countryName(result.lens.country) } : {}),
    presetNotes: presets.map((p) => `${p.name}: ${p.description ?? ''}`),
    date: new Date(),
  });
}

function wireControls(): void {
  const metric = byId<HTMLSelectElement>('metric-select');
  metric.replaceChildren(...MAP_METRICS.map((m) => h('option', { value: m }, METRIC_LABELS[m])));
  metric.addEventListener('change', () => update((s) => actions.setMetric(s, metric.value as MapMetric)));
  const weight = byId<HTMLSelectElement>('weight-select');
  weight.addEventListener('change', () => update((s) => actions.setWeight(s, weight.value === 'value' ? 'value' : 'tonnes')));
  const view = byId<HTMLSelectElement>('view-select');
  view.addEventListener('change', () => update((s) => actions.setView(s, (VIEWS as readonly string[]).includes(view.value) ? (view.value as MapView) : 'auto')));
  byId<HTMLSelectElement>('lens-select').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    update((s) => actions.setLens(s, value || null));
  });
  byId<HTMLSelectElement>('graph-select').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    update((s) => actions.selectGraph(s, value));
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    radio.addEventListener('change', () => update((s) => actions.setMode(s, radio.value === 'embargo' ? 'embargo' : 'offline')));
  }
  const year = byId<HTMLInputElement>('year-input');
  year.min = String(MIN_YEAR);
  year.max = String(MAX_YEAR);
  year.addEventListener('change', () => {
    const text = year.value.trim();
    const value = Number(text);
    if (text !== '' && (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR)) {
      year.setAttribute('aria-invalid', 'true');
      setStatus(`The year must be a whole year from ${MIN_YEAR} to ${MAX_YEAR} (got "${text}").`, true);
      year.value = state.year === null ? '' : String(state.year);
      return;
    }
    year.removeAttribute('aria-invalid');
    setStatus('');
    update((s) => actions.setYear(s, text === '' ? null : value));
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
  byId('save-scenario').addEventListener('click', () => {
    const scenario = scenarioOf(state, currentPreset());
    download(`${stem()}.json`, new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' }));
  });
  byId('export-results-csv').addEventListener('click', () => {
    if (result) download(`${stem()}-results.csv`, new Blob([tableCsv(endUseTable(result))], { type: 'text/csv' }));
  });
  byId('export-results-json').addEventListener('click', () => {
    if (result) download(`${stem()}-results.json`, new Blob([`${JSON.stringify({ result, comparison }, null, 2)}\n`], { type: 'application/json' }));
  });
  byId('export-brief').addEventListener('click', () => {
    const brief = currentBrief();
    if (brief) download(`${stem()}-brief.md`, new Blob([briefMarkdown(brief)], { type: 'text/markdown' }));
  });
  byId('print-brief').addEventListener('click', () => {
    const brief = currentBrief();
    if (!brief) return;
    renderBrief(byId('brief'), brief);
    window.print();
  });
  byId('export-png').addEventListener('click', () => {
    if (!data) return;
    const d = data;
    const date = new Date().toISOString().slice(0, 10);
    const scope = state.lens ? `read for ${d.countryName(state.lens)}` : 'read for the world';
    void mapPng(cy, {
      title: scenarioTitle(),
      subtitle: `${d.graph.attributes?.name ?? d.id} · ${scope} · node size: ${METRIC_LABELS[state.metric]} · ${date}`,
      legend: { countries: d.countries.map((c) => ({ code: c.code, name: c.name, color: c.color })), keys: legendKeys(state.metric, aggregation !== null) },
    }).then(
      (blob) => download(`${state.graph ?? 'map'}-map.png`, blob),
      (error: unknown) => setStatus(`PNG failed: ${error instanceof Error ? error.message : String(error)}`, true),
    );
  });
  cy.on('tap', 'node', (event) => update((s) => actions.selectNode(s, event.target.id() as string)));
  cy.on('tap', (event) => {
    if (event.target === cy) update((s) => actions.selectNode(s, null));
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.selected) update((s) => actions.selectNode(s, null));
  });
  window.addEventListener('popstate', () => {
    const before = state;
    state = queryToState(window.location.search);
    timelineView.setControls(controlsFromQuery(window.location.search));
    apply(before);
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
    syncUrl(false);
    await loadGraph(id);
  } catch (error) {
    setStatus(`Could not list the graphs: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    pending -= 1;
  }
}

void boot();
