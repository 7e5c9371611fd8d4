/** The hand-valued graph of tests/scenario/value.test.ts and tests/cli/value.test.ts (the arithmetic is in its comment). */
import { parseGraph } from '../../src/model/parse-graph.js';

export const PRICES = {
  'mixed concentrate': { value: 5, unit: 'USD/kg', source: 'test', year: 2024 },
  'Dy oxide': { value: 300, unit: 'USD/kg', source: 'test', year: 2024 },
  'NdPr oxide': { value: 50, unit: 'USD/kg', source: 'test', year: 2024 },
  'La oxide': { value: 1, unit: 'USD/kg', source: 'test', year: 2024 },
  'NdFeB magnet': { from: 'inputs', source: 'REO content' },
  catalyst: { from: 'inputs', source: 'REO content' },
};

/**
 * A Chinese mine (150 t concentrate) feeds two Chinese separators, which ship 10 t Dy
 * oxide and 40 t NdPr oxide to a Japanese magnet maker and 100 t La oxide to a Korean catalyst
 * maker; both ship to US end uses.
 *
 * Unit values by hand (USD/t): magnets (10 x 300,000 + 40 x 50,000) / 50 = 100,000;
 * catalysts 1,000 (La oxide at 1 USD/kg). Baseline value 50 x 100,000 + 100 x 1,000 =
 * 5,100,000 USD/yr. JP offline loses 50 of 150 t (1/3) but 5,000,000 of 5,100,000 USD
 * (0.98039...); KR offline loses 100 t (2/3) but 100,000 USD (0.019607...).
 */
export function valuedData(prices: Record<string, unknown> | null = PRICES) {
  return {
      attributes: { name: 'valued', ...(prices ? { prices } : {}) },
      nodes: [
        { key: 'mine', attributes: { stage: 'mining', country: 'CN' } },
        { key: 'sep', attributes: { stage: 'separation', country: 'CN' } },
        { key: 'sepHeavy', attributes: { stage: 'separation', country: 'CN' } },
        { key: 'mag', attributes: { stage: 'magnet', country: 'JP' } },
        { key: 'cat', attributes: { stage: 'component', country: 'KR' } },
        { key: 'ev', attributes: { stage: 'end-use', country: 'US' } },
        { key: 'fcc', attributes: { stage: 'end-use', country: 'US' } },
      ],
      edges: [
        { source: 'mine', target: 'sep', attributes: { flow: 140, material: 'mixed concentrate' } },
        { source: 'mine', target: 'sepHeavy', attributes: { flow: 10, material: 'mixed concentrate' } },
        { source: 'sepHeavy', target: 'mag', attributes: { flow: 10, material: 'Dy oxide' } },
        { source: 'sep', target: 'mag', attributes: { flow: 40, material: 'NdPr oxide' } },
        { source: 'sep', target: 'cat', attributes: { flow: 100, material: 'La oxide' } },
        { source: 'mag', target: 'ev', attributes: { flow: 50, material: 'NdFeB magnet' } },
        { source: 'cat', target: 'fcc', attributes: { flow: 100, material: 'catalyst' } },
      ],
  };
}

export function valued(prices: Record<string, unknown> | null = PRICES) {
  return parseGraph(valuedData(prices), 'valued.json').graph;
}

