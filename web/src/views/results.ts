/**
 * The results panel: delivered supply before and after under the three bounds (max flow,
 * allocation with recipes, proportional) with one line each on what it assumes, for the
 * scope (the world, or the lens country's end uses), the loss (proportional bound large,
 * allocation and max flow next to it), the loss per end use with the binding input under
 * the allocation bound, and the stage concentration before and after. Read in value
 * (the result has `value`, `value-view.ts`): supply in USD/yr, the value lost, end uses
 * ranked by value lost, and the prices' source and year under the table.
 */
import { viewOf } from '../../../src/scenario/compare.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import type { ValuedResult } from '../../../src/scenario/value.js';
import { fill, h } from '../dom.js';
import { shortLabel } from '../elements.js';
import { formatPercent, formatTonnes, formatUsd } from '../format.js';
import type { PageData } from '../page-data.js';
import { priceNote, valueScope, type ValueScope } from '../value-view.js';
import { readableWarning } from '../warnings.js';
import { renderStageTable } from './stage-table.js';

export interface ResultTargets {
  delivered: Element;
  sinks: Element;
  hhi: Element;
}

/** `United States` for a lens, `all end uses` for the world. */
export function scopeName(result: ScenarioResult, data: PageData): string {
  return result.lens ? `end uses in ${data.countryName(result.lens.country)}` : 'all end uses';
}

/** Which prices the value figures use (source and year), with every price line on demand. */
function priceNoteOf(data: PageData, value: ValueScope, testId: string): HTMLElement {
  const materials = [...new Set(data.graph.edges.map((e) => e.attributes.material ?? ''))];
  return h(
    'details',
    { class: 'muted price-note', 'data-testid': testId },
    h('summary', {}, priceNote(data.graph.attributes?.prices, materials)),
    h('ul', {}, ...value.prices.map((line) => h('li', {}, line))),
  );
}

function renderDelivered(target: Element, result: ValuedResult | null, data: PageData, title: string, idle: string | null): void {
  if (!result) {
    target.replaceChildren(h('h2', {}, 'Delivered supply'), h('p', { class: 'muted', 'data-testid': 'idle-note' }, idle ?? 'Evaluating…'), h('span', { 'data-testid': 'delivered-loss' }, ''));
    return;
  }
  const tonnes = viewOf(result);
  const value = valueScope(result);
  // In value, every figure of the headline and the grid is the value one (USD/yr).
  const view = value ? { baseline: value.total.baseline, scenario: value.total.scenario, loss: value.total.loss } : tonnes;
  const format = value ? formatUsd : formatTonnes;
  const unit = value ? 'USD/yr' : result.unit;
  const lossP = view.loss.proportional;
  const lossM = view.loss.maxFlow;
  const lossA = view.loss.allocation;
  const grid = h(
    'div',
    { class: 'delivered-grid' },
    h('span', { class: 'head' }, unit),
    h('span', { class: 'head num' }, 'baseline'),
    h('span', { class: 'head num' }, 'scenario'),
    h('span', {}, 'no rerouting (proportional)'),
    h('span', { class: 'num', 'data-testid': 'baseline-proportional' }, format(view.baseline.proportional)),
    h('span', { class: 'num', 'data-testid': 'scenario-proportional' }, format(view.scenario.proportional)),
    h('span', { title: result.assumptions.allocation }, 'rerouting with recipes (allocation)'),
    h('span', { class: 'num', 'data-testid': 'baseline-allocation' }, format(view.baseline.allocation)),
    h('span', { class: 'num', 'data-testid': 'scenario-allocation' }, format(view.scenario.allocation)),
    h('span', {}, 'full rerouting (max flow)'),
    h('span', { class: 'num', 'data-testid': 'baseline-maxflow' }, format(view.baseline.maxFlow)),
    h('span', { class: 'num', 'data-testid': 'scenario-maxflow' }, format(view.scenario.maxFlow)),
  );
  const labels = new Map(data.graph.nodes.map((n) => [n.key, n.attributes.label ?? n.key]));
  const assumptions = h('ul', { class: 'muted assumptions', 'data-testid': 'bound-assumptions' }, ...Object.values(result.assumptions).map((line) => h('li', {}, line)));
  const changes = result.changes.map((c) => h('li', {}, c.summary));
  const warnings = result.warnings.map((w) => h('li', {}, readableWarning(w, labels)));
  const empty = result.lens && result.lens.sinks.length === 0;
  fill(
    target,
    h('h2', {}, 'Delivered supply ', h('span', { class: 'muted scope', 'data-testid': 'scope' }, `— ${scopeName(result, data)}`)),
    empty ? h('p', { class: 'warnings' }, `${data.countryName(result.lens?.country ?? '')} has no end use in this graph: pick another country or the world.`) : null,
    h(
      'div',
      { class: 'loss-line' },
      h('span', { class: `loss-big${(lossP ?? 0) > 0 ? '' : ' none'}`, 'data-testid': 'delivered-loss', title: 'loss of delivered supply, proportional (no-rerouting) bound' }, formatPercent(lossP)),
      h('span', { class: 'loss-label' }, value ? 'of value lost, no rerouting (proportional bound)' : 'loss, no rerouting (proportional bound)'),
      value
        ? h('span', { class: 'loss-label' }, 'value lost, no rerouting: ', h('strong', { 'data-testid': 'delivered-value-lost' }, `USD ${formatUsd(view.baseline.proportional - view.scenario.proportional)}/yr`))
        : null,
      h('span', { class: 'loss-label' }, 'rerouting with recipes (allocation bound): ', h('strong', { 'data-testid': 'delivered-loss-allocation' }, lossA === null ? '–' : formatPercent(lossA))),
      h('span', { class: 'loss-label' }, 'with rerouting (max-flow bound): ', h('strong', { 'data-testid': 'delivered-loss-maxflow' }, formatPercent(lossM))),
    ),
    grid,
    value ? priceNoteOf(data, value, 'price-note') : null,
    assumptions,
    changes.length > 0 ? h('ul', { class: 'changes muted' }, ...changes) : null,
    warnings.length > 0 ? h('ul', { class: 'warnings', 'data-testid': 'warnings' }, ...warnings) : null,
    h('p', { class: 'muted', 'data-testid': 'scenario-title' }, `${data.graph.attributes?.name ?? data.id}: ${title}`),
  );
}

