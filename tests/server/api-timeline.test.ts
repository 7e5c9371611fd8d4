import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { timeline, type TimelineResult } from '../../src/timeline/timeline.js';
import { postJson, serveCopiedGraphs } from './helpers.js';
import { MINI } from '../web/helpers.js';

const served = serveCopiedGraphs();

const chinaOffline = { name: 'China offline in months 2-3', actions: [{ type: 'disableCountry', country: 'CN', start: '2025-05', end: '2025-06' }] };

describe('POST /api/graphs/:id/timeline', () => {
  it('runs the monthly model like the core does', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/timeline?months=6&start=2025-04', chinaOffline);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TimelineResult;
    const graph = parseGraph(MINI, 'mini.json').graph;
    const expected = timeline(graph, parseScenario(chinaOffline, 's.json', graph), { months: 6, start: '2025-04' });
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.windows).toEqual([{ action: 0, type: 'disableCountry', first: 2, last: 3 }]);
    const short = body.endUses.find((e) => e.proportional.monthsToShortage !== null);
    expect(short?.proportional.monthsToShortage).toBe(1);
  });

  it('takes ?objective=fair and the scenario body\'s thrifting with its source', async () => {
    // mini.json's sink `ev` has no sector: its end use is its label, EV motors.
    const sector = 'EV motors';
    const withSector = { ...chinaOffline, thrifting: [{ sector, share: 0.3, source: 'test share' }] };
    const graph = parseGraph(MINI, 'mini.json').graph;
    const res = await postJson(served.server.url, '/api/graphs/mini/timeline?months=6&start=2025-04&objective=fair', withSector);
    expect(res.status).toBe(200);
    const got = (await res.json()) as TimelineResult;
    const expected = timeline(graph, parseScenario(withSector, 's.json', graph), { months: 6, start: '2025-04', objective: 'fair' });
    expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(got.objective).toBe('fair');
    expect(got.thrifting).toEqual([{ endUse: sector, share: 0.3, source: 'test share' }]);
    const bad = await postJson(served.server.url, '/api/graphs/mini/timeline?objective=best', chinaOffline);
    expect(bad.status).toBe(400);
  });

  it('rejects bad query parameters, an ISO month without start, and an invalid scenario', async () => {
    const badMonths = await postJson(served.server.url, '/api/graphs/mini/timeline?months=0', chinaOffline);
    expect(badMonths.status).toBe(400);
    const noStart = await postJson(served.server.url, '/api/graphs/mini/timeline', chinaOffline);
    expect(noStart.status).toBe(400);
    expect(((await noStart.json()) as { error: string }).error).toContain('?start= in the API');
    const bad = await postJson(served.server.url, '/api/graphs/mini/timeline', { name: 'x', actions: [{ type: 'disableNode', node: 'nope', end: 0 }] });
    expect(bad.status).toBe(400);
    const unknown = await postJson(served.server.url, '/api/graphs/mini/timeline?month=3', chinaOffline);
    expect(unknown.status).toBe(400);
  });
});
