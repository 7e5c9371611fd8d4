/**
 * A report in parts (src/metrics/report-parts.ts): the knockout part merged with any other
 * metrics is the report `computeMetrics` gives for the whole list, on the fixture graph and
 * the shipped dataset; reports of different graphs are refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/report.js';
import { KNOCKOUT_METRICS, mergeReports, splitMetrics } from '../../src/metrics/report-parts.js';
import { METRIC_NAMES, type MetricName } from '../../src/metrics/report-types.js';
import { parseGraph } from '../../src/model/parse-graph.js';

const load = (path: string) => parseGraph(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')), path).graph;
const GRAPHS = ['../fixtures/server/graphs/mini.json', '../../graphs/rare-earths-2024.json'];
/** Every metric but the knockout part (shadowPrice, the allocation LP's, included). */
const OTHERS = METRIC_NAMES.filter((m) => !KNOCKOUT_METRICS.includes(m));

describe('a metrics report in parts', () => {
  it('splits a list into the knockout part and the rest', () => {
    expect(splitMetrics(['betweenness', 'knockoutLoss', 'degree'])).toEqual({ knockout: ['knockoutLoss'], rest: ['betweenness', 'degree'] });
    expect(splitMetrics(['degree'])).toEqual({ knockout: [], rest: ['degree'] });
  });

  it.each(GRAPHS)('on %s, the knockout part merged with each other metric is the report of both', (path) => {
    const graph = load(path);
    const knockout = computeMetrics(graph, { metrics: [...KNOCKOUT_METRICS] });
    for (const metric of OTHERS) {
      const whole = computeMetrics(graph, { metrics: [metric, ...KNOCKOUT_METRICS] });
      expect(mergeReports(computeMetrics(graph, { metrics: [metric] }), knockout), metric).toEqual(whole);
      expect(mergeReports(knockout, computeMetrics(graph, { metrics: [metric] })), `${metric}, knockout first`).toEqual(whole);
    }
    const all: MetricName[] = [...OTHERS];
    expect(mergeReports(computeMetrics(graph, { metrics: all }), knockout)).toEqual(computeMetrics(graph, { metrics: [...all, ...KNOCKOUT_METRICS] }));
  });

  it('refuses reports of different graphs', () => {
    const mini = computeMetrics(load(GRAPHS[0] as string), { metrics: ['degree'] });
    expect(() => mergeReports(mini, { ...mini, nodes: [...mini.nodes].reverse() })).toThrow(/mergeReports: nodes 0 is/);
    expect(() => mergeReports(mini, { ...mini, edges: mini.edges.slice(1) })).toThrow(/12 and 11 edges/);
  });
});
