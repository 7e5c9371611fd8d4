/** The page's two metrics requests (web/src/page/metric-parts.ts): together the server's default answer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/report.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { SERVED_METRICS } from '../../src/server/routes-graphs.js';
import { FIRST_METRICS, KNOCKOUT_METRICS, mergeReports } from '../../web/src/page/metric-parts.js';

const load = (path: string) => parseGraph(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')), path).graph;

describe('the page asks for the metrics in two parts', () => {
  it('the first part leaves out only the knockout table; together they are the served metrics', () => {
    expect(FIRST_METRICS).not.toContain('knockoutLoss');
    expect(new Set([...FIRST_METRICS, ...KNOCKOUT_METRICS])).toEqual(new Set(SERVED_METRICS));
  });

  it.each(['../fixtures/server/graphs/mini.json', '../../graphs/rare-earths-2024.json'])('merging the two reports of %s gives the default report', (path) => {
    const graph = load(path);
    const whole = computeMetrics(graph, { metrics: SERVED_METRICS });
    const first = computeMetrics(graph, { metrics: [...FIRST_METRICS] });
    const knockout = computeMetrics(graph, { metrics: [...KNOCKOUT_METRICS] });
    expect(first.metrics).not.toContain('knockoutLoss');
    expect(mergeReports(first, knockout)).toEqual(whole);
  });

  it('refuses reports of different graphs', () => {
    const mini = computeMetrics(load('../fixtures/server/graphs/mini.json'), { metrics: ['degree'] });
    const other = { ...mini, nodes: [...mini.nodes].reverse() };
    expect(() => mergeReports(mini, other)).toThrow(/mergeReports: nodes 0 is/);
    expect(() => mergeReports(mini, { ...mini, edges: mini.edges.slice(1) })).toThrow(/12 and 11 edges/);
  });
});
