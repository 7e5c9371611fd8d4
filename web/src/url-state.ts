/**
 * The view in the URL's query string, so a link reproduces it:
 * `?graph=ID&off=CN,AU&mode=embargo&year=2030&preset=ID&metric=betweenness&sort=-flowShare&node=ID`.
 * Values that do not parse fall back to the defaults: a hand-edited link still opens.
 */
import { INITIAL_STATE, MAP_METRICS, MODES, SIZE_METRICS, type MapMetric, type Mode, type SizeMetric, type ViewState } from './state.js';

const COUNTRY = /^[A-Z]{2}$/;

function isMetric(value: string): value is SizeMetric {
  return (SIZE_METRICS as readonly string[]).includes(value);
}

function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

/** The query string (with `?`, or '' when everything is default) for a state. */
export function stateToQuery(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.graph) params.set('graph', state.graph);
  if (state.off.length > 0) params.set('off', state.off.join(','));
  if (state.mode !== INITIAL_STATE.mode) params.set('mode', state.mode);
  if (state.year !== null) params.set('year', String(state.year));
  if (state.preset) params.set('preset', state.preset);
  if (state.metric !== INITIAL_STATE.metric) params.set('metric', state.metric);
  if (state.sortKey !== INITIAL_STATE.sortKey || state.sortDescending !== INITIAL_STATE.sortDescending) {
    params.set('sort', `${state.sortDescending ? '-' : ''}${state.sortKey}`);
  }
  if (state.selected) params.set('node', state.selected);
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/** The state a query string describes. */
export function queryToState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...INITIAL_STATE, off: [] };
  const graph = params.get('graph');
  if (graph) state.graph = graph;
  const off = params.get('off');
  if (off) state.off = [...new Set(off.split(',').map((c) => c.trim().toUpperCase()))].filter((c) => COUNTRY.test(c)).sort();
  const mode = params.get('mode');
  if (mode && isMode(mode)) state.mode = mode;
  const year = Number(params.get('year') ?? '');
  if (params.get('year') && Number.isInteger(year)) state.year = year;
  const preset = params.get('preset');
  if (preset) state.preset = preset;
  const metric = params.get('metric');
  if (metric && (MAP_METRICS as readonly string[]).includes(metric)) state.metric = metric as MapMetric;
  const sort = params.get('sort');
  if (sort) {
    const key = sort.replace(/^-/, '');
    if (isMetric(key)) {
      state.sortKey = key;
      state.sortDescending = sort.startsWith('-');
    }
  }
  const node = params.get('node');
  if (node) state.selected = node;
  return state;
}
