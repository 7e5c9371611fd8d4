/**
 * The results panel: delivered supply before and after under the three bounds (max flow,
 * allocation with recipes, proportional) with one line each on what it assumes, the loss
 * (proportional bound large, allocation and max flow next to it), the loss per end use
 * with the binding input under the allocation bound, and the stage concentration.
 */
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { fill, h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent, formatTonnes } from '../format.js';
import type { PageData } from '../page-data.js';
import { renderStageTable } from './stage-table.js';

export interface ResultTargets {
  delivered: Element;
  sinks: Element;
  hhi: Element;
}

function renderDelivered(target: Element, result: ScenarioResult | null, data: PageData): void {
  if (!result) {
    target.replaceChildren(h('h2', {}, 'Delivered supply'), h('p', { class: 'muted' }, 'Evaluating…'), h('span', { 'data-testid': 'delivered-loss' }, ''));
    return;
  }
  const unit = result.unit;
  const lossP = result.loss.proportional;
  const lossM = result.loss.maxFlow;
  const lossA = result.loss.allocation;
  const grid = h(
    'div',
    { class: 'delivered-grid' },
    h('span', { class: 'head' }, unit),
    h('span', { class: 'head num' }, 'baseline'),
    h('span', { class: 'head num' }, 'scenario'),
    h('span', {}, 'no rerouting (proportional)'),
    h('span', { class: 'num', 'data-testid': 'baseline-proportional' }, formatTonnes(result.baseline.proportional)),
    h('span', { class: 'num', 'data-testid': 'scenario-proportional' }, formatTonnes(result.scenario.proportional)),
    h('span', { title: result.assumptions.allocation }, 'rerouting with recipes (allocation)'),
    h('span', { class: 'num', 'data-testid': 'baseline-allocation' }, formatTonnes(result.baseline.allocation)),
    h('span', { class: 'num', 'data-testid': 'scenario-allocation' }, formatTonnes(result.scenario.allocation)),
    h('span', {}, 'full rerouting (max flow)'),
    h('span', { class: 'num', 'data-testid': 'baseline-maxflow' }, formatTonnes(result.baseline.maxFlow)),
    h('span', { class: 'num', 'data-testid': 'scenario-maxflow' }, formatTonnes(result.scenario.maxFlow)),
  );
  const assumptions = h('ul', { class: 'muted assumptions', 'data-testid': 'bound-assumptions' }, ...Object.values(result.assumptions).map((line) => h('li', {}, line)));
  const changes = result.changes.map((c) => h('li', {}, c.summary));
  const warnings = result.warnings.map((w) => h('li', {}, w));
  fill(
    target,
    h('h2', {}, 'Delivered supply'),
    h(
      'div',
      { class: 'loss-line' },
      h('span', { class: `loss-big${lossP > 0 ? '' : ' none'}`, 'data-testid': 'delivered-loss', title: 'loss of delivered supply, proportional (no-rerouting) bound' }, formatPercent(lossP)),
      h('span', { class: 'loss-label' }, 'loss, no rerouting (proportional bound)'),
      h('span', { class: 'loss-label' }, 'rerouting with recipes (allocation bound): ', h('strong', { 'data-testid': 'delivered-loss-allocation' }, lossA === null ? '–' : formatPercent(lossA))),
      h('span', { class: 'loss-label' }, 'with rerouting (max-flow bound): ', h('strong', { 'data-testid': 'delivered-loss-maxflow' }, formatPercent(lossM))),
    ),
    grid,
    assumptions,
    changes.length > 0 ? h('ul', { class: 'changes muted' }, ...changes) : null,
    warnings.length > 0 ? h('ul', { class: 'warnings' }, ...warnings) : null,
    h('p', { class: 'muted' }, `${data.graph.attributes?.name ?? data.id}: ${result.name}`),
  );
}

function renderSinks(target: Element, result: ScenarioResult | null): void {
  if (!result) {
    target.replaceChildren();
    return;
  }
  const rows = result.loss.byEndUse.map((u) =>
    h(
      'tr',
      {},
      h('td', { title: u.endUse }, shortLabel(u.endUse.replace(/^end[- ]use:\s*/i, ''), 26)),
      h('td', { class: 'num' }, formatTonnes(u.baseline.proportional)),
      h('td', { class: 'num' }, formatTonnes(u.scenario.proportional)),
      h('td', { class: 'num' }, formatPercent(u.loss.proportional)),
      h('td', { class: 'num', title: u.binding ? `${u.binding.sink}: ${u.binding.text}` : '' }, u.loss.allocation === null ? '–' : formatPercent(u.loss.allocation)),
      h('td', { class: 'num' }, formatPercent(u.loss.maxFlow)),
    ),
  );
  const binding = result.loss.byEndUse
    .filter((u) => u.binding !== null)
    .map((u) => h('li', {}, h('strong', {}, shortLabel(u.endUse, 26)), ` (${u.binding?.sink}): ${u.binding?.text}`));
  target.replaceChildren(
    h(
      'table',
      { class: 'data sinks', 'data-testid': 'sink-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'end use'),
          h('th', { class: 'num', title: `baseline, ${result.unit}, proportional bound` }, 'before'),
          h('th', { class: 'num', title: `scenario, ${result.unit}, proportional bound` }, 'after'),
          h('th', { class: 'num', title: 'loss, proportional (no rerouting) bound' }, 'loss'),
          h('th', { class: 'num', title: 'loss, allocation bound (rerouting with recipes); hover for the binding input' }, 'recipes'),
          h('th', { class: 'num', title: 'loss, max-flow (rerouting) bound' }, 'rerouted'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    binding.length > 0 ? h('ul', { class: 'binding muted', 'data-testid': 'binding-inputs' }, ...binding) : '',
  );
}

export function renderResults(targets: ResultTargets, data: PageData, result: ScenarioResult | null): void {
  renderDelivered(targets.delivered, result, data);
  renderSinks(targets.sinks, result);
  renderStageTable(targets.hhi, data, result);
}
