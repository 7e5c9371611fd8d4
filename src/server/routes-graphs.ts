/**
 * `/api/graphs`: the graph files, each graph's metrics (cached until its file changes),
 * its preset scenarios, scenario evaluation, a scenario's monthly timeline and exports. Handlers validate the request,
 * call the pure core and send the result; errors go to the one error middleware. Metrics
 * and scenarios go through the compute pool (a worker thread of its graph lane unless
 * their work estimate is tiny, with the time budgets `metricsMs` and `scenarioMs`).
 *
 * The request thread does no evaluation of its own on the shipped dataset: a scenario's
 * or timeline's answer is serialized on the worker (`runJson`) and kept in the answer
 * cache (answer-cache.ts) by graph version and canonical question, so the map's repeated
 * toggles (and their time charts) are answered from memory, and identical questions asked
 * at the same time share one computation; a graph's metrics answer is serialized once per file
 * version and its bytes reused.
 *
 * Only what a view needs: the metrics and export routes take `metrics=LIST` (names as the
 * CLI's `--metrics`) and compute only those (the page asks first for what its map draws and
 * for the knockout part, the costly one, only when a view shows it); a report is cached per
 * (file version, list in METRIC_NAMES order), and a list with both the knockout part and
 * other metrics is computed as those two parts, each cached, then merged
 * (src/metrics/report-parts.ts), so a download after the page's two requests computes
 * nothing again. Without a list the answer is SERVED_METRICS, as it always was.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { EXPORT_FORMATS, exportGraph, FORMATS } from '../formats/export-formats.js';
import { listScenarioPresets, type GraphPreset } from '../io/read-scenario.js';
import { DEFAULT_METRICS, type MetricName, type MetricsReport } from '../metrics/report-types.js';
import { parseMetricNames } from '../metrics/report.js';
import { mergeReports, splitMetrics } from '../metrics/report-parts.js';
import { METRICS_TABLES, metricsCsv } from '../metrics/tables.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import { WEIGHTS } from '../scenario/value.js';
import { MAX_MONTHS } from '../timeline/timeline.js';
import type { Limits } from './app.js';
import { AnswerCache, canonicalKey } from './answer-cache.js';
import { boundedJson } from './compute-jobs.js';
import { abortOnClose, type ComputePool } from './compute-pool.js';
import type { GraphStore } from './graph-store.js';
import { jsonBody, NoQuery, parseQuery } from './validate.js';
import { NotFoundError, TooLargeError } from '../model/errors.js';
import type { SupplyGraph } from '../model/graph.js';
import { OBJECTIVES } from '../allocation/allocation-lp.js';

const MetricsQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  table: z.enum(METRICS_TABLES).optional(),
  /** Comma-separated metric names (as the CLI's `--metrics`): only those are computed; SERVED_METRICS when absent. */
  metrics: z.string().optional(),
});

const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  table: z.enum(['nodes', 'edges']).optional(),
  /** As for the metrics: only these are computed and attached. */
  metrics: z.string().optional(),
});

/**
 * The metrics a request asks for (`metrics=LIST`, names as the CLI's `--metrics`, checked
 * by `parseMetricNames`: an unknown name is a UsageError, 400, naming it), in the report's
 * order (METRIC_NAMES), so two spellings of one list share one cache entry; SERVED_METRICS
 * when the request names none.
 */
export function requestedMetrics(list: string | undefined): MetricName[] {
  if (list === undefined) return SERVED_METRICS;
  return parseMetricNames(list.split(',').map((name) => name.trim()).filter((name) => name !== ''));
}

const ScenarioQuery = z.strictObject({
  top: z.coerce.number().int().min(0).max(100).optional(),
  /** Also read the result for this country's end uses (`lens`). */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case two-letter country code').optional(),
  /** The allocation LP's objective (`scenario --objective`): total (default) or fair. */
  objective: z.enum(OBJECTIVES).optional(),
  /** `value`: also read the result in USD/yr at the graph's prices (`value` in the answer, `scenario/value.ts`). */
  weight: z.enum(WEIGHTS).optional(),
});

const TimelineQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(MAX_MONTHS).optional(),
  cover: z.coerce.number().min(0).max(1200).optional(),
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be an ISO month YYYY-MM such as 2025-04').optional(),
  /** The allocation LP's objective each month (`timeline --objective`): total (default) or fair. */
  objective: z.enum(OBJECTIVES).optional(),
});

const EnsembleQuery = z.strictObject({
  samples: z.coerce.number().int().min(1),
  seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  threshold: z.coerce.number().refine(Number.isFinite, 'must be a finite number').optional(),
  bounds: z.string().optional(),
  topInputs: z.coerce.number().int().min(0).max(100).optional(),
});

