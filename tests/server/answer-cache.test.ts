/**
 * The answer cache (src/server/answer-cache.ts): canonical keys, graph versions by object,
 * the byte bound with least-recently-used eviction, and the scenario and timeline routes
 * answering a repeated question without computing it again (issue 14, round 2: evaluations in the
 * request thread were what stalled /api/health under the load test).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerCache, canonicalKey } from '../../src/server/answer-cache.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { FIXTURE_GRAPHS, postJson, serveCopiedGraphs } from './helpers.js';

const bytes = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));

describe('canonicalKey', () => {
  it('gives the same text for the same data whatever the key order, and different texts for different data', () => {
    expect(canonicalKey({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalKey({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalKey({ a: [1, 2] })).not.toBe(canonicalKey({ a: [2, 1] }));
    expect(canonicalKey({ a: 1 })).not.toBe(canonicalKey({ a: '1' }));
    // A key named __proto__ is kept as data, not taken as a prototype.
    expect(canonicalKey(JSON.parse('{"__proto__": {"x": 1}, "a": 2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });
});

describe('AnswerCache', () => {
  it('keys answers by graph object: another version of the graph is a miss', () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 1000 });
    const v1 = {};
    const v2 = {};
    cache.set(v1, 'q', bytes(10));
    expect(cache.get(v1, 'q')?.toString()).toBe('x'.repeat(10));
    expect(cache.get(v2, 'q')).toBeUndefined();
    expect(cache.get(v1, 'other')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 2 });
  });

  it('stays within maxBytes (answers and keys), evicting the least recently used first', () => {
    const cache = new AnswerCache({ maxBytes: 100, maxEntryBytes: 100 });
    const g = {};
    // Each entry costs 30 bytes of answer + 3 characters of key ("1\nq" ...).
    cache.set(g, 'a', bytes(30));
    cache.set(g, 'b', bytes(30));
    cache.set(g, 'c', bytes(30));
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 99 });
    expect(cache.get(g, 'a')).toBeDefined(); // a is now the most recently used
    cache.set(g, 'd', bytes(30));
    expect(cache.get(g, 'b')).toBeUndefined(); // b was the least recently used
    expect(cache.get(g, 'a')).toBeDefined();
    expect(cache.get(g, 'c')).toBeDefined();
    expect(cache.get(g, 'd')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
    // Setting a key again replaces it (its old size is given back).
    cache.set(g, 'd', bytes(5));
    expect(cache.get(g, 'd')?.length).toBe(5);
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 33 + 33 + 8 });
  });

  it('does not keep an answer over maxEntryBytes, nor anything with maxBytes 0', () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntryBytes: 50 });
    cache.set({}, 'big', bytes(51));
    expect(cache.stats().entries).toBe(0);
    const none = new AnswerCache({ maxBytes: 0, maxEntryBytes: 0 });
    const g = {};
    none.set(g, 'q', bytes(1));
    expect(none.get(g, 'q')).toBeUndefined();
  });
});

describe('the scenario route with the answer cache', () => {
  const served = serveCopiedGraphs();
  const mini = parseGraph(JSON.parse(readFileSync(join(FIXTURE_GRAPHS, 'mini.json'), 'utf8')), 'mini').graph;

  /** Counts the computations the route asks of the pool. */
  function countJobs(): { readonly count: number } {
    const pool = served.server.pool;
    const original = pool.runJson.bind(pool);
    const counter = { count: 0 };
    pool.runJson = (...args: Parameters<typeof original>) => {
      counter.count++;
      return original(...args);
    };
    return counter;
  }

  it('answers a repeated question from the cache, with the same bytes as the computation', async () => {
    const jobs = countJobs();
    const scenario = { name: 'CN cap', actions: [{ type: 'cap', from: 'CN', share: 0.5 }] };
    const first = await postJson(served.server.url, '/api/graphs/mini/scenario', scenario);
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(evaluateScenario(mini, { name: 'CN cap', actions: [{ type: 'cap', from: 'CN', share: 0.5 }] }, {}))));
    expect(jobs.count).toBe(1);
    // The same question, its keys in another order: a hit.
    const again = await postJson(served.server.url, '/api/graphs/mini/scenario', { actions: [{ share: 0.5, from: 'CN', type: 'cap' }], name: 'CN cap' });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(text);
    expect(jobs.count).toBe(1);
    // Other options, or another scenario: computed.
    const top = await postJson(served.server.url, '/api/graphs/mini/scenario?top=1', scenario);
    expect(top.status).toBe(200);
    expect((await postJson(served.server.url, '/api/graphs/mini/scenario', { ...scenario, name: 'other' })).status).toBe(200);
    expect(jobs.count).toBe(3);
  });

  it('answers a repeated timeline from the cache; another horizon or scenario is computed', async () => {
    const jobs = countJobs();
    const scenario = { name: 'CN off', actions: [{ type: 'disableCountry', country: 'CN' }] };
    const first = await postJson(served.server.url, '/api/graphs/mini/timeline?months=6', scenario);
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(jobs.count).toBe(1);
    const again = await postJson(served.server.url, '/api/graphs/mini/timeline?months=6', scenario);
    expect(await again.text()).toBe(text);
    expect(jobs.count).toBe(1);
    expect((await postJson(served.server.url, '/api/graphs/mini/timeline?months=7', scenario)).status).toBe(200);
    // The same scenario asked of the scenario route is another question.
    expect((await postJson(served.server.url, '/api/graphs/mini/scenario', scenario)).status).toBe(200);
    expect(jobs.count).toBe(3);
  });
});
