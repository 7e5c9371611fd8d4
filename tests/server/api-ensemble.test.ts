import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { runEnsemble, type EnsembleResult } from '../../src/uncertainty/ensemble.js';
import { MINI } from '../web/helpers.js';
import { postJson, serveCopiedGraphs } from './helpers.js';

const served = serveCopiedGraphs({ limits: { ensembleSamples: 40 } });
const quota = { name: 'quota', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.6 } }] };

describe('POST /api/graphs/:id/ensemble', () => {
  it('returns the ensemble the core computes (same seed, same result)', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=12&seed=4&threshold=0.3&bounds=maxFlow,proportional', quota);
    expect(res.status).toBe(200);
    const body = (await res.json()) as EnsembleResult;
    const expected = runEnsemble(parseGraph(MINI, 'mini.json').graph, { name: 'quota', actions: [{ type: 'cap', from: 'CN', share: { low: 0.2, high: 0.6 } }] }, { samples: 12, seed: 4, threshold: 0.3, bounds: ['maxFlow', 'proportional'] });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.inputs.map((i) => i.id)).toContain('action 0 (cap) share');
  });

  it('refuses more samples than the limit (413), bad query values and bad scenarios (400)', async () => {
    expect((await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=41', quota)).status).toBe(413);
    expect((await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=0', quota)).status).toBe(400);
    expect((await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=5&bounds=maxflow', quota)).status).toBe(400);
    expect((await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=5&sample=3', quota)).status).toBe(400);
    const bad = await postJson(served.server.url, '/api/graphs/mini/ensemble?samples=5', { name: 'x', actions: [{ type: 'cap', from: 'CN', share: { low: 0.9, high: 0.2 } }] });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/low must be <= high/);
  });
});
