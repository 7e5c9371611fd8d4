/**
 * The graph index builder: builds a GraphIndex (graph-index.ts) one element at a time,
 * from a graphology graph (`indexGraph`) or straight from a streaming loader, and
 * finishes an index from its element arrays (`finishIndex`: the CSRs, degrees and
 * country names; `keptIndex` uses it too). Node keys are looked up in one KeyTable;
 * arrays start at the size hints and double (see `Growing`). Pure.
 */
import { edgeCapacity as capacityOf } from './graph.js';
import type { GraphIndex } from './graph-index.js';
import { KeyTable } from './key-table.js';
import { PairSet } from './pair-set.js';
import { NODE_STATUSES, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from './schema.js';
import { stagesOf } from './stages.js';
import { NO_COUNTRY } from './supply-chain.js';

/**
 * A typed array filled one element at a time (the streaming loaders): it starts at the
 * size hint (16 without one) and doubles when full; `done` is a `subarray` view of the
 * filled part, not a copy, so the index's arrays may sit in larger buffers (nothing reads
 * their `.buffer` as the array itself). With an exact hint nothing is ever copied.
 */
class Growing<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  data: T;
  constructor(
    expected: number,
    private readonly make: (size: number) => T,
  ) {
    this.data = make(Math.max(16, expected));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return (this.length === this.data.length ? this.data : this.data.subarray(0, this.length)) as T;
  }
}

const ints = (expected: number) => new Growing(expected, (size) => new Int32Array(size));
const floats = (expected: number) => new Growing(expected, (size) => new Float64Array(size));

/**
 * What a builder may be told in advance, so its arrays and hash tables start at their
 * final size instead of doubling: the expected numbers of nodes and edges (estimates are
 * fine: more elements only grow the arrays, fewer leave unused room). The index built
 * is the same with or without hints.
 */
export interface BuilderHints {
  nodes?: number;
  edges?: number;
}

/** A string table: name -> id in first-seen order. */
class Table {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const name of initial) this.id(name);
  }
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

/**
 * Builds a GraphIndex one element at a time, without a graphology graph: what the
 * streaming loader uses for graphs too large to hold as objects. Nodes must be added
 * before the edges that use them.
 */
export class GraphIndexBuilder {
  private readonly nodeKeys: string[] = [];
  /** Node key -> id (the ids are the order added). The built index's `index` Map is made from `nodes` only when read. */
  private readonly ids: KeyTable;
  private readonly labels: (string | null)[] = [];
  /** Edge keys by id; null for a default key (`source->target`), spelt only when `edges` is read. */
  private readonly edgeKeys: (string | null)[] = [];
  private defaultKeys = 0;
  private readonly source: Growing<Int32Array>;
  private readonly target: Growing<Int32Array>;
  private readonly flow: Growing<Float64Array>;
  private readonly capacity: Growing<Float64Array>;
  private readonly material: Growing<Int32Array>;
  private readonly materials = new Table();
  private readonly nodeCapacity: Growing<Float64Array>;
  private readonly stage: Growing<Int32Array>;
  private readonly country: Growing<Int32Array>;
  private readonly countries = new Table();
  private readonly status: Growing<Uint8Array>;
  private stages: Table;
  private readonly pairs: PairSet;

  constructor(attributes: GraphAttributes = {}, hints: BuilderHints = {}) {
    this.stages = new Table(stagesOf(attributes));
    const n = hints.nodes ?? 0;
    const m = hints.edges ?? 0;
    this.ids = new KeyTable(n);
    this.source = ints(m);
    this.target = ints(m);
    this.flow = floats(m);
    this.capacity = floats(m);
    this.material = ints(m);
    this.nodeCapacity = floats(n);
    this.stage = ints(n);
    this.country = ints(n);
    this.status = new Growing(n, (size) => new Uint8Array(size));
    this.pairs = new PairSet(m);
  }

  get order(): number {
    return this.nodeKeys.length;
  }

  /** Replaces the stage list (before any node). */
  setAttributes(attributes: GraphAttributes): void {
    this.stages = new Table(stagesOf(attributes));
  }

  hasNode(key: string): boolean {
    return this.ids.id(key) !== -1;
  }

  /**
   * A node without stage or country (a generic graph) gets id -1 in nodeStage / nodeCountry.
   * Node keys must be distinct (the loaders check with `hasNode`; a graphology graph's are).
   */
  addNode(key: string, attributes: { label?: string | undefined; stage?: string; country?: string; capacity?: number | undefined; status?: NodeAttributes['status'] }): number {
    const id = this.nodeKeys.length;
    this.nodeKeys.push(key);
    this.labels.push(attributes.label ?? null);
    this.ids.add(key);
    this.stage.push(attributes.stage === undefined ? -1 : this.stages.id(attributes.stage));
    this.country.push(attributes.country === undefined ? -1 : this.countries.id(attributes.country));
    this.nodeCapacity.push(attributes.capacity ?? Infinity);
    this.status.push(NODE_STATUSES.indexOf(attributes.status ?? 'operating'));
    return id;
  }

