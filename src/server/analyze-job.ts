/**
 * The work of `POST /api/analyze` after the body has arrived, as one function run on a
 * compute worker (compute-jobs.ts): the request thread only collects the body text, so a
 * large or hostile graph never parses or validates on the event loop. In order, cheapest
 * first, each step refusing before the next costs anything:
 *
 * 1. JSON.parse of the text, refusing nesting deeper than MAX_JSON_DEPTH (400);
 * 2. the node and edge counts against the limits, before any node is validated (413);
 * 3. validation into a SupplyGraph (`parseGraph`, 400 with the problem list; its warnings
 *    capped, MAX_WARNINGS);
 * 4. the work limit of the quadratic metrics (`checkWork`, 422);
 * 5. the metrics report.
 */
import { ComputationError, InputError, TooLargeError } from '../model/errors.js';
import { checkJsonDepth } from '../model/json-depth.js';
import { parseGraph } from '../model/parse-graph.js';
import { computeMetrics } from '../metrics/report.js';
import { METRIC_NAMES, type MetricName, type MetricsReport } from '../metrics/report-types.js';

/** The limits `POST /api/analyze` applies (see `Limits` in app.ts). */
export interface AnalyzeLimits {
  analyzeNodes: number;
  analyzeEdges: number;
  analyzeWork: number;
}

export interface AnalyzeResult extends MetricsReport {
  warnings: string[];
}

/** The metrics whose cost grows with nodes x edges. */
export const QUADRATIC_METRICS: readonly MetricName[] = ['betweenness', 'knockoutLoss'];

const FILE = 'request body';

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Refuses (ComputationError, 422) a request whose quadratic metrics exceed the work limit. */
export function checkWork(nodes: number, edges: number, metrics: readonly MetricName[], limit: number): void {
  const heavy = metrics.filter((m) => QUADRATIC_METRICS.includes(m));
  const work = nodes * edges;
  if (heavy.length === 0 || work <= limit) return;
  const light = metrics.filter((m) => !heavy.includes(m));
  throw new ComputationError(
    `request body: ${heavy.join(' and ')} on ${nodes} nodes and ${edges} edges is more work than /api/analyze does per request ` +
      `(nodes x edges = ${work.toExponential(2)}, limit ${limit.toExponential(2)}); ask for other metrics` +
      `${light.length > 0 ? ` (?metrics=${light.join(',')})` : ''} or run \`chokepoint metrics\` on the file`,
  );
}

/** Parses the body text as JSON: an InputError (400) for bad JSON, a non-object or deep nesting. */
export function parseBodyText(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(FILE, [{ element: FILE, message: `not valid JSON (${detail})` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(FILE, [{ element: FILE, message: 'must be a JSON object' }]);
  checkJsonDepth(value, FILE, FILE);
  return value as Record<string, unknown>;
}

/** Step 2: refuses (TooLargeError, 413) a body with more nodes or edges than the limits, before any is validated. */
export function checkCounts(body: Record<string, unknown>, limits: AnalyzeLimits): void {
  const nodes = count(body.nodes);
  const edges = count(body.edges);
  if (nodes > limits.analyzeNodes || edges > limits.analyzeEdges) {
    throw new TooLargeError(
      `request body: the graph has ${nodes} nodes and ${edges} edges; /api/analyze takes at most ${limits.analyzeNodes} nodes and ${limits.analyzeEdges} edges (run the CLI for larger graphs)`,
    );
  }
}

/** The whole of `POST /api/analyze` on an already parsed body (steps 2-5 of the header). */
export function analyzeBody(body: Record<string, unknown>, metrics: readonly MetricName[] | undefined, limits: AnalyzeLimits): AnalyzeResult {
  checkCounts(body, limits);
  const { graph, warnings } = parseGraph(body, FILE);
  checkWork(graph.order, graph.size, metrics ?? METRIC_NAMES, limits.analyzeWork);
  const report = computeMetrics(graph, metrics ? { metrics: [...metrics] } : {});
  return { ...report, warnings };
}

/** The whole of `POST /api/analyze` on the body text (every step of the header). */
export function analyzeText(text: string, metrics: readonly MetricName[] | undefined, limits: AnalyzeLimits): AnalyzeResult {
  return analyzeBody(parseBodyText(text), metrics, limits);
}
