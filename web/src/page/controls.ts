/**
 * The form controls: `syncControls` puts the state into them (after a URL load, a reset
 * or a graph change); `wireControls` turns their changes, Escape and Back/Forward into
 * actions (taps on the map: map.ts).
 */
import { api } from '../api.js';
import { byId, h } from '../dom.js';
import type { PageData } from '../page-data.js';
import { scenarioOf } from '../scenario.js';
import * as actions from '../state.js';
import { KNOCKOUT_ON_DEMAND_NOTE, MAP_METRICS, MAX_YEAR, METRIC_LABELS, MIN_YEAR, VIEWS, type MapMetric, type MapView } from '../state.js';
import { controlsFromQuery } from '../timeline.js';
import { queryToState } from '../url-state.js';
import { mountRangesPanel } from '../views/ranges-panel.js';
import { currentPreset, hasPrices, knockoutOnDemand, sizeMetric, type App } from './app.js';
import { pageMetrics } from './metric-parts.js';

/** Puts the state into the form controls (after a URL load, a reset or a graph change). */
export function syncControls(app: App, d: PageData): void {
  const { store } = app;
  const { state } = store;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === state.mode;
  const year = byId<HTMLInputElement>('year-input');
  if (document.activeElement !== year) year.value = state.year === null ? '' : String(state.year);
  // The select shows the metric that sizes the map (the graph's default when none was chosen)
  // and, on a graph above KNOCKOUT_DEFAULT_MAX_NODES nodes, why that default is not knockout loss.
  const metricSelect = byId<HTMLSelectElement>('metric-select');
  metricSelect.value = sizeMetric(store);
  metricSelect.title = knockoutOnDemand(d) ? KNOCKOUT_ON_DEMAND_NOTE : '';
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
  byId('preset-description').textContent = currentPreset(store)?.description ?? '';
  // The downloads carry the metrics the page has (metric-parts.ts `pageMetrics`): the
  // knockout loss only once a view has asked for it, so a download never starts that computation.
  const id = state.graph ?? '';
  const metrics = pageMetrics(d.report);
  const without = metrics.includes('knockoutLoss') ? '' : ' (without the knockout loss: open the bottleneck table to compute it)';
  const link = (testId: string, href: string, what: string) => {
    const a = byId<HTMLAnchorElement>(testId);
    a.href = href;
    a.title = `${what}${without}`;
  };
  link('export-csv', api.metricsCsvUrl(id, 'nodes', metrics), 'The metrics of each node, CSV');
  link('export-gexf', api.exportUrl(id, 'gexf', metrics), 'The graph with its metrics, GEXF (Gephi)');
  link('export-graphml', api.exportUrl(id, 'graphml', metrics), 'The graph with its metrics, GraphML');
}

export function wireControls(app: App): void {
  const { store, update, setStatus } = app;
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
      year.value = store.state.year === null ? '' : String(store.state.year);
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
  // Opening the baseline bottleneck table asks for the knockout loss (knockout.ts, via app.apply).
  const bottlenecks = byId<HTMLDetailsElement>('bottlenecks-panel');
  bottlenecks.addEventListener('toggle', () => update((s) => actions.setBottlenecksOpen(s, bottlenecks.open)));
  store.rangesPanel = mountRangesPanel({
    current: () => (store.data && store.state.graph ? { graph: store.state.graph, scenario: scenarioOf(store.state, currentPreset(store)) } : null),
    setStatus,
    busy: (delta) => (store.pending += delta),
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && store.state.selected) update((s) => actions.selectNode(s, null));
  });
  window.addEventListener('popstate', () => {
    const before = store.state;
    store.state = queryToState(window.location.search);
    app.timelineView.setControls(controlsFromQuery(window.location.search));
    app.apply(before);
  });
}
