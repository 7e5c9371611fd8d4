/**
 * The clicked node: its attributes and metrics, its values under the scenario next to
 * the baseline (`node-scenario.ts`), and a button to take the plant offline (or bring a
 * project online) in the scenario.
 */
import type { NodeMetrics } from '../../../src/metrics/report-types.js';
import type { ScenarioResult } from '../../../src/scenario/evaluate.js';
import { h } from '../dom.js';
import type { GraphData } from '../elements.js';
import { formatPercent, formatScore, formatTonnes } from '../format.js';
import { nodeScenarioValues } from '../node-scenario.js';
import type { KnockoutStatus } from '../page/knockout.js';

const ATTRIBUTES = ['stage', 'country', 'status', 'startYear', 'capacity', 'sector', 'confidence', 'source', 'notes'] as const;

export interface NodeDetailsInput {
  graph: GraphData;
  node: GraphData['nodes'][number] | undefined;
  metrics: NodeMetrics | undefined;
  result: ScenarioResult | null;
  countryName: (code: string) => string;
  /** Whether the plant is offline / the project online by the page's own toggle. */
  plantOff: boolean;
  projectOn: boolean;
  /** Members of an aggregated group (shown instead of plant toggles). */
  members?: string[];
  /** Whether the page has the knockout loss (asked for only when shown: page/knockout.ts); default `ready`. */
  knockout?: KnockoutStatus;
}

export interface NodeDetailsActions {
  togglePlant: (node: string) => void;
  toggleProject: (node: string) => void;
  expand: (group: string) => void;
  /** Asks for the knockout loss (the whole table: one max flow per node), or again after it failed. */
  computeKnockout: () => void;
}

/**
 * An origin mix as text, largest share first: "CN 60.0%, AU 40.0%", with the untraced
 * rest (1 - sum, recyclers, stocks, closed loops) when above 0.05%.
 */
export function originText(shares: Record<string, number>, none: string): string {
  const entries = Object.entries(shares).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return none;
  const rest = 1 - entries.reduce((total, [, share]) => total + share, 0);
  const parts = entries.map(([code, share]) => `${code} ${formatPercent(share)}`);
  if (rest > 0.0005) parts.push(`untraced ${formatPercent(rest)}`);
  return parts.join(', ');
}

export function renderNodeDetails(container: Element, input: NodeDetailsInput, actions: NodeDetailsActions): void {
  const { node, metrics, result, countryName } = input;
  if (!node) {
    container.replaceChildren(h('p', { class: 'hint' }, 'Click a node to see its attributes and metrics.'));
    return;
  }
  const a = node.attributes;
  const knockout = input.knockout ?? 'ready';
  // The baseline knockout loss, or what stands for it until the page has it: never a blank.
  const knockoutValue = (): Node | string => {
    if (knockout === 'ready') return formatPercent(metrics?.knockoutLoss);
    if (knockout === 'computing') return h('span', { class: 'muted computing', 'data-testid': 'knockout-computing' }, 'computing…');
    const button = h('button', { type: 'button', class: 'link', 'data-testid': 'compute-knockout', title: 'one maximum flow per node of the graph' }, knockout === 'failed' ? 'failed: try again' : 'compute');
    button.addEventListener('click', () => actions.computeKnockout());
    return button;
  };
  const rows: [string, Node | string][] = [];
  for (const name of ATTRIBUTES) {
    const value = a[name];
    if (value === undefined || value === null || value === '') continue;
    if (name === 'capacity' && typeof value === 'number') rows.push(['capacity', `${formatTonnes(value)} t/yr`]);
    else if (name === 'country') rows.push(['country', `${String(value)} ${countryName(String(value))}`]);
    else rows.push([name, String(value)]);
  }
  if (metrics) {
    rows.push(['flow share', formatPercent(metrics.flowShare)]);
    rows.push(['knockout loss', knockoutValue()]);
    rows.push(['betweenness', formatScore(metrics.betweenness)]);
    if (metrics.minCut) rows.push(['minimum cut', 'member']);
    if (metrics.origin) {
      rows.push(['mined in', originText(metrics.origin.mining, 'no traced mine')]);
      rows.push(['separated in', originText(metrics.origin.separation, 'not separated yet')]);
    }
  }
  const table: HTMLElement[] = [];
  if (!input.members) {
    const v = nodeScenarioValues(input.graph, node.key, result);
    const line = (label: string, before: Node | string, after: string) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, before), h('td', { class: 'num' }, after));
    const lines = [line('throughput, t/yr', formatTonnes(v.throughputBefore), v.throughputAfter === null ? '…' : formatTonnes(v.throughputAfter))];
    if (v.sink) {
      lines.push(line('delivered, no rerouting', formatTonnes(v.sink.proportional[0]), formatTonnes(v.sink.proportional[1])));
      lines.push(line('delivered, recipes (allocation)', formatTonnes(v.sink.allocation[0]), formatTonnes(v.sink.allocation[1])));
      lines.push(line('delivered, with rerouting', formatTonnes(v.sink.maxFlow[0]), formatTonnes(v.sink.maxFlow[1])));
    }
    // Baseline: the answer's baseline top list (the same lens as "after"), else the page's
    // knockout table (world only), else what stands for it until that has arrived.
    const knockoutBefore = (): Node | string => {
      if (v.knockoutBefore !== null) return formatPercent(v.knockoutBefore);
      if (result?.lens) return 'below top';
      if (knockout === 'ready') return formatPercent(metrics?.knockoutLoss);
      return h('span', { class: 'muted' }, knockout === 'computing' ? 'computing…' : 'not computed');
    };
    if (result) lines.push(line('knockout loss', knockoutBefore(), v.knockoutAfter === null ? 'below top' : formatPercent(v.knockoutAfter)));
    const notes = [v.offline && 'offline in this scenario', v.activated && 'online in this scenario', v.cutEdges > 0 && `${v.cutEdges} of its links cut or capped`].filter((x): x is string => typeof x === 'string');
    table.push(
      h('table', { class: 'data node-values', 'data-testid': 'node-values' }, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { class: 'num' }, 'baseline'), h('th', { class: 'num' }, 'scenario'))), h('tbody', {}, ...lines)),
    );
    if (notes.length > 0) table.push(h('p', { class: 'warnings' }, notes.join('; ')));
    const operating = (a.status ?? 'operating') === 'operating';
    const button = operating
      ? h('button', { type: 'button', 'data-testid': 'toggle-plant' }, input.plantOff ? 'Bring this plant back online' : 'Take this plant offline')
      : h('button', { type: 'button', 'data-testid': 'toggle-project' }, input.projectOn ? 'Leave this project out' : 'Bring this project online');
    button.addEventListener('click', () => (operating ? actions.togglePlant(node.key) : actions.toggleProject(node.key)));
    table.push(h('p', {}, button));
  } else {
    const stage = h('button', { type: 'button', 'data-testid': 'expand-stage' }, `Expand stage ${a.stage}`);
    stage.addEventListener('click', () => actions.expand(`stage:${a.stage}`));
    const country = h('button', { type: 'button', 'data-testid': 'expand-country' }, `Expand ${a.country}`);
    country.addEventListener('click', () => actions.expand(`country:${a.country}`));
    table.push(h('p', { class: 'muted' }, `${input.members.length} nodes, flows summed.`), h('p', { class: 'button-row' }, stage, ' ', country));
  }
  container.replaceChildren(
    h('h3', { 'data-testid': 'node-title' }, a.label ?? node.key),
    h('p', { class: 'node-key' }, node.key),
    ...table,
    h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}
