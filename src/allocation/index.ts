/** The allocation bound's public surface (docs/scenarios.md, "The allocation bound"). Re-exports only. */
export { buildAllocationLp, fairPhaseTwo, lpName, servedFirst, OBJECTIVES, type AllocationLp, type AllocationLpOptions, type Objective } from './allocation-lp.js';
export { bindingInput, type BindingInput, type BindingStep } from './binding-input.js';
export { allocationNetwork, isSink, isSource, type AllocationNetwork } from './allocation-network.js';
export { loadSolver, solveLp, solveLpObjectives, solverLoaded, type SolveLpOptions } from './highs-adapter.js';
export { dualOf, LpBuilder, valueOf, type LinearProgram, type LpSolution, type LpStatus, type RowEntry, type Sense } from './linear-program.js';
export { DEFAULT_RECIPE, materialOf, resolveRecipes, type Coefficients, type ResolvedRecipe } from './recipes.js';
export { servedFirstAllocation, solveAllocation, type AllocationInput, type AllocationOptions, type AllocationResult, type CountryShadowPrice, type ServedFirstOptions } from './solve-allocation.js';
