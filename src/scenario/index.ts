/** The scenario engine's public surface (docs/scenarios.md). Re-exports only. */
export { applyScenario, type AppliedScenario, type ScenarioChange } from './apply-scenario.js';
export { BOUND_LABELS, BOUNDS, compareResults, viewOf, type Bound, type Comparison, type ComparisonRow, type ResultView } from './compare.js';
export { countryLens, type CountryLens } from './country-lens.js';
export { evaluateScenario, supplyTotals, type Bottleneck, type EndUseLoss, type EvaluateOptions, type Loss, type ScenarioResult, type SinkSupply, type Supply } from './evaluate.js';
export { naturalCompare } from './natural-sort.js';
export { parseScenario, type ParseScenarioOptions } from './parse-scenario.js';
export { findPreset, presetId, type Preset } from './presets.js';
export { proportionalFlow, type ProportionalOptions, type ProportionalResult } from './proportional-flow.js';
export * from './schema.js';
export { sinkMaxFlow } from './sink-max-flow.js';
export { stageChanges, type StageChange, type StageSummary } from './stage-change.js';
export { SWEEP_BY, SWEEP_MODES, sweepScenarios, type SweepOptions, type SweepResult, type SweepRow } from './sweep.js';
