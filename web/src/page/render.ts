/**
 * Drawing the map from the store: the graph itself or its aggregated view (one node per
 * country and stage), with the scenario's effects; data and classes set in one batch,
 * every element replaced only when the drawn set changed; then the panels (panels.ts),
 * then a fit when the drawn set changed (the panels may have changed the map's size).
 */
import { aggregate, aggregateEffects } from '../aggregate.js';
import { effectsOf } from '../effects.js';
import { buildElements, type GraphData } from '../elements.js';
import type { PageData } from '../page-data.js';
import { withShadowPrices } from '../shadow-prices.js';
import type { MapView } from '../state.js';
import { isBig, sizeMetric, type App, type PageStore } from './app.js';
import { renderPanels } from './panels.js';

function aggregatedWanted(store: PageStore, d: PageData): boolean {
  const view: MapView = store.state.view;
  return view === 'aggregated' || (view === 'auto' && isBig(d));
}

/** The graph and report drawn: the graph itself, or its aggregated view (kept in the store). */
function drawn(store: PageStore, d: PageData): { graph: GraphData; report: PageData['report'] } {
  const report = withShadowPrices(d.report, store.result);
  if (!aggregatedWanted(store, d)) {
    store.aggregation = null;
    return { graph: d.graph, report };
  }
  store.aggregation = aggregate(d.graph, report, store.state.expanded);
  return { graph: store.aggregation.graph, report: store.aggregation.report };
}

/** Redraws the map (data and classes in one batch; all elements when the drawn set changed) and the panels. */
export function render(app: App): void {
  const { store, cy } = app;
  if (!store.data) return;
  const d = store.data;
  const { state } = store;
  const { graph, report } = drawn(store, d);
  const aggregation = store.aggregation;
  const effects = aggregation ? aggregateEffects(effectsOf(store.result), aggregation) : effectsOf(store.result);
  const selected = state.selected && aggregation ? (aggregation.drawnOf.get(state.selected) ?? state.selected) : state.selected;
  const elements = buildElements({ graph, report, stages: d.stages, colors: d.colors, metric: sizeMetric(store), effects, selected });
  const key = `${d.id}|${aggregation ? `agg:${state.expanded.join(',')}` : 'nodes'}`;
  cy.batch(() => {
    if (key !== store.drawnKey) {
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
  renderPanels(app, d, graph);
  // The panels, legend and time chart are drawn now and may have changed the map's size: fit after.
  if (key !== store.drawnKey) {
    store.drawnKey = key;
    cy.resize();
    cy.fit(undefined, 16);
  }
}
