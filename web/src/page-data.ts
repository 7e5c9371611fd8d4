/**
 * Everything the page knows about one graph: the graph, its metrics report, the preset
 * scenarios, and what is derived from them once (stage order, country colours and
 * names, the country list for the toggles). `derivePageData` is pure.
 */
import type { MetricsReport } from '../../src/metrics/report-types.js';
import { stagesOf } from '../../src/model/stages.js';
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
}

function regionNames(): ((code: string) => string | undefined) {
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    return (code) => names.of(code);
  } catch {
    return () => undefined;
  }
}

export function derivePageData(id: string, graph: GraphData, report: MetricsReport, presets: Preset[]): PageData {
  const declared = graph.attributes?.countries ?? {};
  const fromReport = new Map(report.countries.map((c) => [c.country, c.name]));
  const region = regionNames();
  const countryName = (code: string) => declared[code]?.name ?? fromReport.get(code) ?? region(code) ?? code;
  const nodes = graph.nodes.map((n) => ({ id: n.key, stage: n.attributes.stage, country: n.attributes.country, label: n.attributes.label ?? n.key }));
  const order = countryOrder(nodes);
  const colors = countryColors(order);
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.country, (counts.get(n.country) ?? 0) + 1);
  const countries = order.map((code) => ({ code, name: countryName(code), color: colors[code] ?? '#999999', nodes: counts.get(code) ?? 0 }));
  return { id, graph, report, presets, stages: stagesOf(graph.attributes ?? {}), colors, countries, countryName };
}

export async function loadGraphData(id: string): Promise<PageData> {
  const [graph, report, presets] = await Promise.all([api.graph(id), api.metrics(id), api.presets(id)]);
  return derivePageData(id, graph, report, presets);
}
