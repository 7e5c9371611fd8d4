/** The metrics of chokepoint: re-exports only. Definitions are in each file and docs/metrics.md. */
export { betweenness, type BetweennessOptions, type BetweennessResult } from './centrality/betweenness.js';
export { degree, type DegreeResult } from './centrality/degree.js';
export { closeness } from './centrality/closeness.js';
export { components, type ComponentsResult } from './graph/components.js';
export { pagerank, type PagerankOptions } from './centrality/pagerank.js';
export { stageConcentration, type StageShares } from './concentration/stage-concentration.js';
export { supplyRisk, type SupplyRiskResult } from './concentration/supply-risk.js';
export { knockoutLoss, KNOCKOUT_METHODS, type KnockoutMethod, type KnockoutOptions, type KnockoutResult } from './flow/knockout.js';
export { maxFlow, type MaxFlowResult, type MinimumCut } from './flow/max-flow.js';
export { flowShare, stageThroughput, throughput } from './flow/throughput.js';
export { buildMetrics, computeMetrics, metricsNeedGraph, observedSupply, parseMetricNames, type MetricsOptions, type MetricsResult, type MetricsSource } from './report.js';
export * from './report-types.js';
export { METRICS_TABLES, metricsCsv, parseTableName, tableRows, type MetricsTable, type TableRows } from './tables.js';
