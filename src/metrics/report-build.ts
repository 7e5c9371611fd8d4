/**
 * The metrics report: every metric of `report-types.ts` for one graph, in the stable JSON
 * shape of `chokepoint metrics` and the server. Orchestrates; each metric lives in its own
 * file and is documented there (and in docs/metrics.md). The options are report-options.ts;
 * report.ts is the library's entry (`buildMetrics`, `computeMetrics`), which passes this
 * module the allocation LP behind shadowPrice: this module does not import the LP code, so
 * a caller that does not ask for shadowPrice never loads the LP solver (HiGHS, a WebAssembly
 * module instantiated when src/allocation/highs-adapter.ts is imported; the CLI imports it
 * only for shadowPrice).
 *
 * On a generic graph (nodes without stage or country, edges without flow:
 * model/supply-chain.ts) the default metrics are those it supports (METRIC_NEEDS), with a
 * note naming the ones left out; a metric named explicitly that needs what the graph
 * lacks is a UsageError. `closeness` and `components` are computed only when named.
 *
 * Every metric is computed on the active graph (operating nodes only): the graph is
 * indexed once (model/graph-index.ts `indexGraph`, or the caller's index) and every metric
 * reads its operating part (`operatingIndex`, the nodes and edges `activeSubgraph` keeps),
 * by the metric files' `...OfIndex` functions; only shadowPrice (the LP builder) copies
 * the active graphology graph. The graph may also come as a MetricsSource (its index and
 * attributes, no graphology graph: a file read straight into the index), which gives the
 * same report except for what reads the graph (`metricsNeedGraph`). The report still lists every node and edge, inactive
 * ones with 0 / false values and their `status`. Only the metrics named in `metrics` are computed (default: all but shadowPrice, an LP);
 * `supply.maxFlow` comes with knockoutLoss or minCut (it is their baseline), and
 * `stages` with concentration or supplyRisk. `weight`, `sample`, `seed`, `normalized`,
 * `endpoints` and `undirected` go to betweenness (weight = an edge attribute read as a
 * length) and are refused without it; `alpha` goes to PageRank; `sources`, `targets` and
 * `capacity` choose the maximum flow behind maxFlow, minCut and knockoutLoss
 * (`max-flow.ts` MaxFlowOptions).
 * The graph is not changed.
 */
import { UsageError } from '../model/errors.js';
import { activeSubgraph, edgeCapacity, nodeLabel, type SupplyGraph } from '../model/graph.js';
import { indexGraph, operatingIndex, statusOf, type GraphIndex } from '../model/graph-index.js';
import { edgeAttributeReader, graphologyEdgeOrder, type EdgeAttributeReader } from '../model/index-graphology.js';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../model/schema.js';
import { stagesOf } from '../model/stages.js';
import { betweennessOfIndex, betweennessPlan, type BetweennessPlan, type BetweennessResult, type PlanOptions } from './centrality/betweenness.js';
import { degreeOfIndex } from './centrality/degree.js';
import { pagerankOfIndex } from './centrality/pagerank.js';
import { stageConcentrationOfIndex } from './concentration/stage-concentration.js';
import { supplyRiskOfShares, type SupplyRiskResult } from './concentration/supply-risk.js';
import { knockoutOfSolved, type KnockoutResult } from './flow/knockout.js';
import { minimumCut, solveIndexWithOptions, type MaxFlowOptions, type MinimumCut, type SolvedFlow } from './flow/max-flow.js';
import { nodeOriginsOfIndex } from './flow/origin.js';
import { flowShareOfIndex, throughputOfIndex } from './flow/throughput.js';
import type { AllocationResult, solveAllocation } from '../allocation/solve-allocation.js';
import { closenessOfIndex } from './centrality/closeness.js';
import { componentsOfIndex } from './graph/components.js';
import { hasCountry, hasFlow, hasStage } from '../model/supply-chain.js';
import { unitOf } from '../model/units.js';
import { metricsFor, pagerankOptionsOf, resolveOptions, type MetricsOptions } from './report-options.js';
import { METRIC_NAMES, type CountryMetrics, type EdgeMetrics, type MetricName, type MetricsReport, type NodeMetrics, type StageConcentration } from './report-types.js';

export interface MetricsResult {
  report: MetricsReport;
  /** Things a reader should know (why a value is null, a flow that is 0), one line each. */
  notes: string[];
}

