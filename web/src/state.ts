/**
 * The page's state: one plain object, changed only by the small action functions below
 * (each returns a new state; none touches the data). Everything drawn is derived from
 * (data, state).
 */
import { WEIGHTS, type Weight } from '../../src/scenario/value.js';

/** What losses are read in: tonnes, or value (USD/yr at the graph's prices): the core's list (`src/scenario/value.ts`). */
export { WEIGHTS, type Weight };

/** Metrics of the bottleneck table (and its sort keys). */
export const SIZE_METRICS = ['knockoutLoss', 'betweenness', 'flowShare'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
/** What can size the map's nodes: the table's metrics, and the shadow price of capacity in the current scenario's allocation LP. */
export const MAP_METRICS = [...SIZE_METRICS, 'shadowPrice'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/**
 * What sizes the map's nodes in the state: a metric the user (or a `metric=` link) chose, or
 * `auto`, the graph's default (`defaultMetric`).
 */
export type MetricChoice = 'auto' | MapMetric;

/**
 * Graphs with at most this many nodes open sized by knockout loss (the product is a
 * bottleneck map); bigger ones by flow share, the knockout table being computed on demand
 * there (page/knockout.ts: when a view shows it). The knockout table is one max flow per
 * node, so its cost grows faster than the node count: the server measured ~2.7 s of CPU on a
 * generated 10,000-node graph; at 2,000 nodes it is a small fraction of that (the shipped
 * dataset has 156 nodes).
 */
export const KNOCKOUT_DEFAULT_MAX_NODES = 2000;

/** What the legend and the size control say on a graph above KNOCKOUT_DEFAULT_MAX_NODES nodes. */
export const KNOCKOUT_ON_DEMAND_NOTE = `knockout loss: computed on demand on graphs above ${KNOCKOUT_DEFAULT_MAX_NODES.toLocaleString('en-US')} nodes`;

/** The default size of a graph with `nodes` nodes: knockout loss up to KNOCKOUT_DEFAULT_MAX_NODES, flow share above. */
export function defaultMetric(nodes: number): MapMetric {
  return nodes <= KNOCKOUT_DEFAULT_MAX_NODES ? 'knockoutLoss' : 'flowShare';
}

/** The metric that sizes the map of a graph with `nodes` nodes: the chosen one, else the graph's default. */
export function mapMetric(state: Pick<ViewState, 'metric'>, nodes: number): MapMetric {
  return state.metric === 'auto' ? defaultMetric(nodes) : state.metric;
}

export const METRIC_LABELS: Record<MapMetric, string> = {
  knockoutLoss: 'knockout loss',
  betweenness: 'betweenness',
  flowShare: 'flow share',
  shadowPrice: 'shadow price (scenario)',
};

export const MODES = ['offline', 'embargo'] as const;
/** offline: a toggled country's facilities stop; embargo: they stop exporting. */
export type Mode = (typeof MODES)[number];

/** Years the page accepts for "projects up to year" (outside: refused, not clamped). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A year inside [MIN_YEAR, MAX_YEAR], or null. */
export function validYear(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR ? value : null;
}

/**
 * An export restriction built in the page: an embargo (share 0) or a cap (a quota of
 * `share` of the baseline flow) from one country, to the listed countries (all others
 * when empty), on the listed materials (all when empty).
 */
export interface Restriction {
  type: 'embargo' | 'cap';
  from: string;
  to: string[];
  materials: string[];
  /** Cap only: the share of baseline flow that may still pass, 0..1. */
  share: number;
}


/** Which renderer draws the map: chosen by the graph and the browser (`auto`, renderer.ts), or forced. */
export const RENDERERS = ['auto', 'webgl', 'canvas'] as const;
export type RendererChoice = (typeof RENDERERS)[number];

/** How the map draws the graph: each node, or one node per country and stage. */
export const VIEWS = ['auto', 'nodes', 'aggregated'] as const;
export type MapView = (typeof VIEWS)[number];

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
  /** The metric that sizes the nodes: chosen, or `auto` (the graph's default, `mapMetric`). */
  metric: MetricChoice;
  /** Bottleneck table order. */
  sortKey: SizeMetric;
  sortDescending: boolean;
  /** The node whose details are shown. */
  selected: string | null;
  /** Export restrictions (embargo, cap) built in the page. */
  restrictions: Restriction[];
  /** Plants taken offline from the node panel (disableNode). */
  plantsOff: string[];
  /** Projects brought online from the node panel (activate by node). */
  plantsOn: string[];
  /** The scenario's title (empty: a name made from its actions). */
  title: string;
  /** Country lens: read the results for this country's end uses (null = the world). */
  lens: string | null;
  /** Preset ids compared side by side with the current scenario. */
  compare: string[];
  /** Read losses in tonnes or in value (the graph must have prices). */
  weight: Weight;
  /** The map's renderer: `auto` (WebGL for a big graph on hardware WebGL), or forced (URL only). */
  renderer: RendererChoice;
  /** Map view: 'auto' aggregates above AGGREGATE_THRESHOLD nodes. */
  view: MapView;
  /** Whether the baseline bottleneck table is open (it shows the knockout loss, asked for only then: page/knockout.ts). */
  bottlenecksOpen: boolean;
  /** In the aggregated view, groups shown node by node: `stage:NAME` or `country:CC`. */
  expanded: string[];
}

export const INITIAL_STATE: ViewState = {
  graph: null,
  off: [],
  mode: 'offline',
  year: null,
  preset: null,
  // The graph's default (`defaultMetric`): knockout loss on graphs up to
  // KNOCKOUT_DEFAULT_MAX_NODES nodes, flow share above (the knockout table on demand there).
  metric: 'auto',
  sortKey: 'knockoutLoss',
  sortDescending: true,
  selected: null,
  restrictions: [],
  plantsOff: [],
  plantsOn: [],
  title: '',
  lens: null,
  compare: [],
  weight: 'tonnes',
  renderer: 'auto',
  view: 'auto',
  bottlenecksOpen: false,
  expanded: [],
};

export function toggleCountry(state: ViewState, country: string): ViewState {
  const off = state.off.includes(country) ? state.off.filter((c) => c !== country) : [...state.off, country].sort();
  return { ...state, off };
}

export function setMode(state: ViewState, mode: Mode): ViewState {
  return { ...state, mode };
}

/** Sets the year; one outside [MIN_YEAR, MAX_YEAR] or fractional clears it. */
export function setYear(state: ViewState, year: number | null): ViewState {
  return { ...state, year: validYear(year) };
}

const sortedToggle = (list: readonly string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item].sort());

