/**
 * The view in the URL's query string, so a link reproduces it:
 * `?graph=ID&off=CN,AU&mode=embargo&year=2030&preset=ID&metric=betweenness&sort=-flowShare&node=ID`
 * and, for the scenario builder and the views, repeatable `r=TYPE:FROM:TO,..:MATERIAL,..[:SHARE]`
 * (materials URI-encoded inside the value), `p=NODE` (plant offline), `on=NODE` (project
 * online), `title=`, `lens=CC`, `cmp=PRESET` (compared), `weight=value`, `renderer=webgl|canvas`, `view=nodes|aggregated`, `x=GROUP`
 * (expanded), `table=bottlenecks` (the baseline bottleneck table open). Without `metric=` the map is
 * sized by the graph's default (state.ts `defaultMetric`: knockout loss up to KNOCKOUT_DEFAULT_MAX_NODES nodes). Values that do not parse fall back to the defaults: a hand-edited link still opens.
 */
import { INITIAL_STATE, MAP_METRICS, MODES, RENDERERS, SIZE_METRICS, VIEWS, validYear, WEIGHTS, type MapMetric, type MapView, type Mode, type RendererChoice, type Restriction, type SizeMetric, type ViewState, type Weight } from './state.js';

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
  for (const r of state.restrictions) params.append('r', restrictionToText(r));
  for (const node of state.plantsOff) params.append('p', node);
  for (const node of state.plantsOn) params.append('on', node);
  if (state.title) params.set('title', state.title);
  if (state.lens) params.set('lens', state.lens);
  for (const preset of state.compare) params.append('cmp', preset);
  if (state.weight !== INITIAL_STATE.weight) params.set('weight', state.weight);
  if (state.renderer !== INITIAL_STATE.renderer) params.set('renderer', state.renderer);
  if (state.view !== INITIAL_STATE.view) params.set('view', state.view);
  for (const group of state.expanded) params.append('x', group);
  if (state.bottlenecksOpen) params.set('table', 'bottlenecks');
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
  if (params.get('year')) state.year = validYear(year);
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
  state.restrictions = params.getAll('r').map(textToRestriction).filter((r): r is Restriction => r !== null);
  state.plantsOff = [...new Set(params.getAll('p').filter(Boolean))].sort();
  state.plantsOn = [...new Set(params.getAll('on').filter(Boolean))].sort();
  state.title = (params.get('title') ?? '').slice(0, 200);
  const lens = params.get('lens')?.toUpperCase();
  if (lens && COUNTRY.test(lens)) state.lens = lens;
  state.compare = [...new Set(params.getAll('cmp').filter(Boolean))];
  const weight = params.get('weight');
  if (weight && (WEIGHTS as readonly string[]).includes(weight)) state.weight = weight as Weight;
  const renderer = params.get('renderer');
  if (renderer && (RENDERERS as readonly string[]).includes(renderer)) state.renderer = renderer as RendererChoice;
  const view = params.get('view');
  if (view && (VIEWS as readonly string[]).includes(view)) state.view = view as MapView;
  state.expanded = [...new Set(params.getAll('x').filter((g) => /^(stage|country):./.test(g)))].sort();
  state.bottlenecksOpen = params.get('table') === 'bottlenecks';
  return state;
}

/** `embargo:CN:US,JP:Dy%20oxide,Tb%20oxide` or `cap:CN::NdFeB%20magnet:0.5`. */
export function restrictionToText(r: Restriction): string {
  const parts = [r.type, r.from, r.to.join(','), r.materials.map(encodeURIComponent).join(',')];
  if (r.type === 'cap') parts.push(String(r.share));
  return parts.join(':');
}

/** The restriction a `r=` value describes, or null when it does not parse. */
export function textToRestriction(text: string): Restriction | null {
  const [type, from = '', to = '', materials = '', share = ''] = text.split(':');
  if ((type !== 'embargo' && type !== 'cap') || !COUNTRY.test(from)) return null;
  const countries = to ? to.split(',') : [];
  if (countries.some((c) => !COUNTRY.test(c))) return null;
  let list: string[];
  try {
    list = materials ? materials.split(',').map(decodeURIComponent) : [];
  } catch {
    return null;
  }
  const value = type === 'cap' ? Number(share) : 0;
  if (type === 'cap' && (share === '' || !(value >= 0 && value <= 1))) return null;
  return { type, from, to: countries, materials: list, share: value };
}
