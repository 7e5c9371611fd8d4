import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../src/model/parse-graph.js';
import { evaluateScenario } from '../../src/scenario/evaluate.js';
import { effectsOf } from '../../web/src/effects.js';
import { NO_EFFECTS } from '../../web/src/elements.js';
import { MINI } from './helpers.js';

const { graph } = parseGraph(MINI, 'mini.json');

describe('effectsOf', () => {
  it('has no effects without a result', () => {
    expect(effectsOf(null)).toBe(NO_EFFECTS);
  });

  it('reads disabled nodes, cut edges and activated nodes from the changes of a real evaluation', () => {
    const result = evaluateScenario(graph, {
      name: 't',
      actions: [
        { type: 'disableCountry', country: 'AU' },
        { type: 'embargo', from: 'CN', to: ['JP'] },
        { type: 'activate', year: 2030 },
      ],
    });
    expect(effectsOf(result)).toEqual({ disabledNodes: ['au-mine'], cutEdges: ['cn-sep->jp-magnet'], activatedNodes: ['se-mine', 'se-sep'] });
  });
});
