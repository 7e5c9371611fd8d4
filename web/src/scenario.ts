/**
 * The scenario the page's state asks for, in the scenario file format the server
 * evaluates: the preset's actions, then one action per country toggled off (offline:
 * `disableCountry`; embargo: `embargo` from that country to every other), then
 * `activate {year}` when projects are included.
 */
import type { Scenario, ScenarioAction } from '../../src/scenario/schema.js';
import type { ViewState } from './state.js';

/** A preset scenario as the API lists it. */
export interface Preset {
  id: string;
  name: string;
  description?: string;
  actions: ScenarioAction[];
}

export function scenarioOf(state: ViewState, preset: Preset | undefined): Scenario {
  const actions: ScenarioAction[] = [...(preset?.actions ?? [])];
  const names: string[] = [];
  if (preset) names.push(preset.name);
  for (const country of state.off) {
    actions.push(state.mode === 'offline' ? { type: 'disableCountry', country } : { type: 'embargo', from: country });
  }
  if (state.off.length > 0) names.push(`${state.off.join(', ')} ${state.mode === 'offline' ? 'offline' : 'embargo'}`);
  if (state.year !== null) {
    actions.push({ type: 'activate', year: state.year });
    names.push(`projects to ${state.year}`);
  }
  return { name: names.join(' + ') || 'baseline', actions };
}
