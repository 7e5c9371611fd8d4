/**
 * The allocation LP as data (docs/scenarios.md, "The allocation bound"): a pure function
 * of an AllocationNetwork and overrides, with named rows and columns.
 *
 * Columns (all >= 0):
 *   f("e")            flow on edge e, <= capacity_e (`capacity ?? flow` after the actions)
 *   x("v","r")        activity of recipe r at node v
 *   s("v")            stock drawn at v (extra supply, <= extraSupply_v): output without
 *                     inputs or capacity, in any mix of v's output materials
 *   w("v","r","k")    the part of a pooled-input recipe's activity fed by material k
 *   z("v","r","m")    the part of a pooled-output recipe's (or the stock's) output that is m
 *   q("v")            (option `refill` only) stock refilled at v, <= refill_v: takes input
 *                     in v's input mix and v's capacity, makes no output
 *   lambda            (objective `fair` only) the share of demand every end use receives
 * Rows:
 *   in("v","k")     sum_{e into v, material k} f_e - sum_r a_vrk x_vr - sum_pooled w_vrk >= 0
 *                   for each non-source v and each material k some recipe of v uses
 *                   - c_vk q_v (refill: c_vk = a_v1k / sum_k a_v1k, the input mix of v's
 *                   first recipe with stated inputs, one tonne of input per tonne refilled)
 *   in("v","*")     sum_{e into v} f_e - x_v - q_v >= 0   (v's only recipe is pooled on inputs)
 *   out("v","m")    sum_{e out of v, material m} f_e - sum_r b_vrm x_vr - sum z_vrm <= 0
 *                   for each non-sink v and each material m on its out-edges (a material
 *                   with no share carries nothing)
 *   out("v","*")    sum_{e out of v} f_e - x_v - s_v <= 0   (only recipe pooled on outputs)
 *   mix-in("v","r") sum_k w_vrk - x_vr = 0;  mix-out("v","r"): sum_m z_vrm - x_vr = 0
 *   cap("v")        sum_r x_vr + q_v <= capacity_v            (where finite)
 *   demand("v")     sum_r x_vr + s_v <= demand_v ?? IN_v       (sinks)
 *   fair("g")       sum_{sinks t of end use g} (x_t + s_t) - D_g lambda >= 0, D_g = sum of
 *                   their limits, for each end use with D_g > 0 (objective `fair`)
 * Objective: maximise delivered = sum over sinks of (sum_r x_tr + s_t); for `fair`, first
 * lambda (phase 1), then delivered with lambda >= its optimum (phase 2, `fairPhaseTwo`).
 *
 * Names are `kind(json,json,...)` of the node, recipe and material keys, so they are
 * unambiguous whatever characters keys contain.
 */
import { isSink, isSource, type AllocationNetwork } from './allocation-network.js';
import { LpBuilder, type LinearProgram, type RowEntry } from './linear-program.js';

