/**
 * Evaluating the page's scenario on the server (`POST .../scenario`, with the lens and
 * the weight), then the compared presets (cached by graph, lens and preset), and the
 * time chart after the map.
 */
import { compareResults } from '../../../src/scenario/compare.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { api } from '../api.js';
import { scenarioOf } from '../scenario.js';
import type { PageData } from '../page-data.js';
import { currentPreset, hasPrices, isBig, type App, type PageStore } from './app.js';

/** What a big graph's time chart says at baseline (not evaluated: nothing to chart). */
export const BIG_BASELINE_TIMELINE = 'A large graph: its baseline is not evaluated month by month either; change the scenario to see when each end use runs short.';

/**
 * Whether the page waits for a change instead of evaluating: a big graph's baseline (no
 * action, nothing compared), which changes nothing and costs minutes. Pure.
 */
export function waitsForChange(store: Pick<PageStore, 'state' | 'data'>, data: PageData): boolean {
  return isBig(data) && store.state.compare.length === 0 && scenarioOf(store.state, currentPreset(store)).actions.length === 0;
}

export async function evaluate(app: App): Promise<void> {
  const { store } = app;
  const data = store.data;
  const graph = store.state.graph;
  if (!data || !graph) return;
  store.controller?.abort();
  const mine = new AbortController();
  store.controller = mine;
  const started = performance.now();
  const scenario = scenarioOf(store.state, currentPreset(store));
  const weight = hasPrices(data) ? store.state.weight : 'tonnes';
  // A change that leaves the question as it was (the embargo mode with no country toggled,
  // a toggle undone before its answer came) keeps the result drawn, and its time chart.
  const key = JSON.stringify([graph, scenario, store.state.lens, weight, store.state.compare]);
  if (store.result && key === store.resultKey) {
    app.setStatus('');
    return;
  }
  // A big graph's baseline changes nothing and costs minutes: wait for a change (the time
  // chart too: it says so rather than keeping a chart of an earlier scenario).
  if (waitsForChange(store, data)) {
    store.result = null;
    store.comparison = null;
    app.timelineView.clear(BIG_BASELINE_TIMELINE);
    app.render();
    return;
  }
  store.pending += 1;
  try {
    app.setStatus(isBig(data) ? 'Evaluating the scenario on a large graph…' : '');
    const result = await api.scenario(graph, scenario, { signal: mine.signal }, { country: store.state.lens, weight });
    store.result = result;
    store.resultKey = key;
    app.setStatus('');
    store.comparison = null;
    store.comparePending = store.state.compare.length > 0;
    app.render();
    app.hook.evaluations += 1;
    app.hook.lastEvaluationMs = performance.now() - started;
    // The time chart (24 monthly LPs) after the map: on the server both share one compute
    // lane, and asked first it held up the answer the map waits for.
    void app.timelineView.refresh(graph, scenario);
    if (store.state.compare.length > 0) await evaluateComparison(app, result, mine.signal);
  } catch (error) {
    if (!mine.signal.aborted) app.setStatus(`Scenario failed: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    store.pending -= 1;
  }
}

/** Evaluates the compared presets (cached) and sets the comparison with the current result first. */
async function evaluateComparison(app: App, current: ScenarioResult, signal: AbortSignal): Promise<void> {
  const { store } = app;
  const data = store.data;
  const graph = store.state.graph;
  if (!data || !graph) return;
  const results: ScenarioResult[] = [current];
  for (const id of store.state.compare) {
    const preset = data.presets.find((p) => p.id === id && !p.error);
    if (!preset) continue;
    const key = `${graph}|${store.state.lens ?? ''}|${id}`;
    let r = store.presetResults.get(key);
    if (!r) {
      r = await api.scenario(graph, { name: preset.name, actions: preset.actions }, { signal }, { country: store.state.lens });
      store.presetResults.set(key, r);
    }
    results.push(r);
  }
  if (signal.aborted) return;
  store.comparePending = false;
  store.comparison = results.length >= 2 ? compareResults(results) : null;
  app.render();
}
