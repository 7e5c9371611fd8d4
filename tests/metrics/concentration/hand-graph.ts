/** A hand-computed graph shared by the concentration tests. */
import { parseGraph } from '../../../src/model/parse-graph.js';

export const node = (key: string, stage: string, country: string, extra: Record<string, unknown> = {}) => ({ key, attributes: { stage, country, ...extra } });
export const edge = (source: string, target: string, flow: number) => ({ source, target, attributes: { flow } });

/**
 * Hand-computed: mining throughput CN 60 + 10, AU 20, US 10 (total 100), so shares
 * CN 0.7, AU 0.2, US 0.1 and HHI = 0.49 + 0.04 + 0.01 = 0.54. Separation: one CN plant
 * with everything: HHI 1. A planned Swedish mine with capacity does not count.
 */
export const HAND = parseGraph(
  {
    attributes: {
      countries: { CN: { name: 'China', governance: 3 }, AU: { name: 'Australia', governance: 8.5 }, US: { name: 'United States', governance: 8 } },
    },
    nodes: [
      node('cn1', 'mining', 'CN'),
      node('cn2', 'mining', 'CN'),
      node('au', 'mining', 'AU'),
      node('us', 'mining', 'US'),
      node('se', 'mining', 'SE', { status: 'planned', capacity: 500 }),
      node('sep', 'separation', 'CN'),
      node('mag', 'magnet', 'JP'),
    ],
    edges: [edge('cn1', 'sep', 60), edge('cn2', 'sep', 10), edge('au', 'sep', 20), edge('us', 'sep', 10), edge('se', 'sep', 40), edge('sep', 'mag', 0)],
  },
  'hand',
).graph;

