/** The scenario engine's public surface (docs/scenarios.md). Re-exports only. */
export { applyScenario, type AppliedScenario, type ScenarioChange } from './apply-scenario.js';
export { BOUND_LABELS, compareResults, viewOf, type Comparison, type ComparisonRow, type ResultView } from './compare.js';
export { countryLens, type CountryLens } from './country-lens.js';
export { BOUND_ASSUMPTIONS, BOUNDS, evaluateScenario, supplyTotals, type Bound, type Bottleneck, type EndUseLoss, type EvaluateOptions, type Loss, type ScenarioResult, type SinkSupply, type Supply } from './evaluate.js';
export { naturalCompare } from './natural-sort.js';
export { parseScenario, type ParseScenarioOptions } from './parse-scenario.js';
export { findPreset, presetId, type Preset } from './presets.js';
export { proportionalFlow, type ProportionalOptions, type ProportionalResult } from './proportional-flow.js';
export * from './schema.js';
export { sinkMaxFlow } from './sink-max-flow.js';
export { stageChanges, type StageChange, type StageSummary } from './stage-change.js';
export { SWEEP_BY, SWEEP_MODES, sweepScenarios, type SweepOptions, type SweepResult, type SweepRow } from './sweep.js';
