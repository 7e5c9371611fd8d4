/**
 * Initial stocks of the monthly model, in tonnes:
 *
 *   S0_v = stock_v                              when the node gives `stock`
 *   S0_v = stockMonths_v x IN_v / 12            when it gives `stockMonths`
 *
 * IN_v is the node's baseline in-flow (t/yr): the sum of `flow` over its in-edges in the
 * baseline active graph (no action), or, for a project that is not operating, over its
 * in-edges in the input graph (the flows stated for the project). A stock is held in the
 * node's baseline input mix, in baseline proportions; a node with no in-flow (a source)
 * never needs to draw its stock. Nodes without a positive stock are left out.
 *
 * `coverMonths` (the map's "months of cover at manufacturers"): every node of stage
 * `manufacturing` holds stockMonths = coverMonths instead of its own stock figures.
 */
import type { SupplyGraph } from '../model/graph.js';

/** The stage whose nodes `coverMonths` applies to. */
export const COVER_STAGE = 'manufacturing';

export function initialStocks(graph: SupplyGraph, baseline: SupplyGraph, coverMonths?: number): Map<string, number> {
  const stocks = new Map<string, number>();
  graph.forEachNode((node, a) => {
    const covered = coverMonths !== undefined && a.stage === COVER_STAGE;
    if (a.stock === undefined && a.stockMonths === undefined && !covered) return;
    const from = baseline.hasNode(node) ? baseline : graph;
    const inFlow = from.reduceInEdges(node, (total, _edge, e) => total + e.flow, 0);
    const tonnes = covered ? (coverMonths * inFlow) / 12 : (a.stock ?? ((a.stockMonths ?? 0) * inFlow) / 12);
    if (tonnes > 0) stocks.set(node, tonnes);
  });
  return stocks;
}
