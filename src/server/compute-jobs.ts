/**
 * The computations the server may run off the request thread (compute-pool.ts), and how
 * they cross between threads. A job names what to compute: on a graph, a metrics report
 * a scenario evaluation (read in value too with `weight: 'value'`, `scenario/value.ts`), a scenario baseline prepared in the worker's cache (`baseline`: a warm-up, compute-pool.ts `warm`) or a scenario's monthly timeline with its options (the graph travels as graphology's `export()`
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
import type { Objective } from '../allocation/allocation-lp.js';
import { buildMetrics, type MetricsOptions } from '../metrics/report.js';
import type { MetricName, MetricsReport } from '../metrics/report-types.js';
import { evaluateScenario, type EvaluateOptions, type ScenarioResult } from '../scenario/evaluate.js';
import type { Scenario } from '../scenario/schema.js';
import { withValue, type ValuedResult, type Weight } from '../scenario/value.js';
import { timeline, type TimelineOptions, type TimelineResult } from '../timeline/timeline.js';
import { runEnsemble, type EnsembleOptions, type EnsembleResult } from '../uncertainty/ensemble.js';
import { analyzeText, type AnalyzeLimits, type AnalyzeResult } from './analyze-job.js';
import { cachedBaseline, cachedIndexes } from './baseline-cache.js';
import { loadGraphFile, type LoadResult } from './load-job.js';

/** A job computed on a graph (posted with it). */
export type GraphJob =
  | { type: 'metrics'; options: MetricsOptions }
  | { type: 'scenario'; scenario: Scenario; options: EvaluateOptions; weight?: Weight }
  | { type: 'timeline'; scenario: Scenario; options: Omit<TimelineOptions, 'onProgress'> }
  | { type: 'ensemble'; scenario: Scenario; options: EnsembleOptions }
  /** Prepare the graph's scenario baseline for `objective` in this thread's cache (baseline-cache.ts): a background warm-up (compute-pool.ts `warm`). */
  | { type: 'baseline'; objective: Objective };

/**
 * A job that brings its own input: always run on a worker. The posted body of `analyze`
 * travels as bytes (UTF-8, not yet decoded), its ArrayBuffer transferred, not copied.
 */
export type StandaloneJob =
  | { type: 'analyze'; body: Uint8Array; metrics?: MetricName[]; limits: AnalyzeLimits }
  | { type: 'load'; path: string; label: string; want: 'summary' | 'graph' };

export type ComputeJob = GraphJob | StandaloneJob;

export type JobResult<J extends ComputeJob> = J extends { type: 'metrics' }
  ? MetricsReport
  : J extends { type: 'scenario' }
    ? ValuedResult
    : J extends { type: 'timeline' }
      ? TimelineResult
      : J extends { type: 'ensemble' }
        ? EnsembleResult
      : J extends { type: 'baseline' }
        ? BaselineResult
      : J extends { type: 'analyze' }
        ? AnalyzeResult
        : LoadResult;

export type SerializedSupplyGraph = ReturnType<SupplyGraph['export']>;

/** What a `baseline` job answers: whether the baseline is now prepared (false when it cannot be computed; a scenario then reports why). */
export interface BaselineResult {
  prepared: boolean;
}

/**
 * How a worker answers: `result` posts the result as data (structured clone); `json` posts
 * it as the UTF-8 bytes of its JSON text, serialized in the worker and refused there
 * (ComputationError, 422) when longer than `limit` bytes (`boundedJson`), so a large answer
 * is never stringified in the request thread and crosses as a transferred ArrayBuffer.
 */
export type AnswerAs = { as: 'result' } | { as: 'json'; limit: number; what: string };

/**
 * The graph of a graph job, as the worker gets it: `id` names the graph in the worker's
 * cache of graphs; `data` (graphology's `export()`) comes only when the worker does not
 * hold it yet; `drop` lists ids the worker forgets first (the pool keeps the bookkeeping).
 */
export interface GraphRef {
  /** Absent for a graph used once (not kept). */
  id?: number;
  data?: SerializedSupplyGraph;
  drop?: number[];
}

/** What the pool posts to a worker: a graph job with its graph, or a standalone job. */
export type WorkerRequest = ({ graph: GraphRef; job: GraphJob } | { graph: null; job: StandaloneJob }) & { answer: AnswerAs };

