/**
 * The ranges panel: a button runs an uncertainty ensemble of the current scenario
 * (POST /api/graphs/:id/ensemble, members from its samples field, 200 by default, at most
 * the server's limit of 500) and the panel shows its whiskers per end
 * use (loss-ranges.ts) and the tornado of the picked headline (tornado.ts), under the
 * bound chosen in its select. It keeps its own small state (the last ensemble and the
 * picked end use); the page calls `render()` with the rest and `clear()` when the
 * scenario changes.
 */
import type { Scenario } from '../../../src/scenario/schema.js';
import type { EnsembleResult } from '../../../src/uncertainty/ensemble.js';
import { api } from '../api.js';
import { byId } from '../dom.js';
import { renderLossRanges } from './loss-ranges.js';
import { renderTornado } from './tornado.js';

export interface RangesPanelDeps {
  /** The graph id and scenario of the page now (null before a graph is loaded). */
  current: () => { graph: string; scenario: Scenario } | null;
  setStatus: (text: string, error?: boolean) => void;
  /** Counts work in progress for the page's test hook. */
  busy: (delta: number) => void;
}

export interface RangesPanel {
  render(): void;
  clear(): void;
}

/** The server's limit per request (`ensembleSamples` in src/server/app.ts). */
export const MAX_SAMPLES = 500;

/** The samples field as a whole number in 1..MAX_SAMPLES, or null. */
export function samplesOf(text: string): number | null {
  const n = Number(text.trim() === '' ? Number.NaN : text);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_SAMPLES ? n : null;
}

export function mountRangesPanel(deps: RangesPanelDeps): RangesPanel {
  let result: EnsembleResult | null = null;
  let endUse: string | null = null;
  const render = () => {
    const bound = byId<HTMLSelectElement>('ranges-bound').value;
    renderLossRanges(byId('loss-ranges'), result, bound, (picked) => {
      endUse = picked;
      render();
    });
    renderTornado(byId('tornado'), result, endUse, bound);
  };
  byId('ranges-bound').addEventListener('change', render);
  byId('ranges-run').addEventListener('click', () => {
    const now = deps.current();
    if (!now) return;
    const samples = samplesOf(byId<HTMLInputElement>('ranges-samples').value);
    if (samples === null) {
      deps.setStatus(`Ranges: samples must be a whole number from 1 to ${MAX_SAMPLES}`, true);
      return;
    }
    deps.setStatus(`Computing ranges (${samples} samples)…`);
    deps.busy(1);
    api
      .ensemble(now.graph, now.scenario, samples)
      .then((r) => {
        result = r;
        endUse = null;
        deps.setStatus('');
        render();
      })
      .catch((error: unknown) => deps.setStatus(`Ranges failed: ${error instanceof Error ? error.message : String(error)}`, true))
      .finally(() => deps.busy(-1));
  });
  return {
    render,
    clear: () => {
      result = null;
      endUse = null;
    },
  };
}
