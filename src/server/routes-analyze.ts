/**
 * `POST /api/analyze`: the metrics of a graph sent in the body (graph file JSON). Nothing
 * is stored. An invalid graph is a 400 with the problem list; a graph over the node or
 * edge limit is a 413, checked before any node is validated.
 *
 * Time: the request thread only collects the body as bytes (up to `bodyBytes`; a larger
 * Content-Length is refused before any byte is read). A body of up to `analyzeInlineBytes`
 * (default 64 KiB) is decoded, parsed and validated there (a few ms); a larger one goes
 * whole, undecoded, to a compute worker of the pool's input lane, its ArrayBuffer
 * transferred (analyze-job.ts: decode, parse, counts, validation, work check, metrics; the
 * answer serialized there too), so a flood of large posted graphs, even ones refused
 * anyway, never stalls other requests: they wait for a worker of their lane (or get a 503
 * when its queue is full), while the map's scenarios use their own lane.
 * Metrics are computed by the compute pool (compute-pool.ts), stopped after `analyzeMs`
 * (default 20 s) with a 422. Before that, a request that would compute for long is
 * refused at once (422): betweenness (Brandes) and knockout loss (a max flow per node)
 * take time proportional to nodes x edges, the other metrics are linear, and a request
 * asking for either of the two is refused when nodes x edges exceeds `analyzeWork`
 * (default 1e7: about one second on one core; see docs/api.md).
 */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { InputError } from '../model/errors.js';
import { parseGraph } from '../model/parse-graph.js';
import { parseMetricNames } from '../metrics/report.js';
import { DEFAULT_METRICS } from '../metrics/report-types.js';
import { checkCounts, checkWork, parseBodyText } from './analyze-job.js';
import type { Limits } from './app.js';
import { decodeBody } from './compute-jobs.js';
import { abortOnClose, type ComputePool } from './compute-pool.js';
import { parseQuery } from './validate.js';

export { checkWork, QUADRATIC_METRICS } from './analyze-job.js';

const AnalyzeQuery = z.strictObject({
  /** Comma-separated metric names; all when absent. */
  metrics: z.string().optional(),
});

type AnalyzeRouteLimits = Pick<Limits, 'analyzeNodes' | 'analyzeEdges' | 'analyzeWork' | 'analyzeMs' | 'analyzeInlineBytes' | 'answerBytes'>;

/** `bytes` as a Uint8Array that owns its whole ArrayBuffer (safe to transfer): a copy when it is a view into a larger one. */
function ownBytes(bytes: Buffer): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer);
  return new Uint8Array(bytes);
}

export function analyzeRoute(limits: AnalyzeRouteLimits, pool: ComputePool): RequestHandler {
  const hint = `ask for fewer metrics (betweenness and knockoutLoss cost the most; ?metrics=...) or run \`chokepoint metrics\` on the file`;
  const jobLimits = { analyzeNodes: limits.analyzeNodes, analyzeEdges: limits.analyzeEdges, analyzeWork: limits.analyzeWork };
  return async (req, res) => {
    const query = parseQuery(AnalyzeQuery, req);
    const metrics = query.metrics === undefined ? undefined : parseMetricNames(query.metrics.split(',').map((m) => m.trim()).filter(Boolean));
    if (!req.is('application/json')) {
      throw new InputError('request body', [{ element: 'request body', message: 'must be JSON sent with Content-Type: application/json' }]);
    }
    const raw: unknown = req.body;
    const empty = () => new InputError('request body', [{ element: 'request body', message: 'must be a JSON object' }]);
    if (!Buffer.isBuffer(raw) || raw.length === 0) throw empty();
    const run = { budgetMs: limits.analyzeMs, hint, signal: abortOnClose(res) };
    if (raw.length > limits.analyzeInlineBytes) {
      const body = ownBytes(raw);
      const job = { type: 'analyze', body, ...(metrics ? { metrics } : {}), limits: jobLimits } as const;
      const answer = await pool.runJson(null, job, { ...run, transfer: [body.buffer as ArrayBuffer], answerBytes: limits.answerBytes, what: 'the analysis' });
      res.type('application/json').send(answer);
      return;
    }
    // A small body: steps 1-4 of analyze-job.ts here, the metrics by the pool (inline or on a worker by their work).
    const text = decodeBody(raw);
    if (text.trim() === '') throw empty();
    const body = parseBodyText(text);
    checkCounts(body, jobLimits);
    const { graph, warnings } = parseGraph(body, 'request body');
    checkWork(graph.order, graph.size, metrics ?? DEFAULT_METRICS, limits.analyzeWork);
    // The posted graph is used once: a worker need not keep it.
    const report = await pool.run(graph, { type: 'metrics', options: metrics ? { metrics } : {} }, { ...run, keepGraph: false });
    res.json({ ...report, warnings });
  };
}
