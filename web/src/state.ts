/**
 * The page's state: one plain object, changed only by the small action functions below
 * (each returns a new state; none touches the data). Everything drawn is derived from
 * (data, state).
 */

/** Metrics of the bottleneck table (and its sort keys). */
export const SIZE_METRICS = ['knockoutLoss', 'betweenness', 'flowShare'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
/** What can size the map's nodes: the table's metrics, and the shadow price of capacity in the current scenario's allocation LP. */
export const MAP_METRICS = [...SIZE_METRICS, 'shadowPrice'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export const METRIC_LABELS: Record<MapMetric, string> = {
  knockoutLoss: 'knockout loss',
  betweenness: 'betweenness',
  flowShare: 'flow share',
  shadowPrice: 'shadow price (scenario)',
};

export const MODES = ['offline', 'embargo'] as const;
/** offline: a toggled country's facilities stop; embargo: they stop exporting. */
export type Mode = (typeof MODES)[number];

export interface ViewState {
  /** The graph id (a file in graphs/). */
  graph: string | null;
  /** Countries toggled off, sorted. */
  off: string[];
  mode: Mode;
  /** Include projects (planned, prospective nodes) starting up to this year. */
  year: number | null;
  /** A preset scenario id. */
  preset: string | null;
  /** The metric that sizes the nodes. */
  metric: MapMetric;
  /** Bottleneck table order. */
  sortKey: SizeMetric;
  sortDescending: boolean;
  /** The node whose details are shown. */
  selected: string | null;
}

export const INITIAL_STATE: ViewState = {
  graph: null,
  off: [],
  mode: 'offline',
  year: null,
  preset: null,
  metric: 'knockoutLoss',
  sortKey: 'knockoutLoss',
  sortDescending: true,
  selected: null,
};

export function toggleCountry(state: ViewState, country: string): ViewState {
  const off = state.off.includes(country) ? state.off.filter((c) => c !== country) : [...state.off, country].sort();
  return { ...state, off };
}

export function setMode(state: ViewState, mode: Mode): ViewState {
  return { ...state, mode };
}

export function setYear(state: ViewState, year: number | null): ViewState {
  return { ...state, year };
}

export function setPreset(state: ViewState, preset: string | null): ViewState {
  return { ...state, preset };
}

export function setMetric(state: ViewState, metric: MapMetric): ViewState {
  return { ...state, metric };
}

/** Sorts the bottleneck table by `key`; the same key again flips the direction. */
export function sortBy(state: ViewState, key: SizeMetric): ViewState {
  return key === state.sortKey ? { ...state, sortDescending: !state.sortDescending } : { ...state, sortKey: key, sortDescending: true };
}

export function selectNode(state: ViewState, node: string | null): ViewState {
  return { ...state, selected: node };
}

/** Another graph: its own scenario starts empty. */
export function selectGraph(state: ViewState, graph: string): ViewState {
  return graph === state.graph ? state : { ...reset(state), graph, selected: null };
}

/** Clears the scenario (countries, year, preset); keeps the graph and the display choices. */
export function reset(state: ViewState): ViewState {
  return { ...state, off: [], mode: 'offline', year: null, preset: null };
}
