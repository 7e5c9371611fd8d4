/**
 * The flow network of a supply graph, on which maxFlow, the minimum cut and knockoutLoss
 * are computed.
 *
 * - A super-source feeds every source (a node with no in-edge) and every sink (a node
 *   with no out-edge) feeds a super-sink, both arcs unbounded. A node with neither in- nor
 *   out-edges is both by that definition, but carries nothing: it is left unattached
 *   (attaching it would give an unbounded super-source -> node -> super-sink path).
 * - Edge u -> v has capacity `capacity ?? flow` (`edgeCapacity`): weights are capacities.
 * - A node with a `capacity` is split (node splitting): v_in -> v_out with that capacity;
 *   in-edges enter v_in, out-edges leave v_out. Other nodes are one vertex.
 *
 * - With explicit terminals (`Terminals`: max flow between chosen source and target
 *   sets, networkx's `maximum_flow(G, s, t)` for one of each), the super-source feeds the
 *   chosen sources and the chosen targets feed the super-sink instead.
 *
 * Vertex 0 is the super-source, 1 the super-sink.
 */
import type { CompactGraph } from '../../model/compact.js';
import { FlowNetwork } from './flow-network.js';

export interface SupplyNetwork {
  network: FlowNetwork;
  /** Vertex where node i's in-edges arrive. */
  inVertex: Int32Array;
  /** Vertex that node i's out-edges leave (= inVertex[i] when the node is not split). */
  outVertex: Int32Array;
  /** Pair carrying edge e. */
  edgePair: Int32Array;
  /** Pair of node i's split arc, or -1. */
  splitPair: Int32Array;
  /** Pair super-source -> node i when i is a source, else -1. */
  sourcePair: Int32Array;
  /** Pair node i -> super-sink when i is a sink, else -1. */
  sinkPair: Int32Array;
}

export const SUPER_SOURCE = 0;
export const SUPER_SINK = 1;

/** Chosen sources and sinks by node index (1 = chosen), replacing the in/out-degree rule. */
export interface Terminals {
  source: Uint8Array;
  sink: Uint8Array;
}

export function buildSupplyNetwork(graph: CompactGraph, terminals?: Terminals): SupplyNetwork {
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const inVertex = new Int32Array(n);
  const outVertex = new Int32Array(n);
  const splitPair = new Int32Array(n).fill(-1);
  const sourcePair = new Int32Array(n).fill(-1);
  const sinkPair = new Int32Array(n).fill(-1);
  const edgePair = new Int32Array(m);
  const tails: number[] = [];
  const heads: number[] = [];
  const caps: number[] = [];
  const addPair = (tail: number, head: number, cap: number): number => {
    tails.push(tail);
    heads.push(head);
    caps.push(cap);
    return tails.length - 1;
  };

  let vertices = 2;
  for (let i = 0; i < n; i++) {
    inVertex[i] = vertices++;
    const capacity = graph.nodeCapacity[i] as number;
    if (Number.isFinite(capacity)) {
      outVertex[i] = vertices++;
      splitPair[i] = addPair(inVertex[i] as number, outVertex[i] as number, capacity);
    } else {
      outVertex[i] = inVertex[i] as number;
    }
  }
  for (let e = 0; e < m; e++) {
    edgePair[e] = addPair(outVertex[graph.edgeSource[e] as number] as number, inVertex[graph.edgeTarget[e] as number] as number, graph.edgeCapacity[e] as number);
  }
  for (let i = 0; i < n; i++) {
    const indeg = graph.inDegree[i] as number;
    const outdeg = graph.outDegree[i] as number;
    const isSource = terminals ? terminals.source[i] === 1 : indeg === 0 && outdeg > 0;
    const isSink = terminals ? terminals.sink[i] === 1 : outdeg === 0 && indeg > 0;
    if (isSource) sourcePair[i] = addPair(SUPER_SOURCE, inVertex[i] as number, Infinity);
    if (isSink) sinkPair[i] = addPair(outVertex[i] as number, SUPER_SINK, Infinity);
  }
  const network = new FlowNetwork(vertices, SUPER_SOURCE, SUPER_SINK, tails, heads, caps);
  return { network, inVertex, outVertex, edgePair, splitPair, sourcePair, sinkPair };
}

/** Flow through node i in the network's current flow: everything entering its in-vertex. */
export function nodeFlow(supply: SupplyNetwork, i: number): number {
  const { network } = supply;
  const v = supply.inVertex[i] as number;
  let total = 0;
  for (let j = network.start[v] as number; j < (network.start[v + 1] as number); j++) {
    const a = network.adj[j] as number;
    if (a & 1) total += network.flow[a >> 1] as number;
  }
  return total;
}
