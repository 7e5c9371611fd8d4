/**
 * `evaluateScenario` (evaluate.ts) with the baseline's allocation LP solved on a worker
 * thread. On a large graph that solve is the largest single piece of an evaluation (on
 * 10,000 nodes with loops, about 40% of its CPU time), and nothing of the scenario side
 * waits for it: the scenario's network and LP are the baseline's with the overlay's
 * capacities (`SideOptions.from`), built before the solve. So the calling thread begins
 * the evaluation (`beginEvaluation`: the scenario applied, the baseline's LP built), posts
 * the LP to the worker with the baseline's compact graph, off whose one maximum flow the
 * worker also reads the knockout bottlenecks, edge flows and the max flow into each sink
 * and end use (`baselineFlowFigures`, compact-flows.ts), and meanwhile evaluates the
 * scenario side and the baseline's proportional bound; then it reads the worker's answers
 * back exactly as if it had computed them (remembered on the baseline side, `completeSide`
 * with `solved`) and finishes (`finishEvaluation`).
 * The solution is the same numbers: the same function (`solveAllocationLp`) of the same
 * LP on the same solver build, a fresh HiGHS instance per solve in either thread. So the
 * result equals `evaluateScenario`'s exactly (tests/scenario/evaluate-parallel.test.ts).
 *
 * The worker starts first, so it loads the solver while the LP is built. Graphs with
 * fewer than PARALLEL_MIN_SIZE nodes and edges, evaluations with a prepared baseline (no
 * baseline LP left to solve) and `threads: 1` run in the calling thread. A worker that
 * fails leaves the solve to the calling thread (whose errors, e.g. an infeasible LP, are
 * then the usual typed ones). With sweep-parallel.ts and the worker files, this is one of
 * the scenario files that touch Node APIs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadSolver } from '../allocation/highs-adapter.js';
import { activeSubgraph, type SupplyGraph } from '../model/graph.js';
import { runPool, threadCount } from '../metrics/worker-pool.js';
import type { BaselineWorkerInput, BaselineWorkerResult } from './baseline-worker.js';
import { bottlenecks } from './bottlenecks.js';
import { endUseGroups, endUsesServedFirst } from './end-use-figures.js';
import { baselineStart, beginEvaluation, evaluateScenario, finishEvaluation, resolveOptions, scenarioSide, stageChangesOf, type EvaluateOptions, type ScenarioResult } from './evaluate.js';
import { boundsWithoutLp, completeSide, proportionalOf, rememberGroupMaxFlows, sinksOf } from './evaluation-side.js';
import type { Scenario } from './schema.js';

/**
 * Least size, nodes + edges, worth the worker. Starting it (a thread, the solver, the
 * evaluation modules) costs about 0.65 s of a core; the baseline LP's solve grows faster
 * than the graph: on generated layered graphs with loops (3 edges per node), CPU time on a
 * shared machine, about 0.2 s at 4,000 nodes + edges, 0.6 s at 12,000, 1.6 s at 24,000 and
 * 2.6 s at 40,000, and the knockout bottlenecks the worker also takes grow alike. From
 * 20,000 the worker's share is well above its start; below, the calling thread does it
 * all. The shipped dataset (156 nodes, 280 edges) is far below.
 */
export const PARALLEL_MIN_SIZE = 20_000;

export type SpawnBaselineWorker = () => Worker;

export interface EvaluateParallelOptions extends EvaluateOptions {
  /** Threads (default: available parallelism, at most 16); 1 evaluates in the calling thread. Two are used at most. */
  threads?: number;
  /** Least graph size, nodes + edges, worth the worker (default PARALLEL_MIN_SIZE). */
  minSize?: number;
  /** How the worker is started (tests run the TypeScript source). */
  spawn?: SpawnBaselineWorker;
}

const WORKER_URL = new URL('./baseline-worker.js', import.meta.url);

/** The compiled worker next to this file (dist/scenario/baseline-worker.js). */
const spawnCompiled: SpawnBaselineWorker = () => {
  if (!existsSync(fileURLToPath(WORKER_URL))) throw new Error(`the scenario baseline worker ${fileURLToPath(WORKER_URL)} is missing: run \`npm run build\``);
  return new Worker(WORKER_URL);
};

/** `evaluateScenario(graph, scenario, options)` with the baseline's allocation LP and knockout bottlenecks computed on a worker thread (see the header); the same result. */
export async function evaluateScenarioParallel(graph: SupplyGraph, scenario: Scenario, options: EvaluateParallelOptions = {}): Promise<ScenarioResult> {
  const { threads, minSize = PARALLEL_MIN_SIZE, spawn = spawnCompiled, ...evaluate } = options;
  // The scenario side's LPs are solved in this thread.
  await loadSolver();
  if (threadCount(threads, 'scenario') < 2 || evaluate.baseline !== undefined || graph.order + graph.size < minSize) return evaluateScenario(graph, scenario, evaluate);
  const { top } = resolveOptions(evaluate);
  const worker = spawn();
  const working = runPool<BaselineWorkerResult>({ name: 'scenario baseline', workers: 1, total: 1, start: () => worker }).then(
    ([result]) => result,
    () => undefined,
  );
  let posted: BaselineWorkerInput | undefined;
  try {
    const e = beginEvaluation(graph, scenario, evaluate, (started) => {
      const built = started.lp;
      if (built === undefined) return;
      const base = started.applied.shape;
      // The max flow into each sink alone and into each end use (the baseline's sinks: the
      // scenario's too when it activates nothing; any other group is computed here).
      const groups = [...sinksOf(base).map((sink) => [sink]), ...[...endUseGroups(started, started).values()].filter((group) => group.length > 1)];
      // The names go along for the solver's messages; the name maps are not read.
      posted = {
        built: { lp: { ...built.lp, columnIndex: new Map(), rowIndex: new Map() }, lambda: built.lambda, delivered: built.delivered },
        objective: started.objective,
        // An active graph's figures come from its compact graph's one maximum flow (else they are computed on the graph here).
        ...(activeSubgraph(base) === base ? { flows: { compact: started.compact, top, groups } } : {}),
      };
      worker.postMessage(posted);
    });
    const before = baselineStart(e);
    const after = scenarioSide(e);
    // What else the result needs and the worker's answer does not: computed (and remembered on the sides) meanwhile.
    endUsesServedFirst(after, endUseGroups(before, after), e.objective);
    bottlenecks(after, e.top);
    stageChangesOf(before, after);
    proportionalOf(before);
    const answer = posted !== undefined ? await working : undefined;
    const asked = posted?.flows;
    if (answer?.flows && asked) {
      // Read as if computed here: remembered on the baseline side before it is completed.
      bottlenecks(before, e.top, answer.flows.bottlenecks);
      boundsWithoutLp(before, answer.flows);
      rememberGroupMaxFlows(before, asked.groups, answer.flows.groups);
    }
    return finishEvaluation(e, completeSide(before, answer?.solved), after);
  } finally {
    void worker.terminate();
  }
}
