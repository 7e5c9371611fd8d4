/**
 * The server builds the graph index (and its operating part) once per loaded graph
 * version, not per request (issue 15): `cachedIndexes` keeps them per graph object until
 * the graph changes, metrics jobs read them, and two requests on the same graph version
 * share one index (counted builds, no timing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMetrics } from '../../src/metrics/report.js';
import { indexGraph, operatingIndex } from '../../src/model/graph-index.js';
import { cachedIndexes, indexBuilds } from '../../src/server/baseline-cache.js';
import { runJob } from '../../src/server/compute-jobs.js';
import { chain } from '../scenario/graphs.js';
import { serveCopiedGraphs } from './helpers.js';

const served = serveCopiedGraphs();
const get = (path: string) => fetch(new URL(path, served.server.url));

describe('cachedIndexes', () => {
  it('builds the index and operating index once per graph, again after a change', () => {
    const graph = chain();
    const before = indexBuilds.count;
    const first = cachedIndexes(graph);
    expect(cachedIndexes(graph)).toBe(first);
    expect(indexBuilds.count).toBe(before + 1);
    expect(first.index).toEqual(indexGraph(graph));
    expect(first.active).toEqual(operatingIndex(indexGraph(graph)));
    graph.setNodeAttribute(graph.nodes()[0] as string, 'status', 'planned');
    const second = cachedIndexes(graph);
    expect(second).not.toBe(first);
    expect(indexBuilds.count).toBe(before + 2);
    expect(second.active.n).toBe(first.active.n - 1);
    expect(cachedIndexes(chain())).not.toBe(second);
  });

  it('metrics jobs on one graph share its index and give the report built without the cache', () => {
    const graph = chain();
    const before = indexBuilds.count;
    const a = runJob(graph, { type: 'metrics', options: { metrics: ['betweenness', 'throughput'] } });
    const b = runJob(graph, { type: 'metrics', options: { metrics: ['knockoutLoss', 'degree'] } });
    expect(indexBuilds.count).toBe(before + 1);
    expect(a).toEqual(buildMetrics(chain(), { metrics: ['betweenness', 'throughput'] }).report);
    expect(b).toEqual(buildMetrics(chain(), { metrics: ['knockoutLoss', 'degree'] }).report);
  });
});

describe('the server', () => {
  it('two metrics requests on the same graph version share one index; a new version builds a new one', async () => {
    const before = indexBuilds.count;
    expect((await get('/api/graphs/mini/metrics?metrics=betweenness')).status).toBe(200);
    expect((await get('/api/graphs/mini/metrics?metrics=degree,pagerank&format=csv')).status).toBe(200);
    expect(indexBuilds.count).toBe(before + 1);
    // A changed file is a new graph version (mtime and size): its index is built anew.
    const file = join(served.dir, 'mini.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { attributes?: Record<string, unknown> };
    writeFileSync(file, JSON.stringify({ ...data, attributes: { ...data.attributes, name: 'mini, edited' } }));
    expect((await get('/api/graphs/mini/metrics?metrics=betweenness')).status).toBe(200);
    expect(indexBuilds.count).toBe(before + 2);
  });
});