/** Total `flow` on the edges into sinks (nodes with no out-edge) of the active graph. */
export function observedSupply(active: SupplyGraph): number {
  return observedSupplyOfIndex(indexGraph(active));
}

/** `observedSupply` on a graph index (pass the operating index; summed in graphology's edge order, so bit for bit the same). */
export function observedSupplyOfIndex(active: GraphIndex): number {
  const { inEdges } = graphologyEdgeOrder(active);
  let total = 0;
  for (let v = 0; v < active.n; v++) {
    if ((active.outDegree[v] as number) > 0) continue;
    for (let p = active.inOffsets[v] as number; p < (active.inOffsets[v + 1] as number); p++) total += active.edgeFlow[inEdges[p] as number] as number;
  }
  return total;
}

/**
 * Work a caller may do ahead of `buildMetrics`, elsewhere: the graph index (built once
 * per loaded graph, `indexGraph`) and its operating part (`operatingIndex`), betweenness
 * (the CLI runs it on worker threads: `betweennessJob`) and the knockout table.
 */
export interface PrecomputedMetrics {
  /** `indexGraph(graph)`. */
  index?: GraphIndex;
  /** `operatingIndex(index)`: the nodes and edges every metric is computed on. */
  active?: GraphIndex;
  betweenness?: BetweennessResult;
  /** The maximum flow of the active graph with the report's flow options (`metricsFlow`; the CLI solves it once for the knockout threads and the report). */
  flow?: SolvedFlow;
  /** The knockout table of the active graph (the CLI computes it on worker threads, knockout-parallel.ts). */
  knockout?: KnockoutResult;
}

/**
 * What the report reads of a graph: its index (every node and edge) and the graph's
 * attributes, plus the graphology graph when there is one. Without it (a graph streamed
 * straight into its index: io/stream-graph.ts `streamGraphIndex`) the report is the same,
 * byte for byte, except what needs attributes the index does not carry: shadowPrice (the
 * LP builder reads a graphology graph) and edge attributes named by `weight`,
 * `pagerankWeight` (other than flow) or `capacity` (`metricsNeedGraph`), which are then
 * UsageErrors.
 */
export interface MetricsSource {
  index: GraphIndex;
  attributes: GraphAttributes;
  graph?: SupplyGraph;
}

const isSource = (graph: SupplyGraph | MetricsSource): graph is MetricsSource => 'index' in graph && 'attributes' in graph && typeof (graph as { order?: unknown }).order !== 'number';

/** The source of `graph`: as given, or the graph with its index (from `precomputed`, else built now). */
function sourceOf(graph: SupplyGraph | MetricsSource, precomputed: PrecomputedMetrics): MetricsSource {
  if (isSource(graph)) return graph;
  return { index: precomputed.index ?? indexGraph(graph), attributes: graph.getAttributes(), graph };
}

/** The index of the source and its operating part, from `precomputed` where given. */
function indexesOf(source: MetricsSource, precomputed: PrecomputedMetrics): { index: GraphIndex; active: GraphIndex } {
  const index = precomputed.index ?? source.index;
  return { index, active: precomputed.active ?? operatingIndex(index) };
}

/** Reads edge attributes the index does not carry, from the graph; none without one (the metrics then refuse such names). */
const readerOf = (source: MetricsSource, active: GraphIndex): EdgeAttributeReader | undefined => (source.graph ? edgeAttributeReader(source.graph, active) : undefined);

/**
 * The betweenness computation `buildMetrics(graph, options)` needs, for a caller that
 * wants to run it itself (betweenness-parallel.ts `runBetweennessPlan`): the plan on the
 * operating index, and the index and operating index it was made from (pass them back
 * in PrecomputedMetrics); null when betweenness is not asked for. Checks the options as
 * `buildMetrics` does. `graph` may be a MetricsSource (an index without its graph).
 * `planOptions.edges: false` leaves edge betweenness out (a caller that writes no edge
 * rows: the CLI's --table nodes, stages or countries); the report's edge rows then have
 * no `betweenness` field.
 */
export function betweennessJob(graph: SupplyGraph | MetricsSource, options: MetricsOptions = {}, precomputed: PrecomputedMetrics = {}, planOptions: PlanOptions = {}): { plan: BetweennessPlan; index: GraphIndex; active: GraphIndex } | null {
  const { metrics, betweenness: betweennessOptions } = resolveOptions(options);
  if (!metrics.has('betweenness')) return null;
  const source = sourceOf(graph, precomputed);
  const { index, active } = indexesOf(source, precomputed);
  return { plan: betweennessPlan(active, betweennessOptions, readerOf(source, active), planOptions), index, active };
}