export const OBJECTIVES = ['total', 'fair'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface AllocationLpOptions {
  objective?: Objective;
  /** Stock available at a node, t/yr of its output (i13: stocks as extra supply). */
  extraSupply?: ReadonlyMap<string, number>;
  /** Node capacities replacing the network's, by node key. */
  nodeCapacity?: ReadonlyMap<string, number>;
  /** Edge capacities replacing the network's, by edge key. */
  edgeCapacity?: ReadonlyMap<string, number>;
  /** Sink limits replacing `demand ?? IN`, by node key (Infinity: uncapped). */
  sinkLimit?: ReadonlyMap<string, number>;
  /**
   * Stock headroom at a node, t/yr (i13: the monthly model's refill): column q(v) takes up
   * to this much input in v's input mix (see the header). A source, or a node whose
   * recipes are all pooled on inputs with more than one recipe, gets no column.
   */
  refill?: ReadonlyMap<string, number>;
}

/** Printable ASCII without `"` and `\`: JSON.stringify(p) is then `"p"` (the common case, built without the JSON serializer). */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const quoted = (p: string): string => (PLAIN.test(p) ? `"${p}"` : JSON.stringify(p));

/** The name of an LP row or column: `kind(json,...)`. */
export const lpName = (kind: string, ...parts: string[]): string => `${kind}(${parts.map(quoted).join(',')})`;

export interface AllocationLp {
  lp: LinearProgram;
  /** Entries whose sum is the delivered supply (sink activities and sink stocks). */
  delivered: RowEntry[];
  /** The lambda column (objective `fair` with some end use of positive demand), else -1. */
  lambda: number;
  /** End uses with the sinks (node indices) and the demand D_g of each. */
  endUses: Map<string, { sinks: number[]; demand: number }>;
  /** Per sink (node index), the entries whose sum is what it receives. */
  sinkEntries: Map<number, RowEntry[]>;
  /** Column f(e) of each edge, by edge index. */
  flowColumn: Int32Array;
  /** Columns x(v,r) of each node's recipes, by node index (empty for a node without edges). */
  activityColumns: number[][];
  /** Column s(v) of each node, or -1 without stock. */
  stockColumn: Int32Array;
  /** Row cap(v) of each node, or -1 without a finite capacity. */
  capRow: Int32Array;
  /** Rows in(v,k) of each node by material k ("*": pooled inputs). */
  inputRows: Map<string, number>[];
  /** The node (index) whose column each column is (x, s, w, z, q), or -1 (f, lambda). */
  columnNode: Int32Array;
}

/** Builds the allocation LP of `net`; see the file header. */
export function buildAllocationLp(net: AllocationNetwork, options: AllocationLpOptions = {}): AllocationLp {
  const objective = options.objective ?? 'total';
  const b = new LpBuilder('max');
  const flow = net.edges.map((edge, e) => b.column(lpName('f', edge), 0, options.edgeCapacity?.get(edge) ?? (net.edgeCapacity[e] as number)));
  /** The flow columns of `edges` grouped by material (in order of first appearance, edges in order), each with coefficient 1. */
  const flowEntriesByMaterial = (edges: readonly number[]): Map<string, RowEntry[]> => {
    const byMaterial = new Map<string, RowEntry[]>();
    for (const e of edges) {
      const m = net.edgeMaterial[e] as string;
      const entries = byMaterial.get(m);
      if (entries) entries.push([flow[e] as number, 1]);
      else byMaterial.set(m, [[flow[e] as number, 1]]);
    }
    return byMaterial;
  };
  const delivered: RowEntry[] = [];
  const endUses = new Map<string, { sinks: number[]; demand: number }>();
  const sinkEntries = new Map<number, RowEntry[]>();
  const n = net.nodes.length;
  const activityColumns: number[][] = Array.from({ length: n }, () => []);
  const stockColumn = new Int32Array(n).fill(-1);
  const capRow = new Int32Array(n).fill(-1);
  const inputRows: Map<string, number>[] = Array.from({ length: n }, () => new Map());

  const nodeColumns: number[] = [];
  net.nodes.forEach((node, v) => {
    const ins = net.inEdges[v] ?? [];
    const outs = net.outEdges[v] ?? [];
    if (ins.length === 0 && outs.length === 0) return;
    const firstColumn = b.lp.columnNames.length;
    const sink = isSink(net, v);
    const recipes = net.recipes[v] ?? [];
    const x = recipes.map((r) => b.column(lpName('x', node, r.name), 0, Infinity));
    const extra = options.extraSupply?.get(node) ?? 0;
    const stock = extra > 0 ? b.column(lpName('s', node), 0, extra) : -1;
    activityColumns[v] = x;
    stockColumn[v] = stock;
    const inRows = inputRows[v] as Map<string, number>;
    const headroom = options.refill?.get(node) ?? 0;
    let refill = -1;

    if (!isSource(net, v)) {
      const only = recipes.length === 1 ? recipes[0] : undefined;
      const mix = recipes.find((r) => r.inputs !== 'pooled')?.inputs;
      const refillMix = mix === undefined || mix === 'pooled' ? undefined : mix;
      const mixTotal = refillMix ? [...refillMix.values()].reduce((t, a) => t + a, 0) : 0;
      if (only?.inputs === 'pooled') {
        const entries: RowEntry[] = [...ins.map((e): RowEntry => [flow[e] as number, 1]), [x[0] as number, -1]];
        if (headroom > 0) {
          refill = b.column(lpName('q', node), 0, headroom);
          entries.push([refill, -1]);
        }
        inRows.set('*', b.row(lpName('in', node, '*'), 0, Infinity, entries));
      } else {
        const byMaterial = new Map<string, RowEntry[]>();
        const entriesOf = (k: string) => byMaterial.get(k) ?? byMaterial.set(k, []).get(k) ?? [];
        const inMaterials = [...new Set(ins.map((e) => net.edgeMaterial[e] as string))];
        recipes.forEach((r, i) => {
          const xr = x[i] as number;
          if (r.inputs === 'pooled') {
            const mix: RowEntry[] = [[xr, -1]];
            for (const k of inMaterials) {
              const w = b.column(lpName('w', node, r.name, k), 0, Infinity);
              mix.push([w, 1]);
              entriesOf(k).push([w, -1]);
            }
            b.row(lpName('mix-in', node, r.name), 0, 0, mix);
          } else {
            for (const [k, a] of r.inputs) entriesOf(k).push([xr, -a]);
          }
        });
        if (headroom > 0 && refillMix && mixTotal > 0) {
          refill = b.column(lpName('q', node), 0, headroom);
          for (const [k, a] of refillMix) entriesOf(k).push([refill, -a / mixTotal]);
        }
        const supplyOf = flowEntriesByMaterial(ins);
        for (const [k, entries] of byMaterial) {
          inRows.set(k, b.row(lpName('in', node, k), 0, Infinity, [...(supplyOf.get(k) ?? []), ...entries]));
        }
      }
    }

    if (!sink) {
      const only = recipes.length === 1 ? recipes[0] : undefined;
      if (only?.outputs === 'pooled') {
        const entries: RowEntry[] = [...outs.map((e): RowEntry => [flow[e] as number, 1]), [x[0] as number, -1]];
        if (stock >= 0) entries.push([stock, -1]);
        b.row(lpName('out', node, '*'), -Infinity, 0, entries);
      } else {
        // per material (in order of first appearance), its out-edges' flows in edge order
        const byMaterial = flowEntriesByMaterial(outs);
        const outMaterials = [...byMaterial.keys()];
        const pooledOutput = (name: string, column: number) => {
          const mix: RowEntry[] = [[column, -1]];
          for (const m of outMaterials) {
            const z = b.column(lpName('z', node, name, m), 0, Infinity);
            mix.push([z, 1]);
            byMaterial.get(m)?.push([z, -1]);
          }
          b.row(lpName('mix-out', node, name), 0, 0, mix);
        };
        recipes.forEach((r, i) => {
          const xr = x[i] as number;
          if (r.outputs === 'pooled') pooledOutput(r.name, xr);
          else for (const [m, share] of r.outputs) byMaterial.get(m)?.push([xr, -share]);
        });
        if (stock >= 0) pooledOutput('(stock)', stock);
        for (const [m, entries] of byMaterial) b.row(lpName('out', node, m), -Infinity, 0, entries);
      }
    }

    const capacity = options.nodeCapacity?.get(node) ?? (net.nodeCapacity[v] as number);
    if (Number.isFinite(capacity)) capRow[v] = b.row(lpName('cap', node), -Infinity, capacity, [...x.map((j): RowEntry => [j, 1]), ...(refill >= 0 ? [[refill, 1] as RowEntry] : [])]);
    if (sink) {
      const entries: RowEntry[] = x.map((j): RowEntry => [j, 1]);
      if (stock >= 0) entries.push([stock, 1]);
      const limit = options.sinkLimit?.get(node) ?? (net.sinkLimit[v] as number);
      if (Number.isFinite(limit)) b.row(lpName('demand', node), -Infinity, limit, entries);
      delivered.push(...entries);
      sinkEntries.set(v, entries);
      const endUse = net.endUse[v] as string;
      const group = endUses.get(endUse) ?? endUses.set(endUse, { sinks: [], demand: 0 }).get(endUse);
      if (group) {
        group.sinks.push(v);
        group.demand += Number.isFinite(limit) ? limit : 0;
      }
    }
    for (let j = firstColumn; j < b.lp.columnNames.length; j++) nodeColumns[j] = v;
  });

  let lambda = -1;
  if (objective === 'fair' && [...endUses.values()].some((g) => g.demand > 0)) {
    lambda = b.column('lambda', 0, Infinity, 1);
    for (const [endUse, group] of [...endUses].sort(([p], [q]) => p.localeCompare(q))) {
      if (group.demand <= 0) continue;
      const entries = group.sinks.flatMap((v) => sinkEntries.get(v) ?? []);
      b.row(lpName('fair', endUse), 0, Infinity, [...entries, [lambda, -group.demand]]);
    }
  } else {
    for (const [j, c] of delivered) b.lp.cost[j] = (b.lp.cost[j] ?? 0) + c;
  }
  const columnNode = new Int32Array(b.lp.columnNames.length).fill(-1);
  nodeColumns.forEach((v, j) => (columnNode[j] = v));
  return { lp: b.lp, delivered, lambda, endUses, sinkEntries, flowColumn: Int32Array.from(flow), activityColumns, stockColumn, capRow, inputRows, columnNode };
}

/**
 * The LP of a network that differs from the one `built` was built on (without capacity
 * overrides) only in node and edge capacities: the same rows and columns, with the upper
 * bound of each flow column f(e) the edge's new capacity and the bound of each row cap(v)
 * the node's new capacity, i.e. what `buildAllocationLp(net)` builds, without building it
 * (arrays other than those bounds are shared with `built`). The caller vouches that
 * nothing but capacities differ (e.g. a scenario overlay, `apply-scenario.ts`). Undefined
 * when a node's capacity changes between finite and infinite, which adds or removes its
 * row cap(v) (then build the LP).
 */
export function withCapacities(built: AllocationLp, net: AllocationNetwork): AllocationLp | undefined {
  const { capRow, flowColumn } = built;
  const colUpper = built.lp.colUpper.slice();
  const rowUpper = built.lp.rowUpper.slice();
  for (let v = 0; v < net.nodes.length; v++) {
    const capacity = net.nodeCapacity[v] as number;
    const row = capRow[v] as number;
    const hasEdges = (net.inEdges[v] ?? []).length + (net.outEdges[v] ?? []).length > 0;
    if (hasEdges && row >= 0 !== Number.isFinite(capacity)) return undefined;
    if (row >= 0) rowUpper[row] = capacity;
  }
  for (let e = 0; e < net.edges.length; e++) colUpper[flowColumn[e] as number] = net.edgeCapacity[e] as number;
  return { ...built, lp: { ...built.lp, colUpper, rowUpper } };
}

/**
 * The same LP (objective `total`) maximising only what the sinks `sinks` (node indices)
 * receive: the most they can get when served first (the others may still take what is
 * left). Shares the matrix with `built.lp`.
 */
export function servedFirst(built: AllocationLp, sinks: readonly number[]): LinearProgram {
  const cost = built.lp.cost.map(() => 0);
  for (const v of sinks) for (const [j, c] of built.sinkEntries.get(v) ?? []) cost[j] = (cost[j] ?? 0) + c;
  return { ...built.lp, cost };
}

/**
 * Phase 2 of the `fair` objective: the same LP maximising delivered with lambda held at
 * least at `level` (its phase-1 optimum, less a relative 1e-9 so rounding cannot make the
 * LP infeasible). Shares the matrix with `built.lp`; only costs and bounds are new.
 */
export function fairPhaseTwo(built: Pick<AllocationLp, 'lp' | 'lambda' | 'delivered'>, level: number): LinearProgram {
  const cost = built.lp.cost.map(() => 0);
  for (const [j, c] of built.delivered) cost[j] = (cost[j] ?? 0) + c;
  const colLower = built.lp.colLower.slice();
  if (built.lambda >= 0) colLower[built.lambda] = Math.max(0, level * (1 - 1e-9));
  return { ...built.lp, cost, colLower };
}
