/**
 * `?metrics=LIST` on the metrics and export routes (routes-graphs.ts `requestedMetrics`):
 * only the named metrics are computed (the compute job's options and the report's
 * `metrics` field say so, and no knockout runs when it is not named), each list is cached
 * per file version, a bad name is a 400 naming it, and without a list the answer is the
 * served default (SERVED_METRICS) as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { SERVED_METRICS, requestedMetrics } from '../../src/server/routes-graphs.js';
import type { GraphJob } from '../../src/server/compute-jobs.js';
import type { MetricsReport } from '../../src/metrics/report-types.js';
import { join } from 'node:path';
import { loadGraph } from '../../src/io/load-graph.js';
import { computeMetrics } from '../../src/metrics/report.js';
import { serveCopiedGraphs } from './helpers.js';

const served = serveCopiedGraphs();
const get = (path: string) => fetch(new URL(path, served.server.url));

/** The metrics jobs the pool runs while `body` runs. */
async function metricsJobs(body: () => Promise<void>): Promise<GraphJob[]> {
  const spy = vi.spyOn(served.server.pool, 'run');
  await body();
  const jobs = spy.mock.calls.map((call) => call[1] as unknown as GraphJob).filter((job) => job.type === 'metrics');
  spy.mockRestore();
  return jobs;
}

afterEach(() => vi.restoreAllMocks());

describe('requestedMetrics', () => {
  it('is SERVED_METRICS without a list, else the named ones in the report order', () => {
    expect(requestedMetrics(undefined)).toBe(SERVED_METRICS);
    expect(requestedMetrics('throughput, betweenness,,')).toEqual(['betweenness', 'throughput']);
    expect(requestedMetrics(SERVED_METRICS.join(','))).toEqual(SERVED_METRICS);
  });

  it('refuses an unknown name, naming it', () => {
    expect(() => requestedMetrics('betweenness,knockout')).toThrow(/unknown metric "knockout"/);
    expect(() => requestedMetrics('')).toThrow(/name at least one metric/);
  });
});

describe('GET /api/graphs/:id/metrics?metrics=LIST', () => {
  it('computes only the named metrics: no knockout table when it is not named', async () => {
    let report: MetricsReport | undefined;
    const jobs = await metricsJobs(async () => {
      const res = await get('/api/graphs/mini/metrics?metrics=betweenness,flowShare,origin');
      expect(res.status).toBe(200);
      report = (await res.json()) as MetricsReport;
    });
    expect(jobs).toEqual([{ type: 'metrics', options: { metrics: ['betweenness', 'flowShare', 'origin'] } }]);
    expect(report?.metrics).toEqual(['betweenness', 'flowShare', 'origin']);
    expect(report?.nodes.every((n) => n.knockoutLoss === undefined && n.betweenness !== undefined && n.origin !== undefined)).toBe(true);
    expect(report?.countries.every((c) => c.knockoutLoss === undefined)).toBe(true);
    expect(report?.supply.maxFlow).toBeUndefined();
  });

  it('the knockout part alone, and the two parts together equal the default answer', async () => {
    const whole = (await (await get('/api/graphs/mini/metrics')).json()) as MetricsReport;
    expect(whole.metrics).toEqual(SERVED_METRICS);
    const light = (await (await get(`/api/graphs/mini/metrics?metrics=${SERVED_METRICS.filter((m) => m !== 'knockoutLoss').join(',')}`)).json()) as MetricsReport;
    const knockout = (await (await get('/api/graphs/mini/metrics?metrics=knockoutLoss')).json()) as MetricsReport;
    expect(knockout.metrics).toEqual(['knockoutLoss']);
    expect(light.metrics).not.toContain('knockoutLoss');
    expect(light.nodes.map((n, i) => ({ ...n, knockoutLoss: knockout.nodes[i]?.knockoutLoss }))).toEqual(whole.nodes);
    expect(knockout.nodes.map((n) => n.knockoutLoss)).toEqual(whole.nodes.map((n) => n.knockoutLoss));
    expect(knockout.countries.map((c) => c.knockoutLoss)).toEqual(whole.countries.map((c) => c.knockoutLoss));
  });

  it('is cached per (file version, list): the same list in another order computes nothing more', async () => {
    const first = await metricsJobs(async () => {
      await (await get('/api/graphs/mini/metrics?metrics=pagerank,degree')).text();
    });
    expect(first).toHaveLength(1);
    const again = await metricsJobs(async () => {
      await (await get('/api/graphs/mini/metrics?metrics=degree,pagerank')).text();
      await (await get('/api/graphs/mini/metrics?metrics=degree,pagerank&format=csv&table=nodes')).text();
    });
    expect(again).toHaveLength(0);
  });

  it('the default answer is unchanged for a client that sends no list (and a named copy of it shares its entry)', async () => {
    await (await get('/api/graphs/mini/metrics')).text();
    const jobs = await metricsJobs(async () => {
      const res = await get(`/api/graphs/mini/metrics?metrics=${[...SERVED_METRICS].reverse().join(',')}`);
      expect(((await res.json()) as MetricsReport).metrics).toEqual(SERVED_METRICS);
    });
    expect(jobs).toHaveLength(0);
  });

  it('a bad name is a 400 that names it', async () => {
    const res = await get('/api/graphs/mini/metrics?metrics=betweenness,bogus');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { kind: string; error: string };
    expect(body.kind).toBe('usage');
    expect(body.error).toMatch(/unknown metric "bogus"/);
  });

  it('a CSV table of the named metrics only', async () => {
    const res = await get('/api/graphs/mini/metrics?format=csv&table=nodes&metrics=throughput');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toContain('throughput');
    expect(Object.keys(rows[0] ?? {})).not.toContain('knockoutLoss');
  });
});

