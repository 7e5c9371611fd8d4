import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseGraph } from '../../src/model/parse-graph.js';
import { fromGexf } from '../../src/formats/gexf.js';
import { fromGraphml } from '../../src/formats/graphml.js';
import { rawGet, serveCopiedGraphs } from './helpers.js';

const get = (path: string) => fetch(new URL(path, served.server.url));

const served = serveCopiedGraphs();

describe('GET /api/health and /api/graphs', () => {
  it('health is ok', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('lists the graph files, an invalid one with its error', async () => {
    const res = await get('/api/graphs');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const list = (await res.json()) as { id: string; error?: string }[];
    expect(list.map((g) => g.id)).toEqual(['broken', 'mini']);
    expect(list[0]?.error).toMatch(/country/);
    expect(list[1]).toEqual({ id: 'mini', name: 'Mini rare-earth chain', year: 2024, nodes: 11, edges: 12 });
  });
});

describe('GET /api/graphs/:id', () => {
  it('sends the graph as graph-file JSON that loads back', async () => {
    const res = await get('/api/graphs/mini');
    expect(res.status).toBe(200);
    const { graph } = parseGraph(await res.json(), 'response');
    expect([graph.order, graph.size]).toEqual([11, 12]);
    expect(graph.getNodeAttribute('se-mine', 'status')).toBe('prospective');
  });

  it('an invalid graph file is a 400 with its problems', async () => {
    const res = await get('/api/graphs/broken');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { kind: string; details: { element: string }[] };
    expect(body.kind).toBe('input');
    expect(body.details[0]?.element).toBe('node "a"');
  });

  it.each([
    '/api/graphs/../../package.json',
    '/api/graphs/..%2F..%2Fpackage.json',
    '/api/graphs/..%2Fmini',
    '/api/graphs/%2e%2e%2f%2e%2e%2fpackage',
    '/api/graphs/%2E%2E',
    '/api/graphs/..%5C..%5Cpackage',
    '/api/graphs/%2Fetc%2Fpasswd',
    '/api/graphs/%2fetc%2fpasswd/metrics',
    '/api/graphs/mini.json',
    '/api/graphs/nested%2Fhidden',
    '/api/graphs/notes',
    '/api/graphs/scenarios',
    '/api/graphs/C:%5Cwindows%5Cwin.ini',
    '/api/graphs/..%252F..%252Fpackage',
  ])('%s is a JSON 404, never a file', async (path) => {
    const res = await rawGet(served.server.url, path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'not-found' });
    expect(res.body).not.toMatch(/"nodes"|root:|"dependencies"/);
  });

  it('refuses unknown query parameters', async () => {
    const res = await get('/api/graphs/mini?format=xml');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/query/);
  });
});

describe('GET /api/graphs/:id/metrics', () => {
  it('sends the metrics report', async () => {
    const res = await get('/api/graphs/mini/metrics');
    expect(res.status).toBe(200);
    const report = (await res.json()) as { graph: { nodes: number }; nodes: { id: string }[]; stages: unknown[] };
    expect(report.graph.nodes).toBe(11);
    expect(report.nodes.map((n) => n.id)).toContain('cn-sep');
  });

  it('includes each node\'s mining and separating origin (metrics/flow/origin.ts)', async () => {
    const report = (await (await get('/api/graphs/mini/metrics')).json()) as { nodes: { id: string; stage: string; country: string; origin?: { mining: Record<string, number>; separation: Record<string, number> } }[] };
    for (const node of report.nodes) expect(node.origin).toBeDefined();
    const sep = report.nodes.find((n) => n.id === 'cn-sep');
    expect(sep?.origin?.separation).toEqual({ CN: 1 });
    const mine = report.nodes.find((n) => n.stage === 'mining' && n.origin && Object.keys(n.origin.mining).length > 0);
    expect(mine?.origin?.mining).toEqual({ [mine?.country ?? '']: 1 });
  });

  it('sends one table as CSV, as a download', async () => {
    const res = await get('/api/graphs/mini/metrics?format=csv&table=stages');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=mini-metrics-stages.csv');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.stage)).toContain('separation');
  });

  it.each(['format=xml', 'table=people', 'tabel=nodes'])('refuses ?%s', async (query) => {
    const res = await get(`/api/graphs/mini/metrics?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ kind: 'usage' });
  });
});

describe('GET /api/graphs/:id/export', () => {
  const download = async (format: string, extra = '') => {
    const res = await get(`/api/graphs/mini/export?format=${format}${extra}`);
    expect(res.status).toBe(200);
    return { res, text: await res.text() };
  };

  it('GEXF: a download that parses back to the same graph', async () => {
    const { res, text } = await download('gexf');
    expect(res.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=mini.gexf');
    const { graph } = fromGexf(text, 'mini.gexf');
    expect([graph.order, graph.size]).toEqual([11, 12]);
  });

  it('GraphML: a download that parses back to the same graph', async () => {
    const { res, text } = await download('graphml');
    expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=mini.graphml');
    expect(fromGraphml(text, 'mini.graphml').graph.order).toBe(11);
  });

  it('CSV node and edge tables, Cytoscape JSON and graph-file JSON', async () => {
    const nodes = await download('csv');
    expect(nodes.res.headers.get('content-disposition')).toBe('attachment; filename=mini-nodes.csv');
    expect((parse(nodes.text, { columns: true }) as unknown[]).length).toBe(11);
    const edges = await download('csv', '&table=edges');
    expect((parse(edges.text, { columns: true }) as unknown[]).length).toBe(12);
    const cyjs = await download('cyjs');
    expect(cyjs.res.headers.get('content-disposition')).toBe('attachment; filename=mini.cyjs');
    expect(JSON.parse(cyjs.text)).toHaveProperty('elements');
    const json = await download('json');
    expect(parseGraph(JSON.parse(json.text), 'mini.json').graph.order).toBe(11);
  });

  it.each(['', '?format=pdf', '?format=gexf&table=nodes', '?format=csv&table=stages'])('refuses %s', async (query) => {
    const res = await get(`/api/graphs/mini/export${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
