/**
 * The server's baseline cache: one prepared baseline per graph object and objective,
 * dropped when the graph changes, and scenario jobs evaluated with it give the core's
 * results.
 */
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { cachedBaseline } from '../../src/server/baseline-cache.js';
import { runJob } from '../../src/server/compute-jobs.js';
import { chain } from '../scenario/graphs.js';
import { MINI } from '../web/helpers.js';

const chinaOffline = { name: 'China offline', actions: [{ type: 'disableCountry' as const, country: 'CN' }] };

describe('cachedBaseline', () => {
  it('prepares once per graph and objective', () => {
    const graph = chain();
    const total = cachedBaseline(graph, 'total');
    expect(total).toBeDefined();
    expect(cachedBaseline(graph, 'total')).toBe(total);
    const fair = cachedBaseline(graph, 'fair');
    expect(fair?.objective).toBe('fair');
    expect(fair).not.toBe(total);
    expect(cachedBaseline(chain(), 'total')).not.toBe(total);
  });

  it('drops the baselines of a graph that changes', () => {
    const graph = chain();
    const first = cachedBaseline(graph, 'total');
    graph.setEdgeAttribute(graph.edges()[0] as string, 'flow', 5);
    const second = cachedBaseline(graph, 'total');
    expect(second).not.toBe(first);
    expect(second?.side.supply).toEqual(evaluateScenario(graph, { name: 'b', actions: [] }).baseline);
    graph.setNodeAttribute(graph.nodes()[0] as string, 'capacity', 1);
    expect(cachedBaseline(graph, 'total')).not.toBe(second);
  });

  it('is undefined where the baseline cannot be computed (the evaluation then reports the error itself)', () => {
    expect(cachedBaseline(chain(), 'best' as never)).toBeUndefined();
  });
});

describe('runJob: scenario jobs use the cached baseline', () => {
  it('gives the core results, before and after the graph changes', () => {
    const graph = parseGraph(MINI, 'mini.json').graph;
    const job = { type: 'scenario', scenario: chinaOffline, options: { country: 'US' } } as const;
    expect(runJob(graph, job)).toEqual(evaluateScenario(graph, chinaOffline, { country: 'US' }));
    expect(runJob(graph, job)).toEqual(evaluateScenario(graph, chinaOffline, { country: 'US' }));
    graph.forEachEdge((edge, a) => graph.setEdgeAttribute(edge, 'flow', a.flow * 2));
    expect(runJob(graph, job)).toEqual(evaluateScenario(graph, chinaOffline, { country: 'US' }));
  });
});
