import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { postJson, serveCopiedGraphs } from './helpers.js';
import { MINI } from '../web/helpers.js';


const served = serveCopiedGraphs();

const chinaOffline = { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] };

describe('GET /api/graphs/:id/scenarios', () => {
  it('lists the presets that apply to the graph', async () => {
    const res = await fetch(new URL('/api/graphs/mini/scenarios', served.server.url));
    expect(res.status).toBe(200);
    const presets = (await res.json()) as { id: string; name: string; description?: string; actions: unknown[] }[];
    expect(presets).toContainEqual(expect.objectContaining({ id: 'china-offline', name: 'China offline', description: 'All Chinese facilities stop.', actions: chinaOffline.actions }));
  });

  it('lists a preset that does not apply to the graph with its error', async () => {
    const presets = (await (await fetch(new URL('/api/graphs/mini/scenarios', served.server.url))).json()) as { id: string; error?: string }[];
    expect(presets.map((p) => p.id)).toEqual(['china-offline', 'other-graph']);
    expect(presets[0]?.error).toBeUndefined();
    expect(presets[1]?.error).toMatch(/unknown node "cn-mining-light"/);
  });
});

describe('POST /api/graphs/:id/scenario', () => {
  it('evaluates the scenario like the core does', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', chinaOffline);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReturnType<typeof evaluateScenario>;
    const expected = evaluateScenario(parseGraph(MINI, 'mini.json').graph, { name: 'China offline', actions: [{ type: 'disableCountry', country: 'CN' }] });
    expect(body.loss.proportional).toBeCloseTo(expected.loss.proportional, 12);
    expect(body.loss.maxFlow).toBeCloseTo(expected.loss.maxFlow, 12);
    expect(body.loss.proportional).toBeGreaterThan(0);
    expect(body.changes[0]?.nodes).toEqual(expect.arrayContaining(['cn-mine', 'cn-sep', 'cn-magnet']));
  });

  it('?country= adds the lens for that country, like the core', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario?country=DE', chinaOffline);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReturnType<typeof evaluateScenario>;
    const expected = evaluateScenario(parseGraph(MINI, 'mini.json').graph, chinaOffline as Parameters<typeof evaluateScenario>[1], { country: 'DE' });
    expect(body.lens?.sinks).toEqual(['ev']);
    expect(body.lens?.loss.proportional).toBeCloseTo(expected.lens!.loss.proportional!, 12);
    const bad = await postJson(served.server.url, '/api/graphs/mini/scenario?country=FR', chinaOffline);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('"FR"');
    expect((await postJson(served.server.url, '/api/graphs/mini/scenario?country=de', chinaOffline)).status).toBe(400);
  });

  it('?objective=fair runs the fair allocation objective, like the core', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario?objective=fair', chinaOffline);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReturnType<typeof evaluateScenario>;
    const expected = evaluateScenario(parseGraph(MINI, 'mini.json').graph, chinaOffline as Parameters<typeof evaluateScenario>[1], { objective: 'fair' });
    expect(body.objective).toBe('fair');
    expect(body.scenario.fairLevel).toBeCloseTo(expected.scenario.fairLevel as number, 12);
    expect(body.loss.allocation).toBeCloseTo(expected.loss.allocation as number, 12);
    expect((await postJson(served.server.url, '/api/graphs/mini/scenario?objective=best', chinaOffline)).status).toBe(400);
  });

  it('an empty scenario is the baseline (no loss)', async () => {
    const body = (await (await postJson(served.server.url, '/api/graphs/mini/scenario', { name: 'baseline', actions: [] })).json()) as { loss: { proportional: number } };
    expect(body.loss.proportional).toBe(0);
  });

  it('an invalid scenario is a 400 listing every problem', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', { name: 'x', actions: [{ type: 'disableCountry', country: 'FR' }, { type: 'nuke' }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { kind: string; details: { element: string; message: string }[] };
    expect(body.kind).toBe('input');
    expect(body.details.map((d) => d.element)).toEqual(['action 0 (disableCountry)', 'action 1']);
  });

  it.each([
    ['not JSON', '{"name": ', 'application/json'],
    ['an array', '[]', 'application/json'],
    ['sent as text', JSON.stringify(chinaOffline), 'text/plain'],
  ])('a body that is %s is a JSON 400', async (_what, body, type) => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario', body, { 'content-type': type });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ kind: 'input' });
  });

  it('an unknown graph is a 404', async () => {
    const res = await postJson(served.server.url, '/api/graphs/nope/scenario', chinaOffline);
    expect(res.status).toBe(404);
  });
});
