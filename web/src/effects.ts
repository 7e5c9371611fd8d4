/**
 * What a scenario result did to the drawn elements, read from its `changes` (one entry
 * per action, listing the nodes and edges it touched). Pure.
 */
import type { ScenarioResult } from '../../src/scenario/evaluate.js';
import { NO_EFFECTS, type ScenarioEffects } from './elements.js';

export function effectsOf(result: ScenarioResult | null | undefined): ScenarioEffects {
  if (!result) return NO_EFFECTS;
  const disabled = new Set<string>();
  const activated = new Set<string>();
  const cut = new Set<string>();
  for (const change of result.changes) {
    switch (change.type) {
      case 'disableCountry':
      case 'disableNode':
        change.nodes.forEach((n) => disabled.add(n));
        break;
      case 'embargo':
      case 'cap':
        change.edges.forEach((e) => cut.add(e));
        break;
      case 'activate':
        change.nodes.forEach((n) => activated.add(n));
        break;
      default:
        break;
    }
  }
  return { disabledNodes: [...disabled].sort(), activatedNodes: [...activated].sort(), cutEdges: [...cut].sort() };
}