/**
 * The maximum flow behind maxFlow, minCut and knockoutLoss (the report's sources, targets
 * and capacity) on the operating index, for a caller that computes the knockout table
 * itself (pass it back in PrecomputedMetrics.flow, with the index it was solved on).
 */
export function metricsFlow(graph: SupplyGraph | MetricsSource, options: MetricsOptions = {}, precomputed: PrecomputedMetrics = {}): SolvedFlow {
  const source = sourceOf(graph, precomputed);
  const { index, active } = indexesOf(source, precomputed);
  const flowOptions: MaxFlowOptions = {};
  if (options.sources !== undefined) flowOptions.sources = options.sources;
  if (options.targets !== undefined) flowOptions.targets = options.targets;
  if (options.capacity !== undefined) flowOptions.capacity = options.capacity;
  return solveIndexWithOptions(active, flowOptions, index.index, readerOf(source, active));
}

/** Progress of the long parts, for a caller that shows it (the CLI's progress bars). */
export interface MetricsProgress {
  /** Knockout removals done, of `total` (every node, then every country). */
  knockout?: (done: number, total: number) => void;
}

/**
 * The allocation LP behind shadowPrice (src/allocation/solve-allocation.ts
 * `solveAllocation`), passed in (MetricsHooks) so this module does not load the LP solver.
 */
export type AllocationSolver = typeof solveAllocation;

/** What `buildMetricsReport` is given besides the graph: progress callbacks, and the LP when shadowPrice is asked. */
export interface MetricsHooks extends MetricsProgress {
  /** Needed when shadowPrice is computed (report.ts `buildMetrics` passes `solveAllocation`). */
  allocation?: AllocationSolver;
}

/**
 * The report and its notes (see the header). The graph is indexed once (or the index
 * comes from `precomputed`, or `graph` is a MetricsSource: an index without its graph),
 * and every metric reads its operating part; only shadowPrice (the allocation LP,
 * src/allocation/) still builds the active graphology graph. Rows are written from the
 * index (keys, labels, stages, countries, statuses, materials, flows, capacities); with a
 * graphology graph the node and edge rows read its attributes, as they always did.
 */
