/**
 * Applies a scenario's actions to a supply graph: builds the modified ACTIVE graph that
 * both bounds of `evaluate.ts` are computed on, without changing the input graph.
 *
 * Actions commute (their order does not matter); when several touch the same element the
 * strictest wins: an offline node stays offline whatever else happens to it, an edge's
 * pass-through fraction is the smallest of its cuts and caps, scale factors multiply.
 *
 * - activate: the chosen non-operating nodes count as operating (with their `capacity`
 *   and their edges' `flow`/`capacity`). An activated node that would dangle, having no
 *   active in-edges although the full graph gives it some (nothing feeds it yet), or no
 *   active out-edges although the full graph gives it some (nothing takes its output
 *   yet), is left out again, repeatedly until none dangles: otherwise it would become a
 *   phantom source or sink. Nodes without `startYear` are not activated by year.
 * - disableCountry / disableNode: the node stays in the graph (so the sets of sources and
 *   sinks do not change) with `capacity` 0 and capacity 0 on every incident edge;
 *   `limit` 0 for the proportional bound.
 * - embargo: each selected export edge gets capacity 0 and pass 0.
 *   With `origin: true` (rule of origin), also each edge e = u -> v from a third
 *   country (country(u) not `from`, country(v) neither country(u) nor `from`, in `to`
 *   when given, material in `materials` when given) whose source carries `from` content
 *   c = content_from(u) > 0 (`metrics/flow/origin.ts`, on the active graph's baseline
 *   flows before any action): pass 1 - c and capacity min(capacity, (1 - c) x flow), the
 *   `from`-origin part of the edge cut; with `originThreshold` t, cut entirely (pass 0,
 *   capacity 0) when c >= t and left alone when c < t.
 * - cap: each selected export edge gets capacity min(capacity, share x flow) and pass
 *   `share`: a quota of `share` times its baseline flow.
 *   Selected export edges: source node in `from`, target node in another country (in
 *   `to` when given), `material` in `materials` when given (edges without a material
 *   never match a materials filter).
 * - scaleNode (factor k): node capacity becomes k x (capacity ?? passable), where
 *   passable = min(sum of in-edge capacities, sum of out-edge capacities) (one side for
 *   a source or a sink), so k = 1 changes nothing and k = 0 takes the node offline;
 *   `limit` = min(1, k) for the proportional bound (k > 1 can only raise max flow).
 *
 * - a node with `capacity` 0 in the graph (such as an "unconsumed" sink for stock, losses
 *   and unsold material) has `limit` 0, as max flow gives it nothing through its capacity:
 *   under both bounds it never counts as delivered.
 *
 * A `share` or `factor` given as a range counts as its midpoint here (`pointValue`);
 * uncertainty ensembles replace it by a drawn value first (`uncertainty/sample-graph.ts`).
 *
 * Flows (`flow`) are left as they were: they are the nominal flows of the proportional
 * bound. Capacity means t/yr that can pass; flow means t/yr observed (or, on activated
 * nodes' edges, stated for the project).
 */
import { createSupplyGraph, edgeCapacity, type SupplyGraph } from '../model/graph.js';
import { originContent } from '../metrics/flow/origin.js';
import { actionElement } from './parse-scenario.js';
import { pointValue, type ActivateAction, type CapAction, type EmbargoAction, type Scenario } from './schema.js';

/** What one action did to the graph. */
export interface ScenarioChange {
  /** Index of the action in the scenario's `actions`, from 0. */
  action: number;
  type: string;
  /** One line in plain words, with counts. */
  summary: string;
  /** Keys of the edges cut or capped (embargo, cap) or brought in (activate). */
  edges: string[];
  /** Keys of the nodes taken offline, scaled or activated. */
  nodes: string[];
  edgeCount: number;
  nodeCount: number;
  /** Nominal flow touched: on the edges for embargo/cap/activate, through the nodes otherwise. */
  flow: number;
}

export interface AppliedScenario {
  /**
   * The modified active graph: every node has status `operating`. A new graph, except with
   * `ApplyOptions.active` (built on first read, or `active` itself when no capacity changes).
   */
  graph: SupplyGraph;
  /**
   * A graph with the nodes, edges (same order) and attributes of `graph` except perhaps the
   * overridden capacities: `graph` itself, or, with `ApplyOptions.active` and nothing
   * activated, that active graph before the actions (reading it never builds `graph`).
   * What computations that read no capacity use (the proportional bound, the sinks,
   * labels, stages and countries, stage concentration).
   */
  shape: SupplyGraph;
  /** pass_e per edge key: 0 cut, the share when capped, 1 otherwise. */
  pass: Record<string, number>;
  /** Most fraction of its nominal output each node can give: 0 offline or of capacity 0, min(1, factor) scaled, else 1. */
  limit: Record<string, number>;
  changes: ScenarioChange[];
  /** Actions that matched nothing, activated nodes left out, and the like. */
  warnings: string[];
  /**
   * The scenario as an overlay on the baseline active graph, present when no node was
   * activated: `graph` is then the active graph of the input (the same nodes and edges in
   * the same order, the same attributes) with exactly these `capacity` values replaced
   * (offline and scaled nodes; cut, capped and offline nodes' edges). Computations that
   * depend on the graph only through its structure, flows and capacities start from the
   * baseline's (`evaluation-side.ts`).
   */
  overlay?: ScenarioOverlay;
}

