/**
 * The scenario the page's state asks for, in the scenario file format the server
 * evaluates: the preset's actions (unless it does not apply to the graph), then one action per country toggled off (offline:
 * `disableCountry`; embargo: `embargo` from that country to every other), then
 * `activate {year}` when projects are included.
 */
import type { GraphPreset } from '../../src/io/read-scenario.js';
import type { Scenario, ScenarioAction } from '../../src/scenario/schema.js';
import type { ViewState } from './state.js';

/** A preset scenario as the API lists it (`error` when it does not apply to the graph). */
export type Preset = GraphPreset;

export function scenarioOf(state: ViewState, preset: Preset | undefined): Scenario {
  const usable = preset && !preset.error ? preset : undefined;
  const actions: ScenarioAction[] = [...(usable?.actions ?? [])];
  const names: string[] = [];
  if (usable) names.push(usable.name);
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
