/**
 * Both bounds on scenario-modified graphs (three random ones, and a copy of the default
 * dataset under every preset) against an independent Python implementation: max flows from networkx 2.8.8 (preflow-push, checked against
 * Edmonds-Karp), the proportional bound by Jacobi iteration; on the presets also per end
 * use (sinks grouped by sector). Fixtures are written by scripts/fixtures/scenario.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactGraph } from '../../src/model/compact.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { maxFlow } from '../../src/metrics/flow/max-flow.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { proportionalFlow } from '../../src/scenario/proportional-flow.js';
import { sinkMaxFlow } from '../../src/scenario/sink-max-flow.js';

interface Case {
  scenario: unknown;
  maxFlow: number;
  ownMaxFlow: Record<string, number>;
  proportional: number;
  proportionalBySink: Record<string, number>;
  /** Presets only: per end use, its sinks served alone and the sum of their proportional deliveries. */
  byEndUse?: Record<string, { maxFlow: number; proportional: number }>;
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe.each(['random-1', 'random-2', 'random-3', 'presets'])('scenario-%s (networkx)', (name) => {
  const file = new URL(`../fixtures/networkx/scenario-${name}.json`, import.meta.url);
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as { graph: unknown; cases: Case[] };
  const { graph } = parseGraph(fixture.graph, 'fixture');
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const applied = applyScenario(graph, parseScenario(c.scenario, 'fixture', graph));
    close(maxFlow(applied.graph).value, c.maxFlow);
    const compact = compactGraph(applied.graph);
    for (const [sink, value] of Object.entries(c.ownMaxFlow)) close(sinkMaxFlow(compact, new Set([sink])), value);
    const proportional = proportionalFlow(applied.graph, { pass: applied.pass, limit: applied.limit });
    close(proportional.delivered, c.proportional);
    expect(Object.keys(proportional.bySink).sort()).toEqual(Object.keys(c.proportionalBySink).sort());
    for (const [sink, value] of Object.entries(c.proportionalBySink)) close(proportional.bySink[sink] ?? NaN, value);
    if (c.byEndUse) {
      const endUses = evaluateScenario(graph, parseScenario(c.scenario, 'fixture', graph), { top: 0 }).loss.byEndUse;
      expect(endUses.map((e) => e.endUse).sort()).toEqual(Object.keys(c.byEndUse).sort());
      for (const e of endUses) {
        close(e.scenario.maxFlow, c.byEndUse[e.endUse]?.maxFlow ?? NaN);
        close(e.scenario.proportional, c.byEndUse[e.endUse]?.proportional ?? NaN);
      }
    }
  });
});
