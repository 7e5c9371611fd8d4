/**
 * Everything the page knows about one graph: the graph, its metrics report, the preset
 * scenarios, and what is derived from them once (stage order, country colours and
 * names, the country list for the toggles). `derivePageData` is pure.
 */
import type { MetricsReport } from '../../src/metrics/report-types.js';
import { stagesOf } from '../../src/model/stages.js';
import { unitOf } from '../../src/model/units.js';
import { api } from './api.js';
import type { GraphData } from './elements.js';
import { countryOrder } from './layout.js';
import { countryColors } from './palette.js';
import type { Preset } from './scenario.js';
import type { CountryEntry } from './views/country-panel.js';

export interface PageData {
  id: string;
  graph: GraphData;
  report: MetricsReport;
  presets: Preset[];
  stages: readonly string[];
  colors: Record<string, string>;
  /** The graph's countries, most nodes first. */
  countries: CountryEntry[];
  countryName: (code: string) => string;
  /** End-use sinks: nodes with in-edges and no out-edge. */
  sinks: Set<string>;
  /** Countries that have an end use (the lens choices), most nodes first. */
  lensCountries: CountryEntry[];
  /** False until the metrics report has arrived (the map is drawn before, for big graphs). */
  metricsReady: boolean;
}

/** A report with no metric values, for drawing the map before the metrics arrive. */
export function emptyReport(graph: GraphData): MetricsReport {
  return {
    graph: { name: graph.attributes?.name ?? '', nodes: graph.nodes.length, edges: graph.edges.length, unit: unitOf(graph.attributes ?? {}) },
    nodes: graph.nodes.map((n) => ({ id: n.key, label: n.attributes.label ?? n.key, stage: n.attributes.stage, country: n.attributes.country, status: n.attributes.status ?? 'operating' })),
    edges: graph.edges.map((e) => ({ id: e.key ?? `${e.source}->${e.target}`, source: e.source, target: e.target, flow: e.attributes.flow, capacity: e.attributes.capacity ?? e.attributes.flow })),
    stages: [],
    countries: [],
    supply: { observed: 0 },
    metrics: [],
  };
}

function regionNames(): ((code: string) => string | undefined) {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    return (code) => names.of(code);
  } catch {
    return () => undefined;
  }
}

export function derivePageData(id: string, graph: GraphData, report: MetricsReport | null, presets: Preset[]): PageData {
  const declared = graph.attributes?.countries ?? {};
  const fromReport = new Map((report?.countries ?? []).map((c) => [c.country, c.name]));
  const region = regionNames();
  // A report names a country it knows no name for by its code: the browser's region name is better.
  const reported = (code: string) => (fromReport.get(code) === code ? undefined : fromReport.get(code));
  const countryName = (code: string) => declared[code]?.name ?? reported(code) ?? region(code) ?? code;
  const nodes = graph.nodes.map((n) => ({ id: n.key, stage: n.attributes.stage, country: n.attributes.country, label: n.attributes.label ?? n.key }));
  const order = countryOrder(nodes);
  const colors = countryColors(order);
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
  const countries = order.map((code) => ({ code, name: countryName(code), color: colors[code] ?? '#999999', nodes: counts.get(code) ?? 0 }));
  const hasOut = new Set(graph.edges.map((e) => e.source));
  const sinks = new Set(graph.edges.map((e) => e.target).filter((t) => !hasOut.has(t)));
  const sinkCountries = new Set(graph.nodes.filter((n) => sinks.has(n.key)).map((n) => n.attributes.country));
  return {
    id,
    graph,
    report: report ?? emptyReport(graph),
    presets,
    stages: stagesOf(graph.attributes ?? {}),
    colors,
    countries,
    countryName,
    sinks,
    lensCountries: countries.filter((c) => sinkCountries.has(c.code)),
    metricsReady: report !== null,
  };
}

/** The graph and its presets (the metrics come separately: `api.metrics`, then `withReport`). */
export async function loadGraphData(id: string): Promise<PageData> {
  const [graph, presets] = await Promise.all([api.graph(id), api.presets(id)]);
  return derivePageData(id, graph, null, presets);
}

/** The page data once the metrics report has arrived. */
export function withReport(data: PageData, report: MetricsReport): PageData {
  return derivePageData(data.id, data.graph, report, data.presets);
}