/** The presets of `dir` for `graph` (see `listScenarioPresets`); none when the folder is missing. */
async function presetsFor(dir: string, graph: SupplyGraph): Promise<GraphPreset[]> {
  return listScenarioPresets(dir, graph).catch((error: unknown) => {
    if (error instanceof NotFoundError) return [];
    throw error;
  });
}

export interface GraphsRouterDeps {
  store: GraphStore;
  scenariosDir: string;
  pool: ComputePool;
  limits: Pick<Limits, 'metricsMs' | 'scenarioMs' | 'scenarioActions' | 'answerBytes' | 'ensembleSamples' | 'ensembleMs'>;
  /** Answers of scenarios (default: an empty cache of the default size). */
  answers?: AnswerCache;
}

export { boundedJson };

/**
 * How much a scenario evaluation costs per unit of nodes x edges compared with a metrics
 * report, the unit of the pool's `inlineWork`: besides the knockout bottlenecks before and
 * after (about nodes x edges each), it solves the allocation LPs (HiGHS) of every bound.
 * Measured on the shipped dataset (156 nodes, 280 edges), one scenario takes about 90 ms
 * against about 30 ms for its metrics report (docs/benchmarks.md): a factor of 3.
 */
export const SCENARIO_WORK_FACTOR = 3;

/**
 * Estimated work of a scenario, in the units of the pool's `inlineWork`:
 * SCENARIO_WORK_FACTOR x nodes x edges, plus a pass over the graph (nodes + edges) per
 * action. A scenario estimated over `inlineWork` (on the shipped dataset, every scenario:
 * 3 x 43,680 > 20,000) goes to a worker of the pool's graph lane and its time budget
 * instead of running in the request thread; only tiny graphs (tens of nodes) are computed
 * inline.
 */
export function scenarioWork(graph: SupplyGraph, actions: number): number {
  return SCENARIO_WORK_FACTOR * graph.order * graph.size + actions * (graph.order + graph.size);
}

/** Default horizon of a timeline (months), as `timeline()` has it. */
const TIMELINE_MONTHS = 24;

/** The metrics of `GET /api/graphs/:id/metrics`: the CLI's default ones plus each node's origin (linear in the graph, shown in the page's node panel). */
export const SERVED_METRICS: MetricName[] = [...DEFAULT_METRICS, 'origin'];

function idOf(req: Request): string {
  return String(req.params.id);
}

