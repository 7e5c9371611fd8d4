/**
 * The knockout part of the metrics (metric-parts.ts: a max flow per node and per country,
 * nearly all of the default metrics' time on a big graph) is asked for only when something
 * on the page shows it: the map sized by knockout loss (the default on graphs up to
 * KNOCKOUT_DEFAULT_MAX_NODES nodes, state.ts), the baseline bottleneck table
 * opened (`knockoutWanted`), or the user's "compute" in the node panel
 * (`ensureKnockout`). It is asked once per loaded graph (the graph object the page loaded
 * is its version: a reload of the file is a new object, asked again); while it is
 * computed the views that show it say "computing…" (`knockoutStatus`), and once it has
 * arrived it is merged into the page's report and kept with it. The request waits for the
 * first part (the report it is merged into): asked before that, the job waits.
 */
import { api } from '../api.js';
import type { GraphData } from '../elements.js';
import { withReport, type PageData } from '../page-data.js';
import { mapMetric, type ViewState } from '../state.js';
import type { App, PageStore } from './app.js';
import { KNOCKOUT_METRICS, mergeReports } from './metric-parts.js';

/** The knockout part asked for a loaded graph (`graph`: the object the page loaded, its version). */
export interface KnockoutJob {
  graph: GraphData;
  /** `waiting`: for the first part of the metrics; `computing`: asked of the server; `failed`: with the server's message. */
  state: 'waiting' | 'computing' | 'failed';
  error?: string;
}

/** What the views show for the knockout loss: the values (`ready`), "computing…", the error, or a button to ask (`idle`). */
export type KnockoutStatus = 'idle' | 'computing' | 'ready' | 'failed';

/** Whether the page's report has the knockout loss. */
export function hasKnockout(d: PageData): boolean {
  return d.report.metrics.includes('knockoutLoss');
}

export function knockoutStatus(store: Pick<PageStore, 'data' | 'knockout'>): KnockoutStatus {
  const d = store.data;
  if (!d) return 'idle';
  if (hasKnockout(d)) return 'ready';
  const job = store.knockout;
  if (!job || job.graph !== d.graph) return 'idle';
  return job.state === 'failed' ? 'failed' : 'computing';
}

/**
 * Whether the state shows the knockout loss on a graph of `nodes` nodes: the map sized by it
 * (chosen, or the default of a graph up to KNOCKOUT_DEFAULT_MAX_NODES nodes), or the
 * bottleneck table open. Pure.
 */
export function knockoutWanted(state: ViewState, nodes: number): boolean {
  return mapMetric(state, nodes) === 'knockoutLoss' || state.bottlenecksOpen;
}

/**
 * Asks for the knockout part of the loaded graph unless it is there, asked already or (the
 * user not asking again: `retry`) failed. Call `app.render()` after it to show "computing…".
 */
export function ensureKnockout(app: App, retry = false): void {
  const { store } = app;
  const d = store.data;
  if (!d || hasKnockout(d)) return;
  const job = store.knockout;
  if (job && job.graph === d.graph && (job.state !== 'failed' || !retry)) return;
  if (retry && !d.metricsReady) {
    // The first part failed too: load the graph again (it asks for both).
    store.knockout = null;
    void app.loadGraph(d.id).then(() => {
      ensureKnockout(app);
      app.render();
    });
    return;
  }
  store.knockout = { graph: d.graph, state: 'waiting' };
  if (d.metricsReady) void fetchKnockout(app, d);
}

/** Called when the first part has arrived: sends the knockout request that waited for it. */
export function firstPartArrived(app: App): void {
  const { store } = app;
  const d = store.data;
  if (d && store.knockout?.graph === d.graph && store.knockout.state === 'waiting') void fetchKnockout(app, d);
}

/** Called when the first part failed: a knockout part waiting for it fails with its message (the user may ask again). */
export function firstPartFailed(app: App, message: string): void {
  const { store } = app;
  const d = store.data;
  if (d && store.knockout?.graph === d.graph && store.knockout.state === 'waiting') store.knockout = { graph: d.graph, state: 'failed', error: `the first metrics failed: ${message}` };
}

async function fetchKnockout(app: App, d: PageData): Promise<void> {
  const { store } = app;
  const graph = d.graph;
  const mine = () => store.data?.graph === graph;
  store.knockout = { graph, state: 'computing' };
  store.pending += 1;
  try {
    const part = await api.metrics(d.id, KNOCKOUT_METRICS);
    if (!mine() || !store.data) return;
    store.data = withReport(store.data, mergeReports(store.data.report, part));
    store.knockout = null;
  } catch (error) {
    if (mine()) store.knockout = { graph, state: 'failed', error: error instanceof Error ? error.message : String(error) };
  } finally {
    store.pending -= 1;
    if (mine()) app.render();
  }
}
