/**
 * Worker-thread entry of the threaded ensemble run (ensemble-threads.ts): on `init` it
 * rebuilds the graph and keeps the plan it was sent (the draws of the calling thread);
 * on each `chunk` it evaluates those members, posting `member` after each and then the
 * chunk's rows.
 */
import { parentPort } from 'node:worker_threads';
import { loadSolver } from '../allocation/highs-adapter.js';
import type { SupplyGraph } from '../model/graph.js';
import type { Scenario } from '../scenario/schema.js';
import { importGraph, serializeError } from '../server/compute-jobs.js';
import { evaluateMembers, type EnsemblePlan } from '../uncertainty/ensemble.js';
import type { EnsembleWorkerReply, EnsembleWorkerRequest } from './ensemble-threads.js';

const port = parentPort;
let model: { graph: SupplyGraph; scenario: Scenario; plan: EnsemblePlan } | null = null;
if (port !== null) {
  // Messages posted meanwhile wait in the port until the listener is attached.
  await loadSolver();
  const reply = (message: EnsembleWorkerReply) => port.postMessage(message);
  port.on('message', (request: EnsembleWorkerRequest) => {
    try {
      if (request.type === 'init') {
        const graph = importGraph(request.graph);
        model = { graph, scenario: request.scenario, plan: request.plan };
        return;
      }
      if (model === null) throw new Error('ensemble worker: chunk before init');
      const { graph, scenario, plan } = model;
      reply({ type: 'rows', from: request.from, rows: evaluateMembers(graph, scenario, plan, request.from, request.to, () => reply({ type: 'member' })) });
    } catch (error) {
      reply({ type: 'error', error: serializeError(error) });
    }
  });
}
