/**
 * Fuzz: mutated valid graphs that load also go through the whole metrics report; the only
 * errors allowed are typed ChokepointErrors, every number in the report is finite, and
 * every node and edge of the graph has exactly one row (so odd node keys such as
 * `prototype`, `0` or `a->b` are neither lost nor merged). Keys that are Object.prototype
 * names (`__proto__`, `constructor`) must be refused by the loader with an InputError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/report.js';
import { ChokepointError, InputError } from '../../src/model/errors.js';
import { isReservedKey, parseGraph } from '../../src/model/parse-graph.js';
import { atTheLimit, mutate, mutationArbitrary, nonFiniteNumbers, ODD_KEYS, renameNode } from './mutate.js';

const tiny = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'graphs', 'tiny.json'), 'utf8')) as unknown;

/** Loads `doc`; undefined when the loader refuses it (with an InputError, or the test fails). */
function load(doc: unknown) {
  try {
    return parseGraph(doc, 'fuzz.json').graph;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return undefined;
  }
}

function checkReport(doc: unknown): void {
  const graph = load(doc);
  if (!graph) return;
  let report;
  try {
    report = computeMetrics(graph);
  } catch (error) {
    expect(error).toBeInstanceOf(ChokepointError);
    return;
  }
  expect(nonFiniteNumbers(report)).toEqual([]);
  expect(report.nodes.map((n) => n.id).sort()).toEqual(graph.nodes().sort());
  expect(report.edges.map((e) => e.id).sort()).toEqual(graph.edges().sort());
}

describe('computeMetrics under mutation', () => {
  it('gives a finite report with a row per node and edge, or a typed error', () => {
    fc.assert(
      fc.property(mutationArbitrary, (mutations) => checkReport(mutate(tiny, mutations))),
      { seed: 20261127, numRuns: 400 },
    );
  });

  it('keeps nodes with odd keys, and refuses Object.prototype names', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...ODD_KEYS), mutationArbitrary, fc.boolean(), (pick, key, mutations, more) => {
        const renamed = renameNode(tiny, pick, key);
        if (isReservedKey(key)) {
          expect(() => parseGraph(renamed, 'fuzz.json')).toThrow(InputError);
          return;
        }
        checkReport(more ? mutate(renamed, mutations) : renamed);
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

describe('the largest quantities (regression)', () => {
  it('every flow and capacity at the limit (1e15) still gives a finite report', () => {
    // Flows of 1e308 used to load, and their sums overflowed to Infinity: NaN shares and losses.
    const report = computeMetrics(parseGraph(atTheLimit(tiny), 'limit.json').graph);
    expect(nonFiniteNumbers(report)).toEqual([]);
    expect(report.supply.maxFlow).toBe(2e15);
  });

  it('a quantity above the limit is refused', () => {
    const doc = atTheLimit(tiny) as { edges: { attributes: { flow: number } }[] };
    (doc.edges[0] as { attributes: { flow: number } }).attributes.flow = 1e308;
    expect(() => parseGraph(doc, 'huge.json')).toThrow('huge.json: edge "cn-mine -> cn-sep": flow: must be at most 1e15');
  });
});

describe('odd node keys, one by one (regression)', () => {
  it.each(ODD_KEYS.filter((k) => !isReservedKey(k)))('a node called %j gets the same values as under its own name', (key) => {
    const original = computeMetrics(parseGraph(tiny, 'tiny.json').graph);
    const graph = load(renameNode(tiny, 2, key)); // node 2 is cn-sep
    expect(graph).toBeDefined();
    if (!graph) return;
    const report = computeMetrics(graph);
    const before = original.nodes.find((n) => n.id === 'cn-sep');
    const after = report.nodes.find((n) => n.id === key);
    expect(after).toEqual({ ...before, id: key });
    expect(before?.knockoutLoss).toBeCloseTo(90 / 105, 12); // cn-sep carries 90 of the 105 t/yr max flow
    expect(report.countries).toEqual(original.countries);
    expect(report.stages).toEqual(original.stages);
    expect(nonFiniteNumbers(report)).toEqual([]);
  });

  it.each(ODD_KEYS.filter(isReservedKey))('a node called %j is refused with an InputError naming it', (key) => {
    expect(() => parseGraph(renameNode(tiny, 2, key), 'fuzz.json')).toThrow(`fuzz.json: node "${key}": key "${key}" is reserved`);
  });
});
