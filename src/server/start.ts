/**
 * Starting the server: `start(options)` builds the app and listens (127.0.0.1 unless told
 * otherwise); the returned handle gives the URL and closes the server.
 *
 * Timeouts: a client has `headersMs` to send its request headers and `requestMs` for the
 * whole request (a slow or stalled client cannot hold a connection for long); an idle
 * keep-alive connection is closed after `keepAliveMs`. Closing is graceful: the server
 * stops accepting connections, closes idle ones, lets requests in flight finish, and
 * after `graceMs` answers every request still unanswered with a 503 `busy` ("the server
 * is stopping"; `Connection: close`), then closes the connections; then the compute
 * pool's workers are stopped. Busy answers (503) are logged one line per interval
 * (busy-log.ts), the last one when the server has stopped.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadSolver } from '../allocation/highs-adapter.js';
import { BusyError, UsageError } from '../model/errors.js';
import { errorResponse } from './errors.js';
import { createApp, type AppDeps } from './app.js';
import { BusyLog } from './busy-log.js';
import { ComputePool, type ComputeOptions } from './compute-pool.js';

/** The project folder (this file is src/server/start.ts or dist/server/start.js). */
const PROJECT_ROOT = new URL('../../', import.meta.url);

export const DEFAULT_GRAPHS_DIR = fileURLToPath(new URL('graphs/', PROJECT_ROOT));
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('dist/web/', PROJECT_ROOT));
export const DEFAULT_GRAPH_ID = 'rare-earths-2024';

export interface Timeouts {
  /** Time to receive the request headers. */
  headersMs: number;
  /** Time to receive the whole request (headers and body). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
  /** On close, how long requests in flight may take to finish. */
  graceMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, graceMs: 10_000 };

export interface StartOptions extends Partial<Omit<AppDeps, 'pool'>> {
  port?: number;
  host?: string;
  timeouts?: Partial<Timeouts>;
  /** The compute pool's options (workers, queue, inlineWork, spawn). */
  compute?: Partial<ComputeOptions>;
}

export interface RunningServer {
  server: Server;
  /** e.g. `http://127.0.0.1:3000/` */
  url: string;
  /** The pool computing metrics and scenarios. */
  pool: ComputePool;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), stops the workers, then resolves. */
  close: () => Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use; pass --port (or set PORT) to use another`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UsageError(`cannot listen on host "${host}": ${error.code}`);
    if (error.code === 'EACCES') throw new UsageError(`no permission to listen on port ${port}`);
    throw error;
  });
}

/** Answers every response not yet sent with the 503 of a stopping server. */
function answerStopping(open: Set<ServerResponse>): void {
  const { status, body } = errorResponse(new BusyError('the server is stopping: the request did not finish within the shutdown grace period; try again later'));
  const text = JSON.stringify(body);
  for (const res of open) {
    if (res.headersSent) {
      res.destroy();
      continue;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'retry-after': '5', connection: 'close' });
    res.end(text);
  }
}

export async function start(options: StartOptions = {}): Promise<RunningServer> {
  const { port = 3000, host = '127.0.0.1', timeouts: given, compute, ...deps } = options;
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...given };
  // Small jobs run in this thread (compute-pool.ts), scenarios among them: the LP solver first.
  await loadSolver();
  const pool = new ComputePool(compute);
  // Busy answers are logged one line per interval, on the pool's clock; the last line when the server stops.
  const busy = deps.busy ?? new BusyLog(deps.log ?? (() => {}), { clock: pool.options.clock });
  const app = createApp({ graphsDir: DEFAULT_GRAPHS_DIR, webDir: DEFAULT_WEB_DIR, ...deps, pool, busy });
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // How often the two timeouts above are checked (Node's default is 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, timeouts.headersMs / 2)),
    },
    app,
  );
  await listen(server, port, host).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  // Requests not yet answered, for the 503 at the end of the grace period.
  const open = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    pool,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => {
          answerStopping(open);
          // Let the 503s reach the clients, then cut what is left.
          setTimeout(() => server.closeAllConnections(), 100).unref();
        }, timeouts.graceMs);
        // A keep-alive connection becomes idle once its request in flight is answered: close it then.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        force.unref();
        sweep.unref();
        server.close((error) => {
          clearTimeout(force);
          clearInterval(sweep);
          busy.flush();
          pool.close().then(() => (error ? reject(error) : resolve()), reject);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
