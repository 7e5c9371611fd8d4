/** The page's calls to the chokepoint API (docs/api.md). Errors carry the server's message. */
import type { MetricsReport } from '../../src/metrics/report-types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { GraphListing } from '../../src/server/graph-store.js';
import type { GraphData } from './elements.js';
import type { Preset } from './scenario.js';
import type { ValuedResult, Weight } from '../../src/scenario/value.js';
import type { TimelineResult } from '../../src/timeline/timeline.js';
import type { EnsembleResult } from '../../src/uncertainty/ensemble.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body ? String(body.error) : `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status);
  }
  return body as T;
}

const graphPath = (id: string) => `/api/graphs/${encodeURIComponent(id)}`;

function scenarioQuery(read: { country?: string | null; weight?: Weight }): string {
  const params = new URLSearchParams();
  if (read.country) params.set('country', read.country);
  if (read.weight === 'value') params.set('weight', 'value');
  const text = params.toString();
  return text ? `?${text}` : '';
}

function metricsParam(list: readonly string[] | undefined): string {
  return list ? `&metrics=${list.map(encodeURIComponent).join(',')}` : '';
}

export const api = {
  graphs: () => call<GraphListing[]>('/api/graphs'),
  graph: (id: string) => call<GraphData>(graphPath(id)),
  /** The metrics report; only the metrics of `list` when given (`?metrics=`), else the server's default ones. */
  metrics: (id: string, list?: readonly string[]) => call<MetricsReport>(`${graphPath(id)}/metrics${list ? `?${metricsParam(list).slice(1)}` : ''}`),
  presets: (id: string) => call<Preset[]>(`${graphPath(id)}/scenarios`),
  /** `country`: add the lens; `weight: 'value'`: add the value reading (`value`). */
  scenario: (id: string, scenario: Scenario, init: RequestInit = {}, read: { country?: string | null; weight?: Weight } = {}) =>
    call<ValuedResult>(`${graphPath(id)}/scenario${scenarioQuery(read)}`, {
      ...init,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario),
    }),
  /** The monthly timeline; `query` from `timelineQuery` (months, start, cover). */
  timeline: (id: string, scenario: Scenario, query: string, init: RequestInit = {}) =>
    call<TimelineResult>(`${graphPath(id)}/timeline${query}`, {
      ...init,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario),
    }),
  ensemble: (id: string, scenario: Scenario, samples: number, init: RequestInit = {}) =>
    call<EnsembleResult>(`${graphPath(id)}/ensemble?samples=${samples}`, {
      ...init,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario),
    }),
  /** Download links; with `list`, only those metrics are computed and attached (`&metrics=`), else the server's default ones. */
  exportUrl: (id: string, format: string, list?: readonly string[]) => `${graphPath(id)}/export?format=${encodeURIComponent(format)}${metricsParam(list)}`,
  metricsCsvUrl: (id: string, table: string, list?: readonly string[]) => `${graphPath(id)}/metrics?format=csv&table=${encodeURIComponent(table)}${metricsParam(list)}`,
};