export function graphsRouter({ store, scenariosDir, pool, limits, answers = new AnswerCache() }: GraphsRouterDeps): Router {
  const router = Router();
  // Shared by every request for the graph and the same metrics (cached per file version and
  // sorted list), so not aborted when one client goes away.
  const computed = (id: string, metrics: MetricName[]) =>
    store.derive<MetricsReport>(id, `metrics:${metrics.join(',')}`, (graph) =>
      pool.run(graph, { type: 'metrics', options: { metrics } }, { budgetMs: limits.metricsMs, hint: `ask for fewer metrics (?metrics=...; knockoutLoss and betweenness cost the most) or run \`chokepoint metrics\` on the graph file` }),
    );
  // A list with the knockout part and other metrics is computed (and cached) as its two
  // parts, merged (report-parts.ts): the page asks for them apart, and a download or the
  // default list after that reuses both instead of computing the knockout table again.
  const metricsOf = (id: string, metrics: MetricName[]): Promise<MetricsReport> => {
    const { knockout, rest } = splitMetrics(metrics);
    if (knockout.length === 0 || rest.length === 0) return computed(id, metrics);
    return store.derive<MetricsReport>(id, `metrics-parts:${metrics.join(',')}`, async () => {
      const [a, b] = await Promise.all([computed(id, rest), computed(id, knockout)]);
      return mergeReports(a, b);
    });
  };

  // The answer to a question about a graph version (route, scenario, options): from the
  // cache, shared with an identical request already computing, or computed once and kept
  // (answer-cache.ts `answer`): scenarios and timelines are pure functions of these. The
  // computation is stopped only when every request waiting for it has gone away.
  const cached = (graph: SupplyGraph, question: unknown, res: Response, compute: (signal: AbortSignal) => Promise<Buffer>): Promise<Buffer> =>
    answers.answer(graph, canonicalKey(question), compute, abortOnClose(res));

  router.get('/', async (req, res) => {
    parseQuery(NoQuery, req);
    res.json(await store.list());
  });

  router.get('/:id', async (req, res) => {
    parseQuery(NoQuery, req);
    const { graph } = await store.load(idOf(req));
    res.type('application/json').send(exportGraph('json', graph));
  });

  router.get('/:id/metrics', async (req, res) => {
    const query = parseQuery(MetricsQuery, req);
    const metrics = requestedMetrics(query.metrics);
    const id = idOf(req);
    if (query.format === 'json') {
      // Serialized once per file version, metrics list and table, the bytes reused by every request.
      const part = query.table ?? 'report';
      const bytes = await store.derive(id, `metrics.json:${metrics.join(',')}:${part}`, async () => {
        const report = await metricsOf(id, metrics);
        return Buffer.from(JSON.stringify(query.table ? report[query.table] : report));
      });
      res.type('application/json').send(bytes);
      return;
    }
    const report = await metricsOf(id, metrics);
    const table = query.table ?? 'nodes';
    res.attachment(`${id}-metrics-${table}.csv`).type('text/csv; charset=utf-8').send(metricsCsv(report, table));
  });

  router.get('/:id/scenarios', async (req, res) => {
    parseQuery(NoQuery, req);
    const { graph } = await store.load(idOf(req));
    res.json(await presetsFor(scenariosDir, graph));
  });

  router.post('/:id/scenario', async (req, res) => {
    const query = parseQuery(ScenarioQuery, req);
    const body = jsonBody(req);
    const { graph } = await store.load(idOf(req));
    const scenario = parseScenario(body, 'request body', graph, { maxActions: limits.scenarioActions });
    const options = {
      ...(query.top !== undefined ? { top: query.top } : {}),
      ...(query.country !== undefined ? { country: query.country } : {}),
      ...(query.objective !== undefined ? { objective: query.objective } : {}),
    };
    const weight = query.weight ?? 'tonnes';
    const job = { type: 'scenario', scenario, options, ...(weight === 'value' ? { weight } : {}) } as const;
    const run = { budgetMs: limits.scenarioMs, hint: `run \`chokepoint scenario\` on the graph file`, work: scenarioWork(graph, scenario.actions.length) };
    const question = { route: 'scenario', scenario, options, ...(weight === 'value' ? { weight } : {}) };
    res.type('application/json').send(await cached(graph, question, res, (signal) => pool.runJson(graph, job, { ...run, signal, answerBytes: limits.answerBytes, what: 'the scenario' })));
  });

  router.post('/:id/timeline', async (req, res) => {
    const query = parseQuery(TimelineQuery, req);
    const body = jsonBody(req);
    const { graph } = await store.load(idOf(req));
    const scenario = parseScenario(body, 'request body', graph);
    const options = {
      ...(query.months !== undefined ? { months: query.months } : {}),
      ...(query.start !== undefined ? { start: query.start } : {}),
      ...(query.cover !== undefined ? { coverMonths: query.cover } : {}),
      ...(query.objective !== undefined ? { objective: query.objective } : {}),
    };
    // One allocation LP per month: on the shipped dataset, always a worker.
    const work = (options.months ?? TIMELINE_MONTHS) * scenarioWork(graph, scenario.actions.length);
    const run = { budgetMs: limits.scenarioMs, hint: `run \`chokepoint timeline\` on the graph file`, work };
    const job = { type: 'timeline', scenario, options } as const;
    res.type('application/json').send(await cached(graph, { route: 'timeline', scenario, options }, res, (signal) => pool.runJson(graph, job, { ...run, signal, answerBytes: limits.answerBytes, what: 'the timeline' })));
  });

  // An uncertainty ensemble of the scenario in the body (src/uncertainty/ensemble.ts).
  router.post('/:id/ensemble', async (req, res) => {
    const query = parseQuery(EnsembleQuery, req);
    if (query.samples > limits.ensembleSamples) {
      throw new TooLargeError(`samples: at most ${limits.ensembleSamples} members per request (got ${query.samples}); run \`chokepoint scenario --samples N\` for more`);
    }
    const body = jsonBody(req);
    const { graph } = await store.load(idOf(req));
    const scenario = parseScenario(body, 'request body', graph, { maxActions: limits.scenarioActions });
    const { bounds, ...rest } = query;
    const options = { ...rest, ...(bounds !== undefined ? { bounds: bounds.split(',').map((b) => b.trim()) } : {}) };
    // One scenario evaluation per member: on the shipped dataset, always a worker.
    const work = query.samples * scenarioWork(graph, scenario.actions.length);
    const run = { budgetMs: limits.ensembleMs, hint: 'ask for fewer samples or bounds, or run `chokepoint scenario --samples N`', signal: abortOnClose(res), work };
    res.type('application/json').send(await pool.runJson(graph, { type: 'ensemble', scenario, options }, { ...run, answerBytes: limits.answerBytes, what: 'the ensemble' }));
  });

  router.get('/:id/export', async (req, res) => {
    const query = parseQuery(ExportQuery, req);
    const id = idOf(req);
    const metrics = requestedMetrics(query.metrics);
    const { graph } = await store.load(id);
    const report = await metricsOf(id, metrics);
    const text = exportGraph(query.format, graph, report, query.table ? { table: query.table } : {});
    const info = FORMATS[query.format];
    const suffix = query.format === 'csv' ? `-${query.table ?? 'nodes'}` : '';
    res.attachment(`${id}${suffix}.${info.extension}`).type(info.contentType).send(text);
  });

  return router;
}
