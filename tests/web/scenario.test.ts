import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse-scenario.js';
import { parseGraph } from '../../src/model/parse-graph.js';
import { scenarioOf, type Preset } from '../../web/src/scenario.js';
import { INITIAL_STATE } from '../../web/src/state.js';
import { MINI } from './helpers.js';

const preset: Preset = { id: 'p', name: 'Japan halved', actions: [{ type: 'scaleNode', node: 'jp-magnet', factor: 0.5 }] };

describe('scenarioOf', () => {
  it('is the empty baseline scenario for the initial state', () => {
    expect(scenarioOf(INITIAL_STATE, undefined)).toEqual({ name: 'baseline', actions: [] });
  });

  it('turns toggles into disableCountry (offline) or embargo actions, after the preset, then activate', () => {
    const state = { ...INITIAL_STATE, off: ['AU', 'CN'], year: 2030 };
    expect(scenarioOf(state, preset).actions).toEqual([
      { type: 'scaleNode', node: 'jp-magnet', factor: 0.5 },
      { type: 'disableCountry', country: 'AU' },
      { type: 'disableCountry', country: 'CN' },
      { type: 'activate', year: 2030 },
    ]);
    expect(scenarioOf({ ...state, mode: 'embargo' }, undefined).actions.slice(0, 2)).toEqual([
      { type: 'embargo', from: 'AU' },
      { type: 'embargo', from: 'CN' },
    ]);
  });

  it('leaves out a preset that does not apply to the graph', () => {
    expect(scenarioOf(INITIAL_STATE, { ...preset, error: 'unknown node' })).toEqual({ name: 'baseline', actions: [] });
  });

  it('produces scenarios the server-side parser accepts', () => {
    const { graph } = parseGraph(MINI, 'mini.json');
    const scenario = scenarioOf({ ...INITIAL_STATE, off: ['CN'], mode: 'embargo', year: 2031 }, preset);
    expect(parseScenario(scenario, 'page', graph)).toEqual(scenario);
  });
});
