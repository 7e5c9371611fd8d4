/**
 * The scenario the page's state asks for, in the scenario file format the server
 * evaluates (and `chokepoint scenario --scenario FILE` reads): the preset's actions
 * (unless it does not apply to the graph), then one action per country toggled off
 * (offline: `disableCountry`; embargo: `embargo` from that country to every other), the
 * built export restrictions (`embargo`, `cap` with `to` and `materials` when given), the
 * plants taken offline (`disableNode`), the projects brought online (`activate
 * {nodes}`), then `activate {year}` when projects are included. The name is the title,
 * or one made from the parts.
 */
import type { GraphPreset } from '../../src/io/read-scenario.js';
import type { Scenario, ScenarioAction } from '../../src/scenario/schema.js';
import type { Restriction, ViewState } from './state.js';

/** A preset scenario as the API lists it (`error` when it does not apply to the graph). */
export type Preset = GraphPreset;

/** The action a built restriction stands for. */
export function restrictionAction(r: Restriction): ScenarioAction {
  const filters = { ...(r.to.length > 0 ? { to: r.to } : {}), ...(r.materials.length > 0 ? { materials: r.materials } : {}) };
  return r.type === 'cap' ? { type: 'cap', from: r.from, share: r.share, ...filters } : { type: 'embargo', from: r.from, ...filters };
}

/** A restriction in words: `CN embargoes US on Dy oxide, Tb oxide`. */
export function describeRestriction(r: Restriction): string {
  const to = r.to.length > 0 ? r.to.join(', ') : 'all';
  const on = r.materials.length > 0 ? ` on ${r.materials.join(', ')}` : '';
  return r.type === 'cap' ? `${r.from} caps exports to ${to} at ${Math.round(r.share * 100)}%${on}` : `${r.from} embargoes ${to}${on}`;
}

export function scenarioOf(state: ViewState, preset: Preset | undefined): Scenario {
  const usable = preset && !preset.error ? preset : undefined;
  const actions: ScenarioAction[] = [...(usable?.actions ?? [])];
  const names: string[] = [];
  if (usable) names.push(usable.name);
  for (const country of state.off) {
    actions.push(state.mode === 'offline' ? { type: 'disableCountry', country } : { type: 'embargo', from: country });
  }
  if (state.off.length > 0) names.push(`${state.off.join(', ')} ${state.mode === 'offline' ? 'offline' : 'embargo'}`);
  for (const r of state.restrictions) {
    actions.push(restrictionAction(r));
    names.push(describeRestriction(r));
  }
  for (const node of state.plantsOff) actions.push({ type: 'disableNode', node });
  if (state.plantsOff.length > 0) names.push(`${state.plantsOff.length} plant(s) offline`);
  if (state.plantsOn.length > 0) {
    actions.push({ type: 'activate', nodes: [...state.plantsOn] });
    names.push(`${state.plantsOn.length} project(s) online`);
  }
  if (state.year !== null) {
    actions.push({ type: 'activate', year: state.year });
    names.push(`projects to ${state.year}`);
  }
  const title = state.title.trim();
  return { name: title || names.join(' + ') || 'baseline', actions };
}