/** Options of `applyScenario`. */
export interface ApplyOptions {
  /**
   * The active graph of the input with no action: the `graph` of an earlier
   * `applyScenario(input, { actions: [] })`, or the input itself when every node is
   * operating. When the scenario activates no node, the actions are read off it (it is
   * not changed) and the result's `graph`, that graph with the overlay's capacities, is
   * built only when first read (`active` itself when the overlay is empty: read it, do not
   * change it). Same figures as without.
   */
  active?: SupplyGraph;
}

/** Capacity overrides by node and edge key (see `AppliedScenario.overlay`). */
export interface ScenarioOverlay {
  /** The graph the scenario was applied to. */
  input: SupplyGraph;
  nodeCapacity: ReadonlyMap<string, number>;
  edgeCapacity: ReadonlyMap<string, number>;
}

/** The nodes an activate action brings in (before dropping dangling ones). */
export function activatedBy(graph: SupplyGraph, action: ActivateAction): string[] {
  if (action.nodes) return action.nodes.filter((node) => graph.getNodeAttribute(node, 'status') !== 'operating');
  const year = action.year ?? Number.NEGATIVE_INFINITY;
  return graph.filterNodes((_node, a) => a.status !== 'operating' && a.startYear !== undefined && a.startYear <= year);
}

/** Whether two graphs have the same graphology options (type, multi, self loops). */
const sameOptions = (a: SupplyGraph, b: SupplyGraph): boolean => a.type === b.type && a.multi === b.multi && a.allowSelfLoops === b.allowSelfLoops;

/**
 * Whether `graph` is its own active graph (`ApplyOptions.active`): every node operating, and
 * the options of a supply graph (what `buildActiveGraph` would copy as it is).
 */
export function isOwnActiveGraph(graph: SupplyGraph): boolean {
  return sameOptions(graph, createSupplyGraph()) && graph.everyNode((_node, a) => a.status === 'operating');
}

/** Builds the active graph with `activated` nodes counted as operating, dropping dangling ones. */
function buildActiveGraph(graph: SupplyGraph, activated: Set<string>): { graph: SupplyGraph; dropped: string[] } {
  const keep = new Set(graph.filterNodes((node, a) => a.status === 'operating' || activated.has(node)));
  const dropped: string[] = [];
  const dangles = (node: string): boolean => {
    const hasIn = graph.inNeighbors(node).some((u) => keep.has(u));
    const hasOut = graph.outNeighbors(node).some((w) => keep.has(w));
    return (!hasIn && graph.inDegree(node) > 0) || (!hasOut && graph.outDegree(node) > 0);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of activated) {
      if (keep.has(node) && dangles(node)) {
        keep.delete(node);
        dropped.push(node);
        changed = true;
      }
    }
  }
  const out = createSupplyGraph();
  // Every node operating and none activated: the active graph is a copy of the whole graph
  // (graphology's copy: the same options, nodes and edges in the same order, each attribute
  // object copied shallowly, as below), made without adding elements one by one.
  if (activated.size === 0 && keep.size === graph.order && sameOptions(graph, out)) return { graph: graph.copy(), dropped };
  out.replaceAttributes({ ...graph.getAttributes() });
  for (const node of keep) out.addNode(node, { ...graph.getNodeAttributes(node), status: 'operating' });
  graph.forEachEdge((edge, a, source, target) => {
    if (keep.has(source) && keep.has(target)) out.addDirectedEdgeWithKey(edge, source, target, { ...a });
  });
  return { graph: out, dropped };
}

/**
 * Third-country export edges an origin embargo reaches, with the share of each edge that
 * passes (see the header): 1 - content, or 0 / left out with a threshold.
 */
function originEdges(graph: SupplyGraph, action: EmbargoAction, content: Record<string, number>): Map<string, number> {
  const to = action.to ? new Set(action.to) : undefined;
  const materials = action.materials ? new Set(action.materials) : undefined;
  const out = new Map<string, number>();
  graph.forEachEdge((edge, a, source, _t, sa, ta) => {
    if (sa.country === action.from || ta.country === sa.country || ta.country === action.from) return;
    if (to && !to.has(ta.country)) return;
    if (materials && (a.material === undefined || !materials.has(a.material))) return;
    const c = content[source] ?? 0;
    if (c <= 0) return;
    if (action.originThreshold === undefined) out.set(edge, Math.max(0, 1 - c));
    else if (c >= action.originThreshold) out.set(edge, 0);
  });
  return out;
}

