/**
 * Graph + metrics report + scenario effects -> Cytoscape elements. Pure: the same input
 * gives the same elements, the input is not changed, and nothing here touches the DOM.
 *
 * - position: the stage-column layout (`layout.ts`);
 * - node `size`: 10 + 26 * sqrt(value / max value) of the selected metric (area grows
 *   with the value); every node 16 when the metric is 0 everywhere;
 * - one `stage-header` element per stage in use, above its column, naming the stage;
 * - node `color`: the country's colour (`palette.ts`); `label`: `shortLabel`;
 * - edge `width`: 1 + 6 * ln(1 + flow) / ln(1 + largest flow), a log scale so that both
 *   200 t and 20,000 t links are visible; the scenario's flow when it gives one;
 * - classes: see `cy-style.ts`; with a selected node, what is not it, its suppliers, its
 *   customers or one of its edges is `dimmed`.
 */
import type { ElementDefinition } from 'cytoscape';
import type { MetricsReport } from '../../src/metrics/report-types.js';
import type { PriceInfo } from '../../src/model/schema.js';
import { stageLayout, type LayoutNode, type Positions } from './layout.js';
import type { MapMetric } from './state.js';

/** A graph as the API sends it (graphology serialization with chokepoint attributes). */
export interface GraphData {
  attributes?: { name?: string; stages?: string[]; countries?: Record<string, { name: string }>; unit?: string; year?: number; prices?: Record<string, PriceInfo> };
  nodes: { key: string; attributes: Record<string, unknown> & { stage: string; country: string; label?: string; status?: string; startYear?: number } }[];
  edges: { key?: string; source: string; target: string; attributes: Record<string, unknown> & { flow: number; capacity?: number; material?: string } }[];
}

/** What a scenario does to the drawn elements (see `effects.ts`). */
export interface ScenarioEffects {
  /** Nodes taken offline. */
  disabledNodes: string[];
  /** Non-operating nodes brought online. */
  activatedNodes: string[];
  /** Edges cut or capped. */
  cutEdges: string[];
  /** Edge id -> flow under the scenario, when known. */
  edgeFlows?: Record<string, number>;
}

export const NO_EFFECTS: ScenarioEffects = { disabledNodes: [], activatedNodes: [], cutEdges: [] };

export interface ElementInput {
  graph: GraphData;
  report: MetricsReport;
  stages: readonly string[];
  colors: Record<string, string>;
  metric: MapMetric;
  effects?: ScenarioEffects;
  /** How many top nodes by knockout loss get the `bottleneck` class. */
  bottlenecks?: number;
  /** The selected node: everything outside its neighbourhood gets `dimmed`. */
  selected?: string | null;
}

export const MIN_SIZE = 10;
export const MAX_EXTRA_SIZE = 26;
export const FLAT_SIZE = 16;

/** Id prefix of the stage-name elements above the columns (not graph nodes). */
export const STAGE_HEADER_PREFIX = '__stage__';

/** The id an edge has in the graph and the report: its key, else `source->target`. */
export function edgeId(edge: GraphData['edges'][number]): string {
  return edge.key ?? `${edge.source}->${edge.target}`;
}

export function nodeSize(value: number | undefined, max: number): number {
  if (!(max > 0)) return FLAT_SIZE;
  const v = Math.max(0, value ?? 0);
  return MIN_SIZE + MAX_EXTRA_SIZE * Math.sqrt(Math.min(v, max) / max);
}

export function edgeWidth(flow: number, maxFlow: number): number {
  if (!(maxFlow > 0)) return 1;
  return 1 + (6 * Math.log1p(Math.max(0, flow))) / Math.log1p(maxFlow);
}

/**
 * The label drawn on the map: the text before the first ` (` or `, ` (for a long label),
 * cut to at most `max` characters (at a space when there is one) with an ellipsis. The full label is in the node details.
 */