export function addRestriction(state: ViewState, restriction: Restriction): ViewState {
  const clean: Restriction = {
    type: restriction.type,
    from: restriction.from,
    to: [...new Set(restriction.to)].filter((c) => c !== restriction.from).sort(),
    materials: [...new Set(restriction.materials)].sort(),
    share: restriction.type === 'cap' ? Math.min(1, Math.max(0, restriction.share)) : 0,
  };
  return { ...state, restrictions: [...state.restrictions, clean] };
}

export function removeRestriction(state: ViewState, index: number): ViewState {
  return { ...state, restrictions: state.restrictions.filter((_r, i) => i !== index) };
}

/** Changes a cap's share (the slider); an embargo stays an embargo. */
export function setShare(state: ViewState, index: number, share: number): ViewState {
  return { ...state, restrictions: state.restrictions.map((r, i) => (i === index && r.type === 'cap' ? { ...r, share: Math.min(1, Math.max(0, share)) } : r)) };
}

/** Takes an operating plant offline, or back online. */
export function togglePlant(state: ViewState, node: string): ViewState {
  return { ...state, plantsOff: sortedToggle(state.plantsOff, node) };
}

/** Brings a project online by itself, or takes it back out. */
export function toggleProject(state: ViewState, node: string): ViewState {
  return { ...state, plantsOn: sortedToggle(state.plantsOn, node) };
}

export function setTitle(state: ViewState, title: string): ViewState {
  return { ...state, title: title.slice(0, 200) };
}

export function setLens(state: ViewState, lens: string | null): ViewState {
  return { ...state, lens };
}

/** Adds or removes a preset from the comparison. */
export function toggleCompare(state: ViewState, preset: string): ViewState {
  return { ...state, compare: state.compare.includes(preset) ? state.compare.filter((p) => p !== preset) : [...state.compare, preset] };
}

export function setWeight(state: ViewState, weight: Weight): ViewState {
  return { ...state, weight };
}

export function setView(state: ViewState, view: MapView): ViewState {
  return { ...state, view };
}

/** Expands (or folds back) a stage or country group of the aggregated view: `stage:NAME`, `country:CC`. */
export function toggleExpanded(state: ViewState, group: string): ViewState {
  return { ...state, expanded: sortedToggle(state.expanded, group) };
}

/** Opens or closes the baseline bottleneck table (the same state when nothing changes). */
export function setBottlenecksOpen(state: ViewState, open: boolean): ViewState {
  return state.bottlenecksOpen === open ? state : { ...state, bottlenecksOpen: open };
}

export function setPreset(state: ViewState, preset: string | null): ViewState {
  return { ...state, preset };
}

export function setMetric(state: ViewState, metric: MetricChoice): ViewState {
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
  return graph === state.graph ? state : { ...reset(state), graph, selected: null, lens: null, compare: [], expanded: [] };
}

/** Clears the scenario (countries, year, preset, restrictions, plants, title); keeps the graph, lens, weight, comparison and display choices. */
export function reset(state: ViewState): ViewState {
  return { ...state, off: [], mode: 'offline', year: null, preset: null, restrictions: [], plantsOff: [], plantsOn: [], title: '' };
}

/** Whether two states ask for different scenarios (or lens, weight, or comparison): a re-evaluation is needed. */
export function scenarioChanged(a: ViewState, b: ViewState): boolean {
  return (
    a.off !== b.off ||
    a.mode !== b.mode ||
    a.year !== b.year ||
    a.preset !== b.preset ||
    a.restrictions !== b.restrictions ||
    a.plantsOff !== b.plantsOff ||
    a.plantsOn !== b.plantsOn ||
    a.lens !== b.lens ||
    a.weight !== b.weight ||
    a.compare !== b.compare
  );
}
