/**
 * The panels around the map, derived from the store: countries, legend, results, loss
 * chart, ranges, scenario builder, node details, comparison, bottlenecks; then the form
 * controls (controls.ts). A view is a file in views/ plus one call here.
 */
import { byId } from '../dom.js';
import type { GraphData } from '../elements.js';
import { isGroup } from '../aggregate.js';
import type { PageData } from '../page-data.js';
import * as actions from '../state.js';
import { renderBottleneckTable } from '../views/bottleneck-table.js';
import { renderBuilder } from '../views/builder.js';
import { renderCompare } from '../views/compare.js';
import { renderCountryToggles } from '../views/country-panel.js';
import { renderLegend } from '../views/legend.js';
import { renderLossChart } from '../views/loss-chart.js';
import { renderNodeDetails } from '../views/node-details.js';
import { renderResults } from '../views/results.js';
import { renderScenarioBottlenecks } from '../views/scenario-bottlenecks.js';
import { isBig, knockoutOnDemand, scenarioTitle, sizeMetric, type App, type PageStore } from './app.js';
import { syncControls } from './controls.js';
import { waitsForChange } from './evaluation.js';
import { ensureKnockout, knockoutStatus } from './knockout.js';

/** What the results say without an answer on a big graph: waiting for a change, or evaluating the one made. */
function idleNote(store: PageStore, d: PageData): string | null {
  if (store.result || !isBig(d)) return null;
  const nodes = d.graph.nodes.length.toLocaleString('en-US');
  if (!waitsForChange(store, d)) return `Evaluating the scenario on a large graph (${nodes} nodes)…`;
  return `A large graph (${nodes} nodes): its baseline loses nothing; change the scenario to evaluate it.`;
}

/** The loss chart's line while a big graph waits for a change. */
const LOSS_CHART_IDLE = 'Change the scenario to see the loss per end use.';

export function renderPanels(app: App, d: PageData, graph: GraphData): void {
  const { store, update } = app;
  const { state, result, aggregation } = store;
  const select = (id: string) => update((s) => actions.selectNode(s, id));
  // The knockout loss is asked for only when a view shows it (knockout.ts); until then the views say so.
  const knockout = knockoutStatus(store);
  const computeKnockout = () => {
    ensureKnockout(app, true);
    app.render();
  };
  renderCountryToggles(byId('country-toggles'), d.countries, state.off, (code) => update((s) => actions.toggleCountry(s, code)));
  renderLegend(byId('legend'), sizeMetric(store), aggregation !== null, knockout, knockoutOnDemand(d));
  renderResults({ delivered: byId('delivered'), sinks: byId('sinks'), hhi: byId('hhi') }, d, result, scenarioTitle(store), idleNote(store, d));
  renderLossChart(byId('loss-chart'), result, !result && waitsForChange(store, d) ? LOSS_CHART_IDLE : null);
  store.rangesPanel?.render();
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
      knockout,
    },
    {
      togglePlant: (n) => update((s) => actions.togglePlant(s, n)),
      toggleProject: (n) => update((s) => actions.toggleProject(s, n)),
      expand: (group) => update((s) => actions.selectNode(actions.toggleExpanded(s, group), null)),
      computeKnockout,
    },
  );
  renderCompare(byId('compare'), d.presets, state.compare, store.comparison, store.comparePending, (id) => update((s) => actions.toggleCompare(s, id)));
  // The scenario's bottlenecks come with its answer (before and after); the page's baseline
  // knockout only fills in "at baseline" for a node below the answer's top list, when known.
  const baseline = new Map(d.report.nodes.map((n) => [n.id, n.knockoutLoss]));
  renderScenarioBottlenecks(byId('scenario-bottlenecks'), result, (id) => baseline.get(id), select);
  const details = byId<HTMLDetailsElement>('bottlenecks-panel');
  if (details.open !== state.bottlenecksOpen) details.open = state.bottlenecksOpen;
  renderBottleneckTable(byId('bottlenecks'), d.report, state, { sort: (key) => update((s) => actions.sortBy(s, key)), select, retry: computeKnockout }, d.sinks, {
    status: knockout,
    ...(store.knockout?.error ? { error: store.knockout.error } : {}),
  });
  syncControls(app, d);
}
