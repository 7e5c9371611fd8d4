import { describe, expect, it } from 'vitest';
import { MINI } from '../web/helpers.js';
import { postJson, serveCopiedGraphs } from './helpers.js';


const served = serveCopiedGraphs({ limits: { bodyBytes: 20_000, analyzeNodes: 20, analyzeEdges: 40 } });

describe('POST /api/analyze', () => {
  it('returns the metrics of the posted graph and stores nothing', async () => {
    const res = await postJson(served.server.url, '/api/analyze', MINI);
    expect(res.status).toBe(200);
    const report = (await res.json()) as { graph: { nodes: number }; nodes: unknown[]; warnings: string[] };
    expect(report.graph.nodes).toBe(11);
    expect(report.warnings).toEqual([]);
    const list = (await (await fetch(new URL('/api/graphs', served.server.url))).json()) as unknown[];
    expect(list).toHaveLength(2);
  });

  it('computes only the metrics asked for', async () => {
    const res = await postJson(served.server.url, '/api/analyze?metrics=throughput,flowShare', MINI);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { metrics: string[] }).metrics.sort()).toEqual(['flowShare', 'throughput']);
  });

  it('an invalid graph is a 400 with {error, details}', async () => {
    const res = await postJson(served.server.url, '/api/analyze', { nodes: [{ key: 'a', attributes: { stage: 'mined', country: 'XX' } }], edges: [] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: { element: string; message: string }[] };
    expect(body.error).toMatch(/^request body: /);
    expect(body.details).toHaveLength(2);
    expect(body.details[0]?.element).toBe('node "a"');
  });

  it('a graph over the node limit is a 413', async () => {
    const nodes = Array.from({ length: 21 }, (_, i) => ({ key: `n${i}`, attributes: { stage: 'mining', country: 'CN' } }));
    const res = await postJson(served.server.url, '/api/analyze', { nodes, edges: [] });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ kind: 'too-large' });
  });

  it('a body over the size limit is a JSON 413', async () => {
    const res = await postJson(served.server.url, '/api/analyze', { nodes: [], notes: 'x'.repeat(30_000) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ kind: 'too-large' });
  });

  it('an unknown metric is a 400', async () => {
    const res = await postJson(served.server.url, '/api/analyze?metrics=betweeness', MINI);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/unknown metric "betweeness"/);
  });
});