export function buildMetricsReport(graph: SupplyGraph | MetricsSource, options: MetricsOptions = {}, precomputed: PrecomputedMetrics = {}, hooks: MetricsHooks = {}): MetricsResult {
  const { betweenness: betweennessOptions, metrics: resolved } = resolveOptions(options);
  const notes: string[] = [];
  const source = sourceOf(graph, precomputed);
  const { index, active } = indexesOf(source, precomputed);
  const metrics = metricsFor(source.graph ?? index, options.metrics === undefined ? undefined : [...resolved], notes);
  const has = (name: MetricName) => metrics.has(name);
  const read = readerOf(source, active);
  const attributes = source.attributes;

  const between: BetweennessResult | null = has('betweenness') ? (precomputed.betweenness ?? betweennessOfIndex(active, betweennessOptions, read)) : null;
  const flows = has('throughput') || has('flowShare') || has('concentration') || has('supplyRisk') ? throughputOfIndex(active) : null;
  const shares = has('flowShare') && flows ? flowShareOfIndex(active, flows) : null;
  const degrees = has('degree') ? degreeOfIndex(active) : null;
  const ranks = has('pagerank') ? pagerankOfIndex(active, pagerankOptionsOf(options), read) : null;
  const origins = has('origin') ? nodeOriginsOfIndex(active) : null;
  const close = has('closeness') ? closenessOfIndex(active) : null;
  const parts = has('components') ? componentsOfIndex(active) : null;

  let maxFlow: number | undefined;
  let cut: MinimumCut | null = null;
  let knockout: KnockoutResult | null = null;
  if (has('knockoutLoss') || has('minCut')) {
    const solved = precomputed.flow ?? metricsFlow(source, options, { index, active });
    maxFlow = solved.value;
    if (has('minCut')) cut = minimumCut(solved);
    if (has('knockoutLoss')) knockout = precomputed.knockout ?? knockoutOfSolved(solved, 'warm-start', hooks.knockout);
    if (maxFlow === 0) notes.push('maxFlow is 0: nothing can reach a sink, so every knockoutLoss is 0 and the minimum cut is trivial');
  }

  let prices: AllocationResult['shadowPrice'] | null = null;
  if (has('shadowPrice')) {
    const graph = source.graph;
    if (graph === undefined) throw new UsageError('metrics: shadowPrice needs the graphology graph (the allocation LP reads it), not only its index');
    // Sinks take up to their stated demand, unlimited without one: which capacities would
    // bind if the end uses took more (with their observed in-flow as the cap, no capacity
    // binds in the baseline and every price is 0).
    // The LP builder (src/allocation/) still reads a graphology graph: the one place the
    // report copies the active graph.
    const sinkLimit = new Map<string, number>();
    for (let v = 0; v < active.n; v++) {
      if (active.outDegree[v] === 0 && (active.inDegree[v] as number) > 0) sinkLimit.set(active.nodes[v] as string, graph.getNodeAttribute(active.nodes[v] as string, 'demand') ?? Infinity);
    }
    const solve = hooks.allocation;
    if (solve === undefined) throw new Error('metrics report: shadowPrice needs the allocation LP (hooks.allocation: solveAllocation); report.ts buildMetrics passes it');
    prices = solve(activeSubgraph(graph), { sinkLimit }).shadowPrice;
  }

  let stages: StageConcentration[] = [];
  if (has('concentration') || has('supplyRisk')) {
    const rows = stageConcentrationOfIndex(active, stagesOf(attributes), flows ?? undefined);
    const risk: SupplyRiskResult | null = has('supplyRisk') ? supplyRiskOfShares(rows, attributes.countries ?? {}) : null;
    if (risk) notes.push(...risk.notes);
    stages = rows.map((row) => ({
      stage: row.stage,
      throughput: row.throughput,
      hhi: row.hhi,
      topCountry: row.topCountry,
      topShare: row.topShare,
      ...(risk ? { supplyRisk: risk.stages[row.stage] ?? null } : {}),
      shares: row.shares,
    }));
  }

  const cutNodes = new Set(cut?.nodes ?? []);
  const cutEdges = new Set(cut?.edges ?? []);
  // Betweenness by operating node and edge id when the result has them (a plan on the
  // operating index), else by key.
  const betweenById = between?.byId;
  // Edge values left out by the plan (betweennessJob planOptions.edges false): no field.
  const edgeBetween = between !== null && betweenById?.edges !== null;
  // The operating id of each node (-1: not operating), and below of each edge: the
  // operating index keeps, in order, the edges whose two ends operate.
  const activeOf = new Int32Array(index.n);
  const nodes: NodeMetrics[] = new Array<NodeMetrics>(index.n);
  for (let u = 0; u < index.n; u++) {
    const id = index.nodes[u] as string;
    // The node's id in the operating index; undefined for a node that is not operating.
    const v = active === index ? u : active.index.get(id);
    activeOf[u] = v ?? -1;
    const on = v !== undefined;
    const at = (values: ArrayLike<number>): number => (on ? (values[v] as number) : 0);
    const row = source.graph ? nodeHeadOfGraph(id, source.graph.getNodeAttributes(id)) : nodeHeadOfIndex(index, u);
    if (between) row.betweenness = on ? (betweenById ? (betweenById.nodes[v] as number) : (between.nodes[id] ?? 0)) : 0;
    if (flows && has('throughput')) row.throughput = at(flows);
    if (shares) row.flowShare = at(shares);
    if (knockout) row.knockoutLoss = on ? (knockout.nodes[id] ?? 0) : 0;
    if (cut) row.minCut = cutNodes.has(id);
    if (degrees) {
      row.inDegree = at(degrees.inDegree);
      row.outDegree = at(degrees.outDegree);
    }
    if (ranks) row.pagerank = at(ranks);
    if (prices) row.shadowPrice = on ? (prices.nodes[id] ?? 0) : 0;
    if (origins) row.origin = on ? (origins[id] ?? { mining: {}, separation: {} }) : { mining: {}, separation: {} };
    if (close) row.closeness = at(close);
    if (parts && on) {
      row.weakComponent = parts.weak[v] as number;
      row.strongComponent = parts.strong[v] as number;
    }
    nodes[u] = row;
  }

  const edges: EdgeMetrics[] = new Array<EdgeMetrics>(index.m);
  let activeEdges = 0;
  for (let e = 0; e < index.m; e++) {
    const id = index.edges[e] as string;
    const s = index.edgeSource[e] as number;
    const t = index.edgeTarget[e] as number;
    const a = activeOf[s] !== -1 && activeOf[t] !== -1 ? activeEdges++ : -1;
    const head = source.graph ? edgeHeadOfGraph(source.graph.getEdgeAttributes(id)) : edgeHeadOfIndex(index, e);
    const row: EdgeMetrics = {
      id,
      source: index.nodes[s] as string,
      target: index.nodes[t] as string,
      ...(head.material !== undefined ? { material: head.material } : {}),
      ...(between && edgeBetween ? { betweenness: betweenById?.edges ? (a === -1 ? 0 : (betweenById.edges[a] as number)) : (between.edges[id] ?? 0) } : {}),
      ...(head.flow !== undefined ? { flow: head.flow } : {}),
      capacity: head.capacity,
    };
    if (cut) row.minCut = cutEdges.has(id);
    edges[e] = row;
  }
  if (activeEdges !== active.m) throw new Error('metrics report: the operating index is not operatingIndex(index)');

  const table = attributes.countries ?? {};
  const codes = [...index.countries].sort();
  const countryFlow = new Map<string, number>();
  if (flows) for (let v = 0; v < active.n; v++) countryFlow.set(active.country[v] as string, (countryFlow.get(active.country[v] as string) ?? 0) + (flows[v] as number));
  const countries: CountryMetrics[] = codes.map((country) => {
    const row: CountryMetrics = { country, name: table[country]?.name ?? country };
    if (knockout) row.knockoutLoss = knockout.countries[country] ?? 0;
    if (flows && has('throughput')) row.throughput = countryFlow.get(country) ?? 0;
    if (prices) {
      row.shadowPrice = prices.countries[country]?.price ?? 0;
      row.shadowPriceNode = prices.countries[country]?.node ?? null;
    }
    return row;
  });

  const report: MetricsReport = {
    graph: { name: attributes.name ?? '', nodes: index.n, edges: index.m, unit: unitOf(attributes), ...(attributes.year !== undefined ? { year: attributes.year } : {}) },
    nodes,
    edges,
    stages,
    countries,
    supply: { ...(maxFlow !== undefined ? { maxFlow } : {}), ...(active.edgeFlow.every((flow: number) => !Number.isNaN(flow)) ? { observed: observedSupplyOfIndex(active) } : {}) },
    metrics: METRIC_NAMES.filter(has),
  };
  return { report, notes };
}

