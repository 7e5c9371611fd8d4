import { describe, expect, it } from 'vitest';
import * as s from '../../web/src/state.js';

const base = { ...s.INITIAL_STATE, graph: 'g' };

describe('state actions', () => {
  it('toggles a country on and off, keeping the list sorted', () => {
    const a = s.toggleCountry(s.toggleCountry(base, 'US'), 'CN');
    expect(a.off).toEqual(['CN', 'US']);
    expect(s.toggleCountry(a, 'US').off).toEqual(['CN']);
    expect(base.off).toEqual([]);
  });

  it('opens and closes the bottleneck table, the same state when unchanged', () => {
    const open = s.setBottlenecksOpen(base, true);
    expect(open.bottlenecksOpen).toBe(true);
    expect(s.setBottlenecksOpen(open, true)).toBe(open);
    expect(s.setBottlenecksOpen(open, false).bottlenecksOpen).toBe(false);
  });

  it('sorts by a key, flipping direction on the same key', () => {
    const a = s.sortBy(base, 'betweenness');
    expect([a.sortKey, a.sortDescending]).toEqual(['betweenness', true]);
    expect(s.sortBy(a, 'betweenness').sortDescending).toBe(false);
  });

  it('resets the scenario but keeps graph and display choices', () => {
    const busy = { ...base, off: ['CN'], mode: 'embargo' as const, year: 2030, preset: 'p', metric: 'flowShare' as const, selected: 'n' };
    expect(s.reset(busy)).toEqual({ ...base, metric: 'flowShare', selected: 'n' });
  });

  it('starts a new graph with an empty scenario and no selection', () => {
    const busy = { ...base, off: ['CN'], selected: 'n' };
    expect(s.selectGraph(busy, 'h')).toMatchObject({ graph: 'h', off: [], selected: null });
    expect(s.selectGraph(busy, 'g')).toBe(busy);
  });
});