  /** The node's id, or -1. */
  nodeId(key: string): number {
    return this.ids.id(key);
  }

  /** True when an edge joins `source` to `target` already (both must be nodes). */
  hasPair(source: string, target: string): boolean {
    return this.hasPairOf(this.nodeId(source), this.nodeId(target));
  }

  /** hasPair by node ids. */
  hasPairOf(s: number, t: number): boolean {
    return this.pairs.has(s, t);
  }

  addEdge(key: string, source: string, target: string, attributes: Pick<EdgeAttributes, 'capacity' | 'material'> & { flow?: number }): void {
    this.addEdgeOf(key, this.nodeId(source), this.nodeId(target), attributes);
  }

  /**
   * addEdgeOf for an edge with the default key (`source->target`): the key is not stored
   * but spelt from the node keys when the built index's `edges` is first read, so loading
   * 3x10^6 edges builds no key strings for jobs that never name an edge.
   */
  addDefaultEdgeOf(s: number, t: number, attributes: Pick<EdgeAttributes, 'capacity' | 'material'> & { flow?: number }): void {
    this.addEdgeOf(null, s, t, attributes);
    this.defaultKeys++;
  }

  /** addEdge by node ids. */
  addEdgeOf(key: string | null, s: number, t: number, attributes: Pick<EdgeAttributes, 'capacity' | 'material'> & { flow?: number }): void {
    this.pairs.add(s, t);
    this.edgeKeys.push(key);
    this.source.push(s);
    this.target.push(t);
    this.flow.push(attributes.flow ?? NaN);
    this.capacity.push(capacityOf(attributes as EdgeAttributes));
    this.material.push(attributes.material === undefined ? -1 : this.materials.id(attributes.material));
  }

  build(): GraphIndex {
    const edgeSource = this.source.done();
    const edgeTarget = this.target.done();
    const nodeCountry = this.country.done();
    const keys = this.edgeKeys;
    const index = finishIndex({
      nodes: this.nodeKeys,
      index: null as unknown as Map<string, number>, // made from `nodes` below, when first read
      nodeLabel: this.labels,
      edges: keys as string[], // default keys (null) are spelt below, when first read
      edgeSource,
      edgeTarget,
      edgeFlow: this.flow.done(),
      edgeCapacity: this.capacity.done(),
      edgeMaterial: this.material.done(),
      materials: this.materials.names,
      nodeCapacity: this.nodeCapacity.done(),
      nodeStage: this.stage.done(),
      stages: this.stages.names,
      nodeCountry,
      countries: this.countries.names,
      nodeStatus: this.status.done(),
    });
    const { nodes } = index;
    let ids: Map<string, number> | null = null;
    Object.defineProperty(index, 'index', {
      enumerable: true,
      get: (): Map<string, number> => {
        ids ??= new Map(nodes.map((key, v) => [key, v]));
        return ids;
      },
    });
    if (this.defaultKeys === 0) return index;
    let spelt: string[] | null = null;
    Object.defineProperty(index, 'edges', {
      enumerable: true,
      get: (): string[] => {
        spelt ??= keys.map((key, e) => key ?? `${nodes[edgeSource[e] as number] as string}->${nodes[edgeTarget[e] as number] as string}`);
        return spelt;
      },
    });
    return index;
  }
}


export type IndexCore = Omit<GraphIndex, 'n' | 'm' | 'country' | 'outOffsets' | 'outEdges' | 'inOffsets' | 'inEdges' | 'inDegree' | 'outDegree'>;

/** CSR offsets and edge lists of the edges grouped by `ends` (stable: insertion order within a group). */
function groupEdges(n: number, ends: Int32Array): { offsets: Int32Array; edges: Int32Array; degree: Int32Array } {
  const degree = new Int32Array(n);
  for (let e = 0; e < ends.length; e++) degree[ends[e] as number] = (degree[ends[e] as number] as number) + 1;
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v] as number) + (degree[v] as number);
  const fill = offsets.slice(0, n);
  const edges = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e++) {
    const v = ends[e] as number;
    edges[fill[v] as number] = e;
    fill[v] = (fill[v] as number) + 1;
  }
  return { offsets, edges, degree };
}

/** The index from its element arrays: the CSRs (out and in), degrees and country names derived. */
export function finishIndex(core: IndexCore): GraphIndex {
  const n = core.nodes.length;
  const out = groupEdges(n, core.edgeSource);
  const into = groupEdges(n, core.edgeTarget);
  const country = Array.from(core.nodeCountry, (id) => (id === -1 ? NO_COUNTRY : (core.countries[id] as string)));
  return {
    ...core,
    n,
    m: core.edges.length,
    country,
    outOffsets: out.offsets,
    outEdges: out.edges,
    outDegree: out.degree,
    inOffsets: into.offsets,
    inEdges: into.edges,
    inDegree: into.degree,
  };
}
