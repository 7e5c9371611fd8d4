/**
 * The metrics report, the library's entry: `buildMetrics` and `computeMetrics` (every
 * metric of report-types.ts for one graph; report-build.ts documents the report and
 * report-options.ts its options) with the allocation LP behind shadowPrice
 * (src/allocation/solve-allocation.ts) imported with this module; shadowPrice solves it, so
 * its solver must have been loaded first (`await loadSolver()`, allocation/highs-adapter.ts).
 * A caller that wants to import the LP code only when shadowPrice is asked (the CLI) calls
 * report-build.ts `buildMetricsReport` and passes the LP itself. The server, exports and
 * tests use this module.
 */
import { solveAllocation } from '../allocation/solve-allocation.js';
import type { SupplyGraph } from '../model/graph.js';
import { buildMetricsReport, type MetricsProgress, type MetricsResult, type MetricsSource, type PrecomputedMetrics } from './report-build.js';
import type { MetricsOptions } from './report-options.js';
import type { MetricsReport } from './report-types.js';

export { betweennessJob, buildMetricsReport, metricsFlow, observedSupply, observedSupplyOfIndex, type AllocationSolver, type MetricsHooks, type MetricsProgress, type MetricsResult, type MetricsSource, type PrecomputedMetrics } from './report-build.js';
export { knockoutJob, metricsNeedGraph, parseMetricNames, type MetricsOptions } from './report-options.js';

/**
 * The report and its notes (report-build.ts `buildMetricsReport`, with `solveAllocation`
 * for shadowPrice). `graph` may be a MetricsSource (an index without its graph).
 */
export function buildMetrics(graph: SupplyGraph | MetricsSource, options: MetricsOptions = {}, precomputed: PrecomputedMetrics = {}, progress: MetricsProgress = {}): MetricsResult {
  return buildMetricsReport(graph, options, precomputed, { ...progress, allocation: solveAllocation });
}

/** The metrics report of `graph` (see report-build.ts). */
export function computeMetrics(graph: SupplyGraph, options: MetricsOptions = {}): MetricsReport {
  return buildMetrics(graph, options).report;
}
