/**
 * `POST /api/graphs/:id/scenario?weight=value`: the result read in value by the core
 * (`withValue`, src/scenario/value.ts), on the hand-valued graph of tests/scenario/valued.ts
 * (its arithmetic is in its comment): Japan offline loses 50 of 150 t but 5,000,000 of
 * 5,100,000 USD/yr.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValuedResult } from '../../src/scenario/value.js';
import { valuedData } from '../scenario/valued.js';
import { postJson, serveCopiedGraphs } from './helpers.js';

const served = serveCopiedGraphs();
const japanOffline = { name: 'Japan offline', actions: [{ type: 'disableCountry', country: 'JP' }] };

beforeAll(async () => {
  await writeFile(join(served.dir, 'valued.json'), JSON.stringify(valuedData()));
});

describe('POST /api/graphs/:id/scenario?weight=value', () => {
  it('adds the value reading, total and per end use, with the prices used (hand-computed)', async () => {
    const res = await postJson(served.server.url, '/api/graphs/valued/scenario?weight=value', japanOffline);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ValuedResult;
    const value = body.value!;
    expect(value.unit).toBe('USD/yr');
    expect(value.total.baseline.proportional).toBeCloseTo(5_100_000, 6);
    expect(value.total.loss.proportional).toBeCloseTo(5_000_000 / 5_100_000, 12);
    expect(body.loss.proportional).toBeCloseTo(50 / 150, 12);
    expect(value.byEndUse.map((e) => [e.endUse, e.unitValue])).toEqual([
      ['ev', 100_000],
      ['fcc', 1000],
    ]);
    expect(value.prices).toContain('Dy oxide: 300 USD/kg (test, 2024)');
    expect(value.lens).toBeUndefined();
    // Without the weight, the answer is the tonnes one, with no value.
    const tonnes = (await (await postJson(served.server.url, '/api/graphs/valued/scenario', japanOffline)).json()) as ValuedResult;
    expect(tonnes.value).toBeUndefined();
    expect(tonnes.loss.proportional).toBeCloseTo(body.loss.proportional, 12);
  });

  it('reads the country lens in value: its tonnes x w_c (hand-computed)', async () => {
    const res = await postJson(served.server.url, '/api/graphs/valued/scenario?weight=value&country=US', japanOffline);
    const lens = ((await res.json()) as ValuedResult).value!.lens!;
    // w_US = (50 x 100,000 + 100 x 1,000) / 150 = 34,000 USD/t.
    expect(lens.country).toBe('US');
    expect(lens.unitValue).toBeCloseTo(34_000, 9);
    expect(lens.total.baseline.proportional).toBeCloseTo(150 * 34_000, 6);
    expect(lens.total.loss.proportional).toBeCloseTo(50 / 150, 12);
    expect(lens.byEndUse[0]).toMatchObject({ endUse: 'ev', unitValue: 100_000 });
    expect(lens.byEndUse[0]!.loss.proportional).toBeCloseTo(1, 12);
  });

  it('refuses value on a graph without prices (400 naming it), and an unknown weight', async () => {
    const res = await postJson(served.server.url, '/api/graphs/mini/scenario?weight=value', japanOffline);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/has no "prices" attribute/);
    expect((await postJson(served.server.url, '/api/graphs/valued/scenario?weight=euros', japanOffline)).status).toBe(400);
  });
});