function renderSinks(target: Element, result: ValuedResult | null, data: PageData): void {
  if (!result) {
    target.replaceChildren();
    return;
  }
  const view = viewOf(result);
  const value = valueScope(result);
  const binding = new Map(view.byEndUse.map((u) => [u.endUse, u.binding]));
  // In value: the end uses ranked by value lost, before and after in USD/yr (loss fractions are the tonnes ones, value.ts).
  const endUses = value ? value.byEndUse.map((u) => ({ ...u, binding: binding.get(u.endUse) ?? null })) : view.byEndUse;
  const format = value ? formatUsd : formatTonnes;
  const unit = value ? 'USD/yr' : result.unit;
  const rows = endUses.map((u) =>
    h(
      'tr',
      { 'data-end-use': u.endUse },
      h('td', { title: u.endUse }, shortLabel(u.endUse.replace(/^end[- ]use:\s*/i, ''), 26)),
      h('td', { class: 'num', 'data-col': 'before' }, format(u.baseline.proportional)),
      h('td', { class: 'num', 'data-col': 'after' }, format(u.scenario.proportional)),
      h('td', { class: 'num', 'data-bound': 'proportional' }, formatPercent(u.loss.proportional)),
      h('td', { class: 'num', 'data-bound': 'allocation', title: u.binding ? `${u.binding.sink}: ${u.binding.text}` : '' }, u.loss.allocation === null ? '–' : formatPercent(u.loss.allocation)),
      h('td', { class: 'num', 'data-bound': 'maxFlow' }, formatPercent(u.loss.maxFlow)),
    ),
  );
  const bindingLines = view.byEndUse
    .filter((u) => u.binding !== null)
    .map((u) => h('li', {}, h('strong', {}, shortLabel(u.endUse, 26)), ` (${u.binding?.sink}): ${u.binding?.text}`));
  target.replaceChildren(
    h(
      'div',
      { class: 'scroll-x' },
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
            h('th', { class: 'num', title: `baseline, ${unit}, observed flow` }, value ? 'before, USD/yr' : 'before'),
            h('th', { class: 'num', title: `after the scenario, ${unit}, proportional bound` }, value ? 'after, USD/yr' : 'after'),
            h('th', { class: 'num', title: 'loss if no buyer can switch suppliers (proportional bound)' }, 'loss, no re\u00adrouting'),
            h('th', { class: 'num', title: 'loss with rerouting through spare capacity, every plant bound by its recipe (allocation bound); hover for the binding input' }, 'loss, recipes'),
            h('th', { class: 'num', title: 'loss with perfect rerouting through spare capacity (max-flow bound, the end use served alone); not the amount rerouted' }, 'loss, with re\u00adrouting'),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    value ? priceNoteOf(data, value, 'price-note-end-uses') : '',
    bindingLines.length > 0 ? h('p', { class: 'muted' }, 'Binding inputs: one explanation each, from the duals of the optimal basis found; a degenerate LP can have others.') : '',
    bindingLines.length > 0 ? h('ul', { class: 'binding muted', 'data-testid': 'binding-inputs' }, ...bindingLines) : '',
  );
}

export function renderResults(targets: ResultTargets, data: PageData, result: ValuedResult | null, title: string, idle: string | null = null): void {
  renderDelivered(targets.delivered, result, data, title, idle);
  renderSinks(targets.sinks, result, data);
  renderStageTable(targets.hhi, data, result);
}
