/**
 * `POST /api/analyze`: the metrics of a graph sent in the body (graph file JSON). Nothing
 * is stored. An invalid graph is a 400 with the problem list; a graph over the node or
 * edge limit is a 413, checked before any work is done.
 */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { TooLargeError } from '../model/errors.js';
import { parseGraph } from '../model/parse-graph.js';
import { computeMetrics, parseMetricNames } from '../metrics/report.js';
import type { Limits } from './app.js';
import { jsonBody, parseQuery } from './validate.js';

const AnalyzeQuery = z.strictObject({
  /** Comma-separated metric names; all when absent. */
  metrics: z.string().optional(),
});

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

export function analyzeRoute(limits: Pick<Limits, 'analyzeNodes' | 'analyzeEdges'>): RequestHandler {
  return (req, res) => {
    const query = parseQuery(AnalyzeQuery, req);
    const metrics = query.metrics === undefined ? undefined : parseMetricNames(query.metrics.split(',').map((m) => m.trim()).filter(Boolean));
    const body = jsonBody(req);
    const nodes = count(body.nodes);
    const edges = count(body.edges);
    if (nodes > limits.analyzeNodes || edges > limits.analyzeEdges) {
      throw new TooLargeError(`request body: the graph has ${nodes} nodes and ${edges} edges; /api/analyze takes at most ${limits.analyzeNodes} nodes and ${limits.analyzeEdges} edges (run the CLI for larger graphs)`);
    }
    const { graph, warnings } = parseGraph(body, 'request body');
    const report = computeMetrics(graph, metrics ? { metrics } : {});
    res.json({ ...report, warnings });
  };
}