/** Export edges selected by an embargo or cap action. */
function exportEdges(graph: SupplyGraph, action: EmbargoAction | CapAction): string[] {
  const to = action.to ? new Set(action.to) : undefined;
  const materials = action.materials ? new Set(action.materials) : undefined;
  return graph.filterEdges((_edge, a, _s, _t, sa, ta) => {
    if (sa.country !== action.from || ta.country === action.from) return false;
    if (to && !to.has(ta.country)) return false;
    return !materials || (a.material !== undefined && materials.has(a.material));
  });
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function describeExports(action: EmbargoAction | CapAction): string {
  const to = action.to ? action.to.join(', ') : 'all other countries';
  const materials = action.materials ? ` (${action.materials.join(', ')})` : '';
  return `from ${action.from} to ${to}${materials}`;
}

/**
 * Applies `scenario` to `graph`; see the file header for what each action does. The actions
 * are read off the active graph (never changed here) into capacity overrides, which then
 * make the modified graph: on a copy built here, or, with `options.active` and nothing
 * activated, on first read of `graph`.
 */
export function applyScenario(graph: SupplyGraph, scenario: Scenario, options: ApplyOptions = {}): AppliedScenario {
  const activations = scenario.actions.map((action) => (action.type === 'activate' ? activatedBy(graph, action) : []));
  const activated = activations.some((nodes) => nodes.length > 0);
  const given = !activated ? options.active : undefined;
  const { graph: out, dropped } = given ? { graph: given, dropped: [] } : buildActiveGraph(graph, new Set(activations.flat()));
  // Capacities the actions set, by key (applied to the graph at the end).
  const nodeCap = new Map<string, number>();
  const edgeCap = new Map<string, number>();
  const capacityOf = (edge: string): number => edgeCap.get(edge) ?? edgeCapacity(out.getEdgeAttributes(edge));
  const pass: Record<string, number> = {};
  const limit: Record<string, number> = {};
  out.forEachEdge((edge) => (pass[edge] = 1));
  // A node whose own capacity is 0 (an unconsumed sink) passes nothing under either bound.
  out.forEachNode((node, a) => (limit[node] = a.capacity === 0 ? 0 : 1));
  const changes: ScenarioChange[] = [];
  const warnings: string[] = [];
  // The same sums as sum(mapInEdges(...)) in the same order, without the arrays.
  const nodeFlow = (node: string) => Math.max(out.reduceInEdges(node, (t, _e, a) => t + a.flow, 0), out.reduceOutEdges(node, (t, _e, a) => t + a.flow, 0));
  const capacitySum = (caps: number[], fallback: number) => (caps.length > 0 ? sum(caps) : fallback);
  const passable = (node: string) =>
    Math.min(capacitySum(out.mapInEdges(node, (_e, a) => edgeCapacity(a)), Number.POSITIVE_INFINITY), capacitySum(out.mapOutEdges(node, (_e, a) => edgeCapacity(a)), Number.POSITIVE_INFINITY));
  // The capacity a scale factor multiplies, taken before any action changes an edge
  // capacity, for the nodes a scaleNode action names (no other node needs it).
  const baseCapacity = new Map<string, number>();
  for (const action of scenario.actions) {
    if (action.type !== 'scaleNode' || !out.hasNode(action.node) || baseCapacity.has(action.node)) continue;
    const p = passable(action.node);
    baseCapacity.set(action.node, out.getNodeAttribute(action.node, 'capacity') ?? (Number.isFinite(p) ? p : 0));
  }
  const scale = new Map<string, number>();
  const offline = new Set<string>();
  const touchedEdges = new Set<string>();
  // Origin content per embargoing country, on the active graph's baseline flows (actions change capacities, never flows).
  const content = new Map<string, Record<string, number>>();

  const record = (index: number, type: string, summary: string, edges: string[], nodes: string[], flow: number) => {
    changes.push({ action: index, type, summary, edges, nodes, edgeCount: edges.length, nodeCount: nodes.length, flow });
    if (edges.length === 0 && nodes.length === 0) warnings.push(`${actionElement(index, type)} changes nothing in the active graph`);
  };

  scenario.actions.forEach((action, index) => {
    switch (action.type) {
      case 'disableCountry':
      case 'disableNode': {
        const nodes = action.type === 'disableNode' ? (out.hasNode(action.node) ? [action.node] : []) : out.filterNodes((_n, a) => a.country === action.country);
        for (const node of nodes) offline.add(node);
        const what = action.type === 'disableNode' ? `node ${action.node}` : `country ${action.country}`;
        record(index, action.type, `${what} offline: ${nodes.length} active node(s)`, [], nodes, sum(nodes.map(nodeFlow)));
        break;
      }
      case 'embargo':
      case 'cap': {
        const edges = exportEdges(out, action);
        const share = action.type === 'cap' ? pointValue(action.share) : 0;
        for (const edge of edges) {
          pass[edge] = Math.min(pass[edge] ?? 1, share);
          edgeCap.set(edge, Math.min(capacityOf(edge), share * out.getEdgeAttribute(edge, 'flow')));
          touchedEdges.add(edge);
        }
        const verb = action.type === 'cap' ? `capped at ${share} of baseline flow` : 'cut';
        if (action.type === 'embargo' && action.origin === true) {
          content.set(action.from, content.get(action.from) ?? originContent(out, action.from));
          const third = originEdges(out, action, content.get(action.from) ?? {});
          for (const [edge, passes] of third) {
            pass[edge] = Math.min(pass[edge] ?? 1, passes);
            edgeCap.set(edge, Math.min(capacityOf(edge), passes * out.getEdgeAttribute(edge, 'flow')));
            touchedEdges.add(edge);
          }
          const rule = action.originThreshold === undefined ? 'cut by their content' : `cut when their content is >= ${action.originThreshold}`;
          const cutFlow = sum([...third].map(([e, passes]) => (1 - passes) * out.getEdgeAttribute(e, 'flow')));
          record(
            index,
            action.type,
            `exports ${describeExports(action)}: ${edges.length} edge(s) ${verb}; rule of origin: ${third.size} third-country edge(s) carrying ${action.from} content ${rule}`,
            [...edges, ...third.keys()],
            [],
            sum(edges.map((e) => out.getEdgeAttribute(e, 'flow'))) + cutFlow,
          );
          break;
        }
        record(index, action.type, `exports ${describeExports(action)}: ${edges.length} edge(s) ${verb}`, edges, [], sum(edges.map((e) => out.getEdgeAttribute(e, 'flow'))));
        break;
      }
      case 'scaleNode': {
        const nodes = out.hasNode(action.node) ? [action.node] : [];
        const factor = pointValue(action.factor);
        for (const node of nodes) scale.set(node, (scale.get(node) ?? 1) * factor);
        record(index, action.type, `node ${action.node} capacity x ${factor}`, [], nodes, sum(nodes.map(nodeFlow)));
        break;
      }
      case 'activate': {
        const nodes = (activations[index] ?? []).filter((node) => out.hasNode(node));
        const brought = new Set(nodes);
        const edges = out.filterEdges((_e, _a, s, t) => brought.has(s) || brought.has(t));
        const what = action.year !== undefined ? `projects starting by ${action.year}` : 'listed projects';
        record(index, action.type, `${what} online: ${nodes.length} node(s), ${edges.length} edge(s)`, edges, nodes, sum(edges.map((e) => out.getEdgeAttribute(e, 'flow'))));
        break;
      }
    }
  });
  if (dropped.length > 0) warnings.push(`activated but left out (nothing active feeds them or takes their output): ${dropped.join(', ')}`);

  for (const [node, factor] of scale) {
    nodeCap.set(node, factor * (baseCapacity.get(node) ?? 0));
    limit[node] = Math.min(limit[node] ?? 1, factor);
  }
  for (const node of offline) {
    nodeCap.set(node, 0);
    limit[node] = 0;
    out.forEachEdge(node, (edge) => {
      edgeCap.set(edge, 0);
      touchedEdges.add(edge);
    });
  }
  // Nothing activated: the graph is the baseline active graph with new capacities on the touched elements.
  const overlay: ScenarioOverlay | undefined = !activated
    ? {
        input: graph,
        nodeCapacity: new Map([...scale.keys(), ...offline].map((node) => [node, nodeCap.get(node) as number])),
        edgeCapacity: new Map([...touchedEdges].map((edge) => [edge, capacityOf(edge)])),
      }
    : undefined;
  // The modified graph: `target` (a copy of the active graph) with the capacities set.
  const modify = (target: SupplyGraph): SupplyGraph => {
    for (const [node, capacity] of nodeCap) target.setNodeAttribute(node, 'capacity', capacity);
    for (const [edge, capacity] of edgeCap) target.setEdgeAttribute(edge, 'capacity', capacity);
    return target;
  };
  const rest = { shape: out, pass, limit, changes, warnings, ...(overlay ? { overlay } : {}) };
  if (!given) return { graph: modify(out), ...rest };
  if (nodeCap.size + edgeCap.size === 0) return { graph: given, ...rest };
  let built: SupplyGraph | undefined;
  return {
    get graph(): SupplyGraph {
      built ??= modify(given.copy());
      return built;
    },
    ...rest,
  };
}