/** The first fields of a node's row, from the graph's attributes. */
function nodeHeadOfGraph(id: string, attributes: NodeAttributes): NodeMetrics {
  return { id, label: nodeLabel(id, attributes), ...(hasStage(attributes) ? { stage: attributes.stage } : {}), ...(hasCountry(attributes) ? { country: attributes.country } : {}), status: attributes.status };
}

/** `nodeHeadOfGraph` from the index (the same fields for a graph the loader built: status defaults to operating there). */
function nodeHeadOfIndex(index: GraphIndex, v: number): NodeMetrics {
  const id = index.nodes[v] as string;
  const stage = index.nodeStage[v] as number;
  const country = index.nodeCountry[v] as number;
  return { id, label: index.nodeLabel[v] ?? id, ...(stage !== -1 ? { stage: index.stages[stage] as string } : {}), ...(country !== -1 ? { country: index.countries[country] as string } : {}), status: statusOf(index, v) };
}

/** What an edge's row takes from its attributes: material, flow (both when present) and capacity (`edgeCapacity`). */
interface EdgeHead {
  material: string | undefined;
  flow: number | undefined;
  capacity: number;
}

function edgeHeadOfGraph(attributes: EdgeAttributes): EdgeHead {
  return { material: attributes.material, flow: hasFlow(attributes) ? (attributes as { flow: number }).flow : undefined, capacity: edgeCapacity(attributes) };
}

function edgeHeadOfIndex(index: GraphIndex, e: number): EdgeHead {
  const material = index.edgeMaterial[e] as number;
  const flow = index.edgeFlow[e] as number;
  return { material: material === -1 ? undefined : index.materials[material], flow: Number.isNaN(flow) ? undefined : flow, capacity: index.edgeCapacity[e] as number };
}
