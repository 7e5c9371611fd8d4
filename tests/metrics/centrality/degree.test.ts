import { describe, expect, it } from 'vitest';
import { degree } from '../../../src/metrics/centrality/degree.js';
import { flowFixtures } from '../flow/flow-fixtures.js';

describe('degree', () => {
  for (const fixture of flowFixtures()) {
    it(`agrees with networkx in_degree/out_degree on the active graph of ${fixture.name}`, () => {
      const result = degree(fixture.graph);
      expect(result.inDegree).toEqual(fixture.expected.inDegree);
      expect(result.outDegree).toEqual(fixture.expected.outDegree);
    });
  }
});
