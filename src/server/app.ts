/**
 * The HTTP adapter: `createApp(deps)` builds the Express app (JSON API under /api, the
 * map page from the built web folder) without listening. Handlers validate requests at
 * the edge, call the pure core (metrics and scenarios through the compute pool, on worker
 * threads with a time budget, in lanes: the map's work on graphs the server holds, their
 * timelines and ensembles, and posted input),
 * and let the one error middleware answer failures. Scenario answers are cached
 * (answer-cache.ts); bodies over their route's limit are refused by their declared length
 * before they are read, and a refused large body is discarded at a bounded rate per client (guards.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { AnswerCache, DEFAULT_ANSWER_CACHE } from './answer-cache.js';
import { BusyLog } from './busy-log.js';
import { ComputePool } from './compute-pool.js';
import { analyzeRoute } from './routes-analyze.js';
import { graphsRouter, scenarioWork } from './routes-graphs.js';
import { jsonErrors, notFound } from './errors.js';
import { clientLimit, declaredLength, discardRate, hostAllowList } from './guards.js';
import { UsageError } from '../model/errors.js';
import { GraphStore, type LoadedGraph } from './graph-store.js';
import { WARM_UP_WORK, warmUp } from './warm-up.js';
import type { SupplyGraph } from '../model/graph.js';
import { NoQuery, parseQuery } from './validate.js';

export interface Limits {
  /** Largest request body, bytes (the graph of `POST /api/analyze`). */
  bodyBytes: number;
  /** Largest scenario body (`POST /api/graphs/:id/scenario`), bytes, if smaller than `bodyBytes`: a scenario is a few actions, so its body stays small. */
  scenarioBytes: number;
  /** Most actions in a posted scenario. */
  scenarioActions: number;
  /** Largest JSON answer of a scenario, timeline, ensemble or posted graph's analysis, bytes (ComputationError, 422, beyond; checked where it is serialized, on the worker). */
  answerBytes: number;
  /** Most bytes of scenario answers kept for repeated questions (answer-cache.ts; 0: none kept). */
  answerCacheBytes: number;
  /** Most nodes and edges `POST /api/analyze` accepts. */
  analyzeNodes: number;
  analyzeEdges: number;
  /** Most nodes x edges `POST /api/analyze` takes on for betweenness or knockout loss (refused before any work). */
  analyzeWork: number;
  /** Posted graphs larger than this (bytes) are parsed and validated on a compute worker, not in the request thread. */
  analyzeInlineBytes: number;
  /** Graph files larger than this (bytes) are read and validated on a compute worker. */
  graphInlineBytes: number;
  /** Requests with a large body (over `analyzeInlineBytes`, or of unknown length) one client (IP address) may have in flight; 503 beyond. */
  clientHeavy: number;
  /** Rate (bytes per second) at which one client's refused large bodies are discarded (read and dropped), after a burst of `bodyBytes` (guards.ts `discardRate`; 0: no limit). */
  discardBytesPerSecond: number;
  /** Time budgets (ms) of the computations on workers: `POST /api/analyze`, a graph's metrics, a scenario, reading a large graph file. */
  analyzeMs: number;
  metricsMs: number;
  scenarioMs: number;
  /** Most members `POST /api/graphs/:id/ensemble` evaluates, and its time budget (ms). */
  ensembleSamples: number;
  ensembleMs: number;
  loadMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 5 * 1024 * 1024,
  scenarioBytes: 256 * 1024,
  scenarioActions: 200,
  answerBytes: 8 * 1024 * 1024,
  answerCacheBytes: DEFAULT_ANSWER_CACHE.maxBytes,
  analyzeNodes: 2000,
  analyzeEdges: 20000,
  analyzeWork: 1e7,
  analyzeInlineBytes: 64 * 1024,
  graphInlineBytes: 1024 * 1024,
  clientHeavy: 4,
  discardBytesPerSecond: 32 * 1024 * 1024,
  analyzeMs: 20_000,
  metricsMs: 120_000,
  scenarioMs: 20_000,
  ensembleSamples: 500,
  ensembleMs: 60_000,
  loadMs: 60_000,
};

