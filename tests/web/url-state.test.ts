import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, KNOCKOUT_DEFAULT_MAX_NODES, mapMetric, type ViewState } from '../../web/src/state.js';
import { queryToState, stateToQuery } from '../../web/src/url-state.js';

describe('url state', () => {
  it('round-trips a full view', () => {
    const state: ViewState = { ...INITIAL_STATE, graph: 'rare-earths-2024', off: ['AU', 'CN'], mode: 'embargo', year: 2030, preset: 'china-export-ban', metric: 'betweenness', sortKey: 'flowShare', sortDescending: false, selected: 'cn-mine' };
    const query = stateToQuery(state);
    expect(query).toBe('?graph=rare-earths-2024&off=AU,CN&mode=embargo&year=2030&preset=china-export-ban&metric=betweenness&sort=flowShare&node=cn-mine');
    expect(queryToState(query)).toEqual(state);
  });

  it('writes nothing for the default view', () => {
    expect(stateToQuery(INITIAL_STATE)).toBe('');
    expect(queryToState('')).toEqual(INITIAL_STATE);
  });

  it('ignores values that do not parse, keeping the defaults', () => {
    const state = queryToState('?off=cn,XYZ,12,,CN&mode=nuke&year=soon&metric=pagerank&sort=-nope');
    expect(state.off).toEqual(['CN']);
    expect(state.mode).toBe('offline');
    expect(state.year).toBeNull();
    expect(state.metric).toBe(INITIAL_STATE.metric);
    expect(state.sortKey).toBe(INITIAL_STATE.sortKey);
  });

  it('keeps the value reading (weight=value) and ignores an unknown weight', () => {
    const state: ViewState = { ...INITIAL_STATE, graph: 'g', weight: 'value', lens: 'US' };
    expect(stateToQuery(state)).toBe('?graph=g&lens=US&weight=value');
    expect(queryToState('?graph=g&lens=US&weight=value')).toEqual(state);
    expect(queryToState('?weight=euros').weight).toBe('tonnes');
    expect(queryToState('?renderer=webgl').renderer).toBe('webgl');
    expect(stateToQuery({ ...INITIAL_STATE, renderer: 'canvas' })).toBe('?renderer=canvas');
    expect(queryToState('?renderer=svg').renderer).toBe('auto');
  });

  it('without metric= the default of the graph sizes the map (knockout loss up to the threshold, flow share above); metric= wins', () => {
    const plain = queryToState('?graph=g');
    expect(plain.metric).toBe('auto');
    expect(stateToQuery(plain)).toBe('?graph=g');
    expect(mapMetric(plain, KNOCKOUT_DEFAULT_MAX_NODES)).toBe('knockoutLoss');
    expect(mapMetric(plain, KNOCKOUT_DEFAULT_MAX_NODES + 1)).toBe('flowShare');
    for (const nodes of [KNOCKOUT_DEFAULT_MAX_NODES, KNOCKOUT_DEFAULT_MAX_NODES + 1]) {
      expect(mapMetric(queryToState('?graph=g&metric=flowShare'), nodes)).toBe('flowShare');
      expect(mapMetric(queryToState('?graph=g&metric=knockoutLoss'), nodes)).toBe('knockoutLoss');
      expect(mapMetric(queryToState('?graph=g&metric=betweenness'), nodes)).toBe('betweenness');
    }
    expect(stateToQuery({ ...plain, metric: 'flowShare' })).toBe('?graph=g&metric=flowShare');
    expect(queryToState('?metric=auto').metric).toBe('auto');
  });

  it('keeps the bottleneck table open (table=bottlenecks) and a link to the knockout sizing', () => {
    const state: ViewState = { ...INITIAL_STATE, graph: 'g', bottlenecksOpen: true, metric: 'knockoutLoss' };
    expect(stateToQuery(state)).toBe('?graph=g&metric=knockoutLoss&table=bottlenecks');
    expect(queryToState('?graph=g&metric=knockoutLoss&table=bottlenecks')).toEqual(state);
    expect(queryToState('?table=other').bottlenecksOpen).toBe(false);
  });

  it('escapes ids with special characters', () => {
    const state = { ...INITIAL_STATE, graph: 'a&b=c', selected: 'node #1' };
    expect(queryToState(stateToQuery(state))).toEqual(state);
  });
});