export type SerializedError =
  | { kind: 'input'; message: string; file: string; problems: Problem[]; total: number }
  | { kind: Exclude<ErrorKind, 'input'>; message: string }
  | { kind: 'internal'; message: string };

export type AnyResult = MetricsReport | ScenarioResult | TimelineResult | EnsembleResult | AnalyzeResult | LoadResult | BaselineResult;

/** What a worker posts back: the result as data, or as JSON bytes (`AnswerAs`), or the error. */
export type WorkerReply = { ok: true; result: AnyResult } | { ok: true; json: Uint8Array } | { ok: false; error: SerializedError };

/** `value` as JSON text, refused (ComputationError, 422) when longer than `limit` bytes (UTF-8). */
export function boundedJson(value: unknown, limit: number, what: string): string {
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text);
  if (bytes > limit) throw new ComputationError(`${what}: the answer would be ${(bytes / 2 ** 20).toFixed(1)} MiB, more than the server sends (${(limit / 2 ** 20).toFixed(1)} MiB); use fewer actions or run the CLI`);
  return text;
}

/** The options with the graph's cached baseline (baseline-cache.ts), when it has one. */
function withBaseline(graph: SupplyGraph, options: EvaluateOptions): EvaluateOptions {
  const baseline = cachedBaseline(graph, options.objective ?? 'total');
  return baseline ? { ...options, baseline } : options;
}

/**
 * Runs `job` on `graph` in the calling thread: a metrics report on the graph's cached
 * index (built once per graph version: baseline-cache.ts), a scenario with its graph's
 * cached baseline.
 */
export function runJob<J extends GraphJob>(graph: SupplyGraph, job: J): JobResult<J> {
  const result =
    job.type === 'metrics'
      ? buildMetrics(graph, job.options, { ...cachedIndexes(graph) }).report
      : job.type === 'scenario'
        ? withValue(graph, evaluateScenario(graph, job.scenario, withBaseline(graph, job.options)), job.weight ?? 'tonnes')
        : job.type === 'ensemble'
          ? runEnsemble(graph, job.scenario, job.options)
          : job.type === 'baseline'
            ? { prepared: cachedBaseline(graph, job.objective) !== undefined }
            : timeline(graph, job.scenario, job.options);
  return result as JobResult<J>;
}

/**
 * The graphs a worker holds, by the pool's id (GraphRef): a graph is sent to a worker once
 * and reused by its later jobs, so a job on a large graph does not export and copy it
 * every time. The pool decides what each worker holds and what it drops.
 */
export class WorkerGraphs {
  private readonly graphs = new Map<number, SupplyGraph>();

  get(ref: GraphRef): SupplyGraph {
    for (const id of ref.drop ?? []) this.graphs.delete(id);
    if (ref.id === undefined) {
      if (ref.data === undefined) throw new Error('compute worker: a graph job came without its graph');
      return importGraph(ref.data);
    }
    if (ref.data !== undefined) this.graphs.set(ref.id, importGraph(ref.data));
    const graph = this.graphs.get(ref.id);
    if (graph === undefined) throw new Error(`compute worker: graph ${ref.id} was neither sent nor held`);
    return graph;
  }

  get size(): number {
    return this.graphs.size;
  }
}

/** The body of an `analyze` job as text (UTF-8; a malformed sequence is an InputError, 400). */
export function decodeBody(body: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new InputError('request body', [{ element: 'request body', message: 'is not valid UTF-8 text' }]);
  }
}

/** Runs a worker request (in the worker), answering as the request asks (`AnswerAs`). */
export async function runRequest(request: WorkerRequest, graphs: WorkerGraphs = new WorkerGraphs()): Promise<{ result: AnyResult } | { json: Uint8Array }> {
  let result: AnyResult;
  if (request.graph !== null) result = runJob(graphs.get(request.graph), request.job);
  else if (request.job.type === 'analyze') result = analyzeText(decodeBody(request.job.body), request.job.metrics, request.job.limits);
  else result = await loadGraphFile(request.job.path, request.job.label, request.job.want);
  const answer = request.answer;
  if (answer.as === 'result') return { result };
  // TextEncoder gives a Uint8Array with its own ArrayBuffer, safe to transfer (a small Buffer may share Node's pool).
  return { json: new TextEncoder().encode(boundedJson(result, answer.limit, answer.what)) };
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