export interface AppDeps {
  /** Folder whose `.json` files are the graphs offered. */
  graphsDir: string;
  /** Folder of preset scenarios; `<graphsDir>/scenarios` when absent. */
  scenariosDir?: string;
  /** The built page (`dist/web`); the API works without it. */
  webDir?: string;
  limits?: Partial<Limits>;
  /** Runs metrics and scenarios (default: a pool with default options; its workers start when first needed). */
  pool?: ComputePool;
  /** Where internal errors (with their stack) and busy answers (one line per interval, busy-log.ts) are logged. */
  log?: (line: string) => void;
  /** The answer cache of scenarios (default: one of `limits.answerCacheBytes`). */
  answers?: AnswerCache;
  /** Counts busy answers (503) and logs them (default: one line per 10 s to `log`; `start()` passes its own and flushes it on close). */
  busy?: BusyLog;
  /**
   * Host names (the Host header without its port) the server answers; any other is a 403.
   * Default: `localhost`, `127.0.0.1`, `[::1]` (a page on another site that rebinds its DNS
   * name to 127.0.0.1 sends its own name, and is refused).
   */
  allowedHosts?: readonly string[];
  /**
   * Start reading the graph folder's listing (each file's summary; large files on a
   * worker) as soon as the app is built, so the first `GET /api/graphs` does not wait for a
   * large file, then prepare the baseline of each small graph on a worker (warm-up.ts), so
   * the map's first scenario does not wait for it (`chokepoint serve` does; default false:
   * nothing runs before a request). A larger graph gets its baseline prepared in the
   * background when it is first loaded (a warm-up of the compute pool, which never delays a
   * request, cancelled when its file changes).
   */
  warm?: boolean;
}

export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Content Security Policy: the page's own origin only; images also from data:/blob: (PNG export). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

function resolveLimits(given: Partial<Limits> = {}): Limits {
  for (const name of Object.keys(given)) if (!(name in DEFAULT_LIMITS)) throw new UsageError(`limits: unknown option "${name}" (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) if (!(value >= 0)) throw new UsageError(`limits: ${name} must be a number >= 0 (got ${value})`);
  return limits;
}

export function createApp(deps: AppDeps): Express {
  const limits = resolveLimits(deps.limits);
  const log = deps.log ?? (() => {});
  const pool = deps.pool ?? new ComputePool();
  // With `warm`, a graph too large for the warm-up at start gets its scenario baseline
  // prepared in the background once it loads (compute-pool.ts `warm`; dropped when its file changes).
  const warmLarge = (loaded: LoadedGraph) => {
    const { graph } = loaded;
    if (graph.order * graph.size <= WARM_UP_WORK) return;
    pool.warm(graph, { type: 'baseline', objective: 'total' }, { budgetMs: limits.metricsMs, hint: 'the baseline warm-up', work: scenarioWork(graph, 0) }).catch(() => {});
  };
  const store = new GraphStore(deps.graphsDir, {
    pool,
    inlineBytes: limits.graphInlineBytes,
    budgetMs: limits.loadMs,
    ...(deps.warm === true ? { onLoaded: warmLarge, onReplaced: (graph: SupplyGraph) => pool.cancelWarm(graph) } : {}),
  });
  const scenariosDir = deps.scenariosDir ?? join(deps.graphsDir, 'scenarios');
  // An error here is the listing's to report, when it is asked for.
  if (deps.warm === true) warmUp(store, pool, limits).catch(() => {});

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag: Express would hash every answer (a SHA-1 of the 140 KB metrics answer per
  // request, measured at about 3 % of the request thread under the load test), and the
  // API's answers are not revalidated by the map. The page's static files keep theirs.
  app.set('etag', false);
  // No HSTS: the server speaks plain HTTP (normally on 127.0.0.1).
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, strictTransportSecurity: false }));
  // First, so that the body of any request refused below is discarded at this rate.
  app.use(discardRate({ bytesPerSecond: limits.discardBytesPerSecond, burstBytes: limits.bodyBytes, threshold: limits.analyzeInlineBytes, clock: pool.options.clock }));
  app.use(hostAllowList(deps.allowedHosts ?? LOOPBACK_HOSTS));
  // The posted graph arrives as bytes and is decoded and parsed where its size says
  // (routes-analyze.ts); scenario bodies are small, and parsed here. A declared length over
  // the limit is refused before the body is read (guards.ts).
  const jsonBytes = Math.min(limits.scenarioBytes, limits.bodyBytes);
  app.post(
    '/api/analyze',
    declaredLength(limits.bodyBytes),
    clientLimit(limits.clientHeavy, limits.analyzeInlineBytes),
    express.raw({ type: () => true, limit: limits.bodyBytes }),
    analyzeRoute(limits, pool),
  );
  app.use('/api', declaredLength(jsonBytes), express.json({ limit: jsonBytes, strict: true }));

  app.get('/api/health', (req, res) => {
    parseQuery(NoQuery, req);
    res.json({ ok: true });
  });
  const answers = deps.answers ?? new AnswerCache({ maxBytes: limits.answerCacheBytes, maxEntryBytes: Math.min(DEFAULT_ANSWER_CACHE.maxEntryBytes, limits.answerCacheBytes) });
  app.use('/api/graphs', graphsRouter({ store, scenariosDir, pool, limits, answers }));
  app.use('/api', notFound);

  if (deps.webDir && existsSync(join(deps.webDir, 'index.html'))) {
    app.use(express.static(deps.webDir, { index: 'index.html', dotfiles: 'ignore' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The map page is not built: run `npm run build` (the API under /api works).\n');
    });
  }
  app.use(notFound);
  app.use(jsonErrors(log, deps.busy ?? new BusyLog(log)));
  return app;
}
