/**
 * Loading a graph: its data and presets, dropping what a link names that the graph does
 * not have, choosing the map's renderer (renderer.ts), drawing it, then the first part of
 * its metrics (what the map and panels draw, metric-parts.ts; a small graph waits for it, a
 * big one is usable at once) and the first evaluation. The knockout part is asked for only
 * when a view shows it (knockout.ts): at once when the link sizes the map by knockout loss
 * or opens the bottleneck table. `boot` lists the graphs and opens the one the URL names
 * (else the default, else the first valid one).
 */
import { api } from '../api.js';
import { byId, h } from '../dom.js';
import { graphOptionLabel } from '../format.js';
import { loadGraphData, withReport } from '../page-data.js';
import { chooseRenderer } from '../renderer.js';
import * as actions from '../state.js';
import { hasPrices, isBig, type App } from './app.js';
import { useRenderer } from './map.js';
import { ensureKnockout, firstPartArrived, firstPartFailed, knockoutWanted } from './knockout.js';
import { FIRST_METRICS } from './metric-parts.js';

const DEFAULT_GRAPH = 'rare-earths-2024';

export async function loadGraph(app: App, id: string): Promise<void> {
  const { store, setStatus } = app;
  setStatus(`Loading ${id}…`);
  store.pending += 1;
  try {
    store.data = await loadGraphData(id);
    const d = store.data;
    useRenderer(app, chooseRenderer(d.graph.nodes.length, app.webgl, store.state.renderer));
    let state = store.state;
    // A link may name a preset, countries, a lens or a weight this graph does not have: drop them.
    if (state.preset && !d.presets.some((p) => p.id === state.preset && !p.error)) state = actions.setPreset(state, null);
    const codes = new Set(d.countries.map((c) => c.code));
    if (state.off.some((code) => !codes.has(code))) state = { ...state, off: state.off.filter((code) => codes.has(code)) };
    if (state.lens && !d.lensCountries.some((c) => c.code === state.lens)) state = actions.setLens(state, null);
    if (state.weight === 'value' && !hasPrices(d)) state = actions.setWeight(state, 'tonnes');
    const usable = new Set(d.presets.filter((p) => !p.error).map((p) => p.id));
    if (state.compare.some((p) => !usable.has(p))) state = { ...state, compare: state.compare.filter((p) => usable.has(p)) };
    const keys = new Set(d.graph.nodes.map((n) => n.key));
    if ([...state.plantsOff, ...state.plantsOn].some((n) => !keys.has(n))) state = { ...state, plantsOff: state.plantsOff.filter((n) => keys.has(n)), plantsOn: state.plantsOn.filter((n) => keys.has(n)) };
    store.state = state;
    app.syncUrl(false);
    store.result = null;
    store.comparison = null;
    store.drawnKey = '';
    setStatus(isBig(d) ? `Computing the metrics of ${d.graph.nodes.length.toLocaleString('en-US')} nodes…` : '');
    // The knockout part only when a view shows it (knockout.ts): a link may ask for it at once.
    if (knockoutWanted(state, d.graph.nodes.length)) ensureKnockout(app);
    app.render();
    // The first part of the metrics (metric-parts.ts), drawn when it arrives; a knockout
    // part asked for meanwhile is sent after it.
    const current = () => store.data?.graph === d.graph;
    const metrics = api.metrics(id, FIRST_METRICS).then(
      (first) => {
        if (!current() || !store.data) return;
        store.data = withReport(store.data, first);
        if (isBig(store.data)) setStatus('');
        firstPartArrived(app);
        app.render();
      },
      (error: unknown) => {
        if (!current()) return;
        const message = error instanceof Error ? error.message : String(error);
        setStatus(`Metrics failed: ${message}`, true);
        firstPartFailed(app, message);
        app.render();
      },
    );
    // A small graph waits for its metrics (sizes, halos); a big one is usable at once.
    if (!isBig(d)) await metrics;
    await app.evaluate();
    app.hook.ready = true;
  } catch (error) {
    setStatus(`Could not load graph "${id}": ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    store.pending -= 1;
  }
}

export async function boot(app: App): Promise<void> {
  const { store, setStatus } = app;
  store.pending += 1;
  try {
    const graphs = await api.graphs();
    const select = byId<HTMLSelectElement>('graph-select');
    select.replaceChildren(
      ...graphs.map((g) => ('error' in g ? h('option', { value: g.id, disabled: true }, `${g.id} (invalid)`) : h('option', { value: g.id }, graphOptionLabel(g.name, g.nodes)))),
    );
    const valid = graphs.filter((g) => !('error' in g)).map((g) => g.id);
    const id = [store.state.graph, DEFAULT_GRAPH, valid[0]].find((candidate) => candidate && valid.includes(candidate));
    if (!id) {
      setStatus('No valid graph in the graphs folder.', true);
      return;
    }
    store.state = { ...store.state, graph: id };
    app.syncUrl(false);
    await app.loadGraph(id);
  } catch (error) {
    setStatus(`Could not list the graphs: ${error instanceof Error ? error.message : String(error)}`, true);
  } finally {
    store.pending -= 1;
  }
}
