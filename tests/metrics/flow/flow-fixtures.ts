/** Loads the networkx flow fixtures written by scripts/fixtures/flow.py. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SupplyGraph } from '../../../src/model/graph.js';
import { parseGraph } from '../../../src/model/parse-graph.js';

export interface StageExpectation {
  stage: string;
  throughput: number;
  hhi: number | null;
  shares: Record<string, number>;
  supplyRisk: number | null;
}

export interface FlowFixture {
  name: string;
  graph: SupplyGraph;
  data: unknown;
  expected: {
    maxFlow: number;
    minCutValue: number;
    knockout: Record<string, number>;
    countryKnockout: Record<string, number>;
    pagerank: Record<string, number>;
    inDegree: Record<string, number>;
    outDegree: Record<string, number>;
    stages: StageExpectation[];
  };
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'networkx');

export function flowFixtures(): FlowFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.startsWith('flow-') && f.endsWith('.json'))
    .sort()
    .map((file) => {
      const doc = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as { name: string; graph: unknown; expected: FlowFixture['expected'] };
      return { name: doc.name, data: doc.graph, graph: parseGraph(doc.graph, file).graph, expected: doc.expected };
    });
}
