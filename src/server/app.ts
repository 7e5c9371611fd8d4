/**
 * The HTTP adapter: `createApp(deps)` builds the Express app (JSON API under /api, the
 * map page from the built web folder) without listening. Handlers validate requests at
 * the edge, call the pure core (metrics and scenarios through the compute pool, on worker
 * threads with a time budget for large graphs), and let the one error middleware answer
 * failures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { ComputePool } from './compute-pool.js';
import { analyzeRoute } from './routes-analyze.js';
import { graphsRouter } from './routes-graphs.js';
import { jsonErrors, notFound } from './errors.js';
import { GraphStore } from './graph-store.js';
import { NoQuery, parseQuery } from './validate.js';

export interface Limits {
  /** Largest JSON request body, bytes. */
  bodyBytes: number;
  /** Most nodes and edges `POST /api/analyze` accepts. */
  analyzeNodes: number;
  analyzeEdges: number;
  /** Most nodes x edges `POST /api/analyze` takes on for betweenness or knockout loss (refused before any work). */
  analyzeWork: number;
  /** Time budgets (ms) of the computations on workers: `POST /api/analyze`, a graph's metrics, a scenario. */
  analyzeMs: number;
  metricsMs: number;
  scenarioMs: number;
  /** Most members `POST /api/graphs/:id/ensemble` evaluates, and its time budget (ms). */
  ensembleSamples: number;
  ensembleMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 5 * 1024 * 1024,
  analyzeNodes: 2000,
  analyzeEdges: 20000,
  analyzeWork: 1e7,
  analyzeMs: 20_000,
  metricsMs: 120_000,
  scenarioMs: 20_000,
  ensembleSamples: 500,
  ensembleMs: 60_000,
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
  /** Where internal errors are logged. */
  log?: (line: string) => void;
}

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

export function createApp(deps: AppDeps): Express {
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? (() => {});
  const store = new GraphStore(deps.graphsDir);
  const pool = deps.pool ?? new ComputePool();
  const scenariosDir = deps.scenariosDir ?? join(deps.graphsDir, 'scenarios');

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No HSTS: the server speaks plain HTTP (normally on 127.0.0.1).
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES }, strictTransportSecurity: false }));
  app.use('/api', express.json({ limit: limits.bodyBytes, strict: true }));

  app.get('/api/health', (req, res) => {
    parseQuery(NoQuery, req);
    res.json({ ok: true });
  });
  app.use('/api/graphs', graphsRouter({ store, scenariosDir, pool, limits }));
  app.post('/api/analyze', analyzeRoute(limits, pool));
  app.use('/api', notFound);

  if (deps.webDir && existsSync(join(deps.webDir, 'index.html'))) {
    app.use(express.static(deps.webDir, { index: 'index.html', dotfiles: 'ignore' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The map page is not built: run `npm run build` (the API under /api works).\n');
    });
  }
  app.use(notFound);
  app.use(jsonErrors(log));
  return app;
}
