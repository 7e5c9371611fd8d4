/**
 * The library entry: `import { loadGraph, betweenness, maxFlow, evaluateScenario } from
 * 'chokepoint'`. Re-exports only (docs/library.md): loading and validating graphs, the
 * metrics, the scenario engine, the file formats and the typed errors. Everything but
 * `loadGraph` (which reads a file) and `loadSolver` (which loads the LP solver, once, before
 * anything solves an allocation LP) is pure.
 */
export { loadGraph, type GraphFormat, type LoadGraphOptions } from './io/load-graph.js';
export { parseGraph, type ParseOptions, type ParseResult } from './model/parse-graph.js';
export { createSupplyGraph, activeSubgraph, edgeCapacity, type SupplyGraph } from './model/graph.js';
export { DEFAULT_STAGES, stagesOf } from './model/stages.js';
export { hasCountry, hasFlow, hasStage, metNeeds, requireSupplyChain, type SupplyChainNeed } from './model/supply-chain.js';
export { NO_UNIT, unitOf } from './model/units.js';
export { UNLIMITED, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from './model/schema.js';
export { BusyError, ChokepointError, ComputationError, InputError, NotFoundError, TooLargeError, UsageError, type Problem } from './model/errors.js';
export * from './metrics/index.js';
export { type MaxFlowOptions } from './metrics/flow/max-flow.js';
export * from './scenario/index.js';
export { loadSolver } from './allocation/highs-adapter.js';
export * from './formats/index.js';