export function shortLabel(label: string, max = 30): string {
  let text = label.split(' (')[0]?.trim() || label;
  if (text.length > max) text = text.split(', ')[0]?.trim() || text;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The ids of the `count` nodes with the highest positive knockout loss. */
export function topBottlenecks(report: MetricsReport, count: number): string[] {
  return report.nodes
    .filter((n) => (n.knockoutLoss ?? 0) > 0)
    .sort((a, b) => (b.knockoutLoss ?? 0) - (a.knockoutLoss ?? 0) || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((n) => n.id);
}

export function buildElements(input: ElementInput): ElementDefinition[] {
  const { graph, report, stages, colors, metric } = input;
  const effects = input.effects ?? NO_EFFECTS;
  const metricsOf = new Map(report.nodes.map((n) => [n.id, n]));
  const edgeMetricsOf = new Map(report.edges.map((e) => [e.id, e]));
  const disabled = new Set(effects.disabledNodes);
  const activated = new Set(effects.activatedNodes);
  const cut = new Set(effects.cutEdges);
  const bottlenecks = new Set(topBottlenecks(report, input.bottlenecks ?? 5));

  const layoutNodes: LayoutNode[] = graph.nodes.map((n) => ({ id: n.key, stage: n.attributes.stage, country: n.attributes.country, label: n.attributes.label ?? n.key }));
  const positions = stageLayout(layoutNodes, stages, { maxRows: MAP_MAX_ROWS });
  const maxValue = Math.max(0, ...report.nodes.map((n) => n[metric] ?? 0));
  const inactive = new Set(graph.nodes.filter((n) => (n.attributes.status ?? 'operating') !== 'operating' && !activated.has(n.key)).map((n) => n.key));

  const selected = input.selected && graph.nodes.some((n) => n.key === input.selected) ? input.selected : null;
  const near = new Set<string>(selected ? [selected] : []);
  for (const e of graph.edges) {
    if (e.source === selected) near.add(e.target);
    if (e.target === selected) near.add(e.source);
  }
  const dimmedNode = (key: string) => selected !== null && !near.has(key);

  // Short labels that several nodes share (end uses of one sector in many countries)
  // get the country code, so the map never shows two nodes with the same name.
  const short = new Map(graph.nodes.map((n) => [n.key, shortLabel(n.attributes.label ?? n.key)]));
  const uses = new Map<string, number>();
  for (const text of short.values()) uses.set(text, (uses.get(text) ?? 0) + 1);
  const mapLabel = (key: string, country: string) => {
    const text = short.get(key) ?? key;
    return (uses.get(text) ?? 0) > 1 ? `${text} (${country})` : text;
  };

  const nodes: ElementDefinition[] = graph.nodes.map((n) => {
    const m = metricsOf.get(n.key);
    const classes = [
      inactive.has(n.key) && 'inactive',
      disabled.has(n.key) && 'disabled',
      m?.minCut && 'min-cut',
      bottlenecks.has(n.key) && 'bottleneck',
      dimmedNode(n.key) && 'dimmed',
    ].filter((c): c is string => typeof c === 'string');
    return {
      group: 'nodes',
      data: {
        id: n.key,
        label: mapLabel(n.key, n.attributes.country),
        stage: n.attributes.stage,
        country: n.attributes.country,
        status: n.attributes.status ?? 'operating',
        color: colors[n.attributes.country] ?? '#999999',
        value: m?.[metric] ?? 0,
        size: nodeSize(m?.[metric], maxValue),
      },
      position: { ...(positions[n.key] ?? { x: 0, y: 0 }) },
      classes,
    };
  });

  const flows = graph.edges.map((e) => effects.edgeFlows?.[edgeId(e)] ?? e.attributes.flow);
  const maxFlow = Math.max(0, ...graph.edges.map((e) => e.attributes.flow), ...flows);
  const edges: ElementDefinition[] = graph.edges.map((e, i) => {
    const id = edgeId(e);
    const flow = flows[i] ?? 0;
    const classes = [
      (inactive.has(e.source) || inactive.has(e.target)) && 'inactive',
      (cut.has(id) || disabled.has(e.source) || disabled.has(e.target)) && 'cut',
      edgeMetricsOf.get(id)?.minCut && 'min-cut',
      selected !== null && e.source !== selected && e.target !== selected && 'dimmed',
    ].filter((c): c is string => typeof c === 'string');
    return {
      group: 'edges',
      data: { id, source: e.source, target: e.target, flow, material: e.attributes.material ?? '', width: edgeWidth(flow, maxFlow) },
      classes,
    };
  });
  return [...stageHeaders(positions, layoutNodes, stages), ...nodes, ...edges];
}

/**
 * The most nodes the map draws in one column before wrapping it into sub-columns
 * (stage-layout.ts): above the default dataset's largest stage (51 end uses), so only an
 * expanded stage or country of a big graph wraps.
 */
export const MAP_MAX_ROWS = 80;

/** A label above each column that has nodes (centred over a wrapped column). */
function stageHeaders(positions: Positions, nodes: readonly LayoutNode[], stages: readonly string[]): ElementDefinition[] {
  const ys = Object.values(positions).map((p) => p.y);
  const top = (ys.length > 0 ? Math.min(...ys) : 0) - 50;
  const used = new Set(nodes.map((n) => n.stage));
  const columns = new Map<string, [number, number]>();
  for (const node of nodes) {
    const x = positions[node.id]?.x ?? 0;
    const [low, high] = columns.get(node.stage) ?? [x, x];
    columns.set(node.stage, [Math.min(low, x), Math.max(high, x)]);
  }
  const centre = (stage: string) => {
    const [low, high] = columns.get(stage) ?? [0, 0];
    return (low + high) / 2;
  };
  return [...stages.filter((s) => used.has(s)), ...[...used].filter((s) => !stages.includes(s)).sort()].map((stage) => ({
    group: 'nodes',
    data: { id: `${STAGE_HEADER_PREFIX}${stage}`, label: stage },
    position: { x: centre(stage), y: top },
    classes: ['stage-header'],
    selectable: false,
    grabbable: false,
  }));
}