describe('GET /api/graphs/:id/export?metrics=LIST', () => {
  it('computes and attaches only the named metrics', async () => {
    let text = '';
    const jobs = await metricsJobs(async () => {
      const res = await get('/api/graphs/mini/export?format=csv&metrics=betweenness');
      expect(res.status).toBe(200);
      text = await res.text();
    });
    expect(jobs).toEqual([{ type: 'metrics', options: { metrics: ['betweenness'] } }]);
    const columns = Object.keys((parse(text, { columns: true }) as Record<string, string>[])[0] ?? {});
    expect(columns).toContain('betweenness');
    expect(columns).not.toContain('knockoutLoss');
  });

  it('a list with the knockout part and other metrics is computed as its two parts: after the page asked for them apart, a download computes nothing again', async () => {
    const parts = await metricsJobs(async () => {
      await (await get('/api/graphs/mini/metrics?metrics=degree,flowShare')).text();
      await (await get('/api/graphs/mini/metrics?metrics=knockoutLoss')).text();
    });
    expect(parts.length).toBeLessThanOrEqual(2);
    let text = '';
    let report: MetricsReport | undefined;
    const jobs = await metricsJobs(async () => {
      text = await (await get('/api/graphs/mini/export?format=csv&metrics=knockoutLoss,flowShare,degree')).text();
      report = (await (await get('/api/graphs/mini/metrics?metrics=flowShare,knockoutLoss,degree')).json()) as MetricsReport;
    });
    expect(jobs).toEqual([]);
    // The merged answer is the report of the whole list (as computeMetrics gives it).
    const whole = computeMetrics((await loadGraph(join(served.dir, 'mini.json'))).graph, { metrics: ['degree', 'flowShare', 'knockoutLoss'] });
    expect(report).toEqual(JSON.parse(JSON.stringify(whole)));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(whole.nodes.length);
    for (const row of rows) expect(Number(row.knockoutLoss)).toBeCloseTo(whole.nodes.find((n) => n.id === row.key)?.knockoutLoss ?? NaN, 12);
  });

  it('without a list, attaches the served metrics as before; a bad name is a 400', async () => {
    const text = await (await get('/api/graphs/mini/export?format=csv')).text();
    expect(Object.keys((parse(text, { columns: true }) as Record<string, string>[])[0] ?? {})).toContain('knockoutLoss');
    const res = await get('/api/graphs/mini/export?format=gexf&metrics=nope');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown metric "nope"/);
  });
});
