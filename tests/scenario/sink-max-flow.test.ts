/**
 * sinkMaxFlowSolver (one flow network, capacities reset per call) gives exactly the values
 * of sinkMaxFlow (a network built per call), whatever the order of the calls: every sink
 * alone, every end use and every country's sinks, on the default dataset and on a
 * scenario's modified graph.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactGraph } from '../../src/model/compact.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { applyScenario } from '../../src/scenario/apply-scenario.js';
import { sinkMaxFlow, sinkMaxFlowSolver } from '../../src/scenario/sink-max-flow.js';

describe('sinkMaxFlowSolver', () => {
  it('equals sinkMaxFlow on every group, in any order', () => {
    const file = 'graphs/rare-earths-2024.json';
    const graph = parseGraph(JSON.parse(readFileSync(file, 'utf8')), file).graph;
    for (const applied of [applyScenario(graph, { name: 'b', actions: [] }), applyScenario(graph, { name: 'cn', actions: [{ type: 'cap', from: 'CN', share: 0.3 }] })]) {
      const compact = compactGraph(applied.graph);
      const sinks = compact.nodes.filter((_n, i) => compact.outDegree[i] === 0 && (compact.inDegree[i] as number) > 0);
      const groups: Set<string>[] = [...sinks.map((s) => new Set([s])), new Set(sinks), new Set<string>()];
      for (const key of ['sector', 'country'] as const) {
        const by = new Map<string, string[]>();
        for (const s of sinks) {
          const value = String(applied.graph.getNodeAttribute(s, key));
          by.set(value, [...(by.get(value) ?? []), s]);
        }
        for (const group of by.values()) groups.push(new Set(group));
      }
      const solver = sinkMaxFlowSolver(compact);
      const expected = groups.map((g) => sinkMaxFlow(compact, g));
      expect(expected.some((v) => v > 0)).toBe(true);
      expect(groups.map((g) => solver(g))).toEqual(expected);
      expect([...groups].reverse().map((g) => solver(g))).toEqual([...expected].reverse());
    }
  });
});
