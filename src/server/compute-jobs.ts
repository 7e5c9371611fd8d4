/**
 * The computations the server may run off the request thread (compute-pool.ts), and how
 * they cross between threads. A job names what to compute: on a graph, a metrics report
 * a scenario evaluation or a scenario's monthly timeline with its options (the graph travels as graphology's `export()`
 * and is rebuilt with `import()`: same node and edge order, so the same results); without
 * one, `analyze` (a posted graph's body text: parsed, validated and analysed there,
 * analyze-job.ts) or `load` (a graph file of the server's folder, load-job.ts). A result
 * comes back as-is (plain JSON data); an error comes back as `{kind, message, ...}` and is
 * rebuilt as the same typed ChokepointError (an InputError with its file, problems and
 * total), so the error middleware maps it as if it had been thrown in the request's
 * thread. Any other error comes back as an internal error.
 */
import {
  BusyError,
  ChokepointError,
  ComputationError,
  ForbiddenError,
  InputError,
  NotFoundError,
  TooLargeError,
  UsageError,
  type ErrorKind,
  type Problem,
} from '../model/errors.js';
import { createSupplyGraph, type SupplyGraph } from '../model/graph.js';
import { computeMetrics, type MetricsOptions } from '../metrics/report.js';
import type { MetricName, MetricsReport } from '../metrics/report-types.js';
import { evaluateScenario, type EvaluateOptions, type ScenarioResult } from '../scenario/evaluate.js';
import type { Scenario } from '../scenario/schema.js';
import { timeline, type TimelineOptions, type TimelineResult } from '../timeline/timeline.js';
import { runEnsemble, type EnsembleOptions, type EnsembleResult } from '../uncertainty/ensemble.js';
import { analyzeText, type AnalyzeLimits, type AnalyzeResult } from './analyze-job.js';
import { cachedBaseline } from './baseline-cache.js';
import { loadGraphFile, type LoadResult } from './load-job.js';

/** A job computed on a graph (posted with it). */
export type GraphJob =
  | { type: 'metrics'; options: MetricsOptions }
  | { type: 'scenario'; scenario: Scenario; options: EvaluateOptions }
  | { type: 'timeline'; scenario: Scenario; options: Omit<TimelineOptions, 'onProgress'> }
  | { type: 'ensemble'; scenario: Scenario; options: EnsembleOptions };

/** A job that brings its own input: always run on a worker. */
export type StandaloneJob =
  | { type: 'analyze'; text: string; metrics?: MetricName[]; limits: AnalyzeLimits }
  | { type: 'load'; path: string; label: string; want: 'summary' | 'graph' };

export type ComputeJob = GraphJob | StandaloneJob;

export type JobResult<J extends ComputeJob> = J extends { type: 'metrics' }
  ? MetricsReport
  : J extends { type: 'scenario' }
    ? ScenarioResult
    : J extends { type: 'timeline' }
      ? TimelineResult
      : J extends { type: 'ensemble' }
        ? EnsembleResult
      : J extends { type: 'analyze' }
        ? AnalyzeResult
        : LoadResult;

export type SerializedSupplyGraph = ReturnType<SupplyGraph['export']>;

/** What the pool posts to a worker: a graph job with its graph, or a standalone job. */
export type WorkerRequest = { graph: SerializedSupplyGraph; job: GraphJob } | { graph: null; job: StandaloneJob };

export type SerializedError =
  | { kind: 'input'; message: string; file: string; problems: Problem[]; total: number }
  | { kind: Exclude<ErrorKind, 'input'>; message: string }
  | { kind: 'internal'; message: string };

/** What a worker posts back. */
export type WorkerReply = { ok: true; result: MetricsReport | ScenarioResult | TimelineResult | EnsembleResult | AnalyzeResult | LoadResult } | { ok: false; error: SerializedError };

/** The options with the graph's cached baseline (baseline-cache.ts), when it has one. */
function withBaseline(graph: SupplyGraph, options: EvaluateOptions): EvaluateOptions {
  const baseline = cachedBaseline(graph, options.objective ?? 'total');
  return baseline ? { ...options, baseline } : options;
}

/** Runs `job` on `graph` in the calling thread (a scenario with its graph's cached baseline). */
export function runJob<J extends GraphJob>(graph: SupplyGraph, job: J): JobResult<J> {
  const result =
    job.type === 'metrics'
      ? computeMetrics(graph, job.options)
      : job.type === 'scenario'
        ? evaluateScenario(graph, job.scenario, withBaseline(graph, job.options))
        : job.type === 'ensemble'
          ? runEnsemble(graph, job.scenario, job.options)
          : timeline(graph, job.scenario, job.options);
  return result as JobResult<J>;
}

/** Runs a worker request (in the worker). */
export async function runRequest(request: WorkerRequest): Promise<MetricsReport | ScenarioResult | TimelineResult | EnsembleResult | AnalyzeResult | LoadResult> {
  if (request.graph !== null) return runJob(importGraph(request.graph), request.job);
  const job = request.job;
  if (job.type === 'analyze') return analyzeText(job.text, job.metrics, job.limits);
  return loadGraphFile(job.path, job.label, job.want);
}

/** The graph of a worker request. */
export function importGraph(serialized: SerializedSupplyGraph): SupplyGraph {
  const graph = createSupplyGraph();
  graph.import(serialized);
  return graph;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof InputError) return { kind: 'input', message: error.message, file: error.file, problems: error.problems, total: error.total };
  if (error instanceof ChokepointError) return { kind: error.kind as Exclude<ErrorKind, 'input'>, message: error.message };
  return { kind: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

const ERROR_CLASSES: Record<Exclude<ErrorKind, 'input'>, new (message: string) => ChokepointError> = {
  usage: UsageError,
  'not-found': NotFoundError,
  'too-large': TooLargeError,
  computation: ComputationError,
  busy: BusyError,
  forbidden: ForbiddenError,
};

/** The error `serializeError` described: the same typed error, or a plain Error for an internal one. */
export function reviveError(data: SerializedError): Error {
  if (data.kind === 'input') return new InputError(data.file, data.problems, data.total);
  if (data.kind === 'internal') return new Error(`compute worker: ${data.message}`);
  return new ERROR_CLASSES[data.kind](data.message);
}
