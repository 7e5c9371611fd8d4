/**
 * What the page lets the user take away: the scenario file (the CLI reads it), the
 * results (CSV, JSON), the brief (Markdown, and printed: PDF through the browser) and a
 * PNG of the whole map with title and legend.
 */
import { endUseTable } from '../../../src/scenario/result-tables.js';
import { briefMarkdown, briefOf } from '../brief.js';
import { byId, h } from '../dom.js';
import { fileStem, tableCsv } from '../exports.js';
import { mapPng } from '../png.js';
import { scenarioOf } from '../scenario.js';
import { METRIC_LABELS } from '../state.js';
import { renderBrief } from '../views/brief.js';
import { legendKeys } from '../views/legend.js';
import { currentPreset, knockoutOnDemand, scenarioTitle, sizeMetric, type App, type PageStore } from './app.js';
import { knockoutStatus } from './knockout.js';

function download(name: string, blob: Blob): void {
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function stem(store: PageStore): string {
  return fileStem(store.state.title.trim() || scenarioTitle(store));
}

function currentBrief(store: PageStore) {
  const { data, result, state } = store;
  if (!data || !result) return null;
  const d = data;
  const attributes = (d.graph.attributes ?? {}) as { name?: string; year?: number; source?: string; description?: string };
  const presets = [currentPreset(store), ...state.compare.map((id) => d.presets.find((p) => p.id === id))].filter((p): p is NonNullable<typeof p> => Boolean(p?.description));
  return briefOf({
    title: scenarioTitle(store),
    result,
    comparison: store.comparison,
    graph: { name: attributes.name ?? d.id, ...(attributes.year !== undefined ? { year: attributes.year } : {}), ...(attributes.source ? { source: attributes.source } : {}) },
    ...(result.lens ? { lensName: d.countryName(result.lens.country) } : {}),
    presetNotes: presets.map((p) => `${p.name}: ${p.description ?? ''}`),
    date: new Date(),
  });
}

export function wireTakeaways(app: App): void {
  const { store, setStatus } = app;
  byId('save-scenario').addEventListener('click', () => {
    const scenario = scenarioOf(store.state, currentPreset(store));
    download(`${stem(store)}.json`, new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' }));
  });
  byId('export-results-csv').addEventListener('click', () => {
    if (store.result) download(`${stem(store)}-results.csv`, new Blob([tableCsv(endUseTable(store.result))], { type: 'text/csv' }));
  });
  byId('export-results-json').addEventListener('click', () => {
    if (store.result) download(`${stem(store)}-results.json`, new Blob([`${JSON.stringify({ result: store.result, comparison: store.comparison }, null, 2)}\n`], { type: 'application/json' }));
  });
  byId('export-brief').addEventListener('click', () => {
    const brief = currentBrief(store);
    if (brief) download(`${stem(store)}-brief.md`, new Blob([briefMarkdown(brief)], { type: 'text/markdown' }));
  });
  byId('print-brief').addEventListener('click', () => {
    const brief = currentBrief(store);
    if (!brief) return;
    renderBrief(byId('brief'), brief);
    window.print();
  });
  byId('export-png').addEventListener('click', () => {
    if (!store.data) return;
    const d = store.data;
    const { state } = store;
    const date = new Date().toISOString().slice(0, 10);
    const scope = state.lens ? `read for ${d.countryName(state.lens)}` : 'read for the world';
    void mapPng(app.cy, {
      title: scenarioTitle(store),
      subtitle: `${d.graph.attributes?.name ?? d.id} · ${scope} · node size: ${METRIC_LABELS[sizeMetric(store)]} · ${date}`,
      legend: { countries: d.countries.map((c) => ({ code: c.code, name: c.name, color: c.color })), keys: legendKeys(sizeMetric(store), store.aggregation !== null, knockoutStatus(store), knockoutOnDemand(d)) },
    }).then(
      (blob) => download(`${state.graph ?? 'map'}-map.png`, blob),
      (error: unknown) => setStatus(`PNG failed: ${error instanceof Error ? error.message : String(error)}`, true),
    );
  });
}
