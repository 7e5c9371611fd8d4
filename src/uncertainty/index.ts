/** Uncertainty ensembles and sensitivity (docs/uncertainty.md). Re-exports only. */
export * from './ensemble.js';
export { latinHypercube } from './latin-hypercube.js';
export { quantileSorted } from './quantile.js';
export { sampleModel, type SampledModel } from './sample-graph.js';
export { averageRanks, pearson, spearman } from './spearman.js';
export * from './uncertain-inputs.js';
