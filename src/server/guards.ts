/**
 * Request guards run before any handler: the Host allow-list, the early refusal of a body
 * by its declared length, and the per-client limit on large requests in flight.
 *
 * - Host allow-list: a browser page on another site can rebind its own DNS name to
 *   127.0.0.1 and then call the API as same-origin (DNS rebinding), reading graphs and
 *   posting work. Its requests carry its own name in the Host header, so only the names
 *   the server is known by are answered (loopback by default; `allowedHosts`); any other
 *   Host is a 403 `forbidden`. A request without a Host header (HTTP/1.0 tools) is served:
 *   browsers always send one.
 * - Declared length: a request whose Content-Length is over the route's body limit is a
 *   413 at once, before a byte of its body is read (body-parser would read, and discard,
 *   the whole body first). The connection stays open: Node discards the rest of the body
 *   as it arrives (no buffering, no parsing) and the client reads the answer on a clean
 *   connection, instead of a reset in the middle of its upload. Bodies of unknown length
 *   (chunked) are still cut by body-parser's limit as they arrive.
 * - Per-client limit: a client is one remote IP address (the only identity a server can
 *   check without accounts: a connection carries one request at a time, so a limit per
 *   connection limits nothing, and a client opens as many connections as it likes). One
 *   client may have at most `max` requests with a large body (over `threshold` bytes, or of
 *   unknown length) in flight; one more is a 503 `busy` answered before its body is read
 *   (the rest of the body is discarded as it arrives, as above). Small requests (the
 *   map's scenarios, health) are never counted, so one client flooding large uploads
 *   cannot crowd out the others nor hold more than `max` x the body limit in memory. On
 *   loopback every local program shares the address 127.0.0.1 (or ::1), so there the limit
 *   is one budget for all local uploaders together: a bound on the large bodies buffered at
 *   once, not a fairness rule between local programs (the compute pool's lanes keep the
 *   map's requests apart from uploads; compute-pool.ts).
 * - Discard rate of refused bodies: every byte a client sends is read by the request
 *   thread (Node's HTTP parser copies each chunk of a body into a new Buffer, even one
 *   that is refused and discarded), and that garbage costs garbage collections on the
 *   request thread. Measured under the load test, clients posting 3-5 MB bodies as fast as
 *   loopback carries them (about 220 MB/s, almost all refused by a 413 or 503 before being
 *   read) made the request thread's socket reads and GC pauses what delayed
 *   `/api/health`. So the body of a large request (as the per-client limit counts them)
 *   that is answered without being read (a refusal) is discarded at most `bytesPerSecond`
 *   per client (a token bucket of `burstBytes`), by pausing the request, which stops
 *   reading its socket (TCP backpressure slows the sender; nothing is buffered); the
 *   connection stays open and usable, as before. Bodies the server accepts are read at
 *   full speed (the per-client limit bounds them). On loopback all local programs share
 *   one budget. The clock is injected (tests).
 */
import type { RequestHandler } from 'express';
import { BusyError, ForbiddenError, TooLargeError } from '../model/errors.js';
import type { Clock } from './compute-pool.js';

/** The host name of a Host header value, lower case, without port or trailing dot (`[::1]` keeps its brackets). */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

export function hostAllowList(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map(hostName));
  return (req, _res, next) => {
    const header = req.headers.host;
    if (header === undefined || names.has(hostName(header))) {
      next();
      return;
    }
    const shown = header.length > 80 ? `${header.slice(0, 77)}...` : header;
    next(new ForbiddenError(`Host "${shown}" is not one this server answers to (allowed: ${[...names].join(', ')}); start it with --allow-host to add names`));
  };
}

/** True when the request body is larger than `threshold` bytes or of unknown length (chunked). */
function isLarge(headers: { 'content-length'?: string; 'transfer-encoding'?: string }, threshold: number): boolean {
  const length = headers['content-length'];
  if (length === undefined) return headers['transfer-encoding'] !== undefined;
  return !(Number(length) <= threshold);
}

/** Refuses (413) a body whose declared Content-Length is over `limit` bytes, before reading it (see the header). */
export function declaredLength(limit: number): RequestHandler {
  return (req, _res, next) => {
    const length = req.headers['content-length'];
    if (length !== undefined && Number(length) > limit) {
      next(new TooLargeError(`request body: ${length} bytes, more than this route takes (${limit} bytes)`));
      return;
    }
    next();
  };
}

export function clientLimit(max: number, threshold: number): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    if (!isLarge(req.headers, threshold)) {
      next();
      return;
    }
    const client = req.socket.remoteAddress ?? 'unknown';
    const count = inFlight.get(client) ?? 0;
    if (count >= max) {
      // The body is not read: Node discards it as it arrives, after the answer.
      next(new BusyError(`too many large requests from this client at once (at most ${max} in flight); try again later`));
      return;
    }
    inFlight.set(client, count + 1);
    res.once('close', () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left <= 0) inFlight.delete(client);
      else inFlight.set(client, left);
    });
    next();
  };
}

export interface DiscardRateOptions {
  /** Sustained rate at which one client's refused large bodies are discarded, bytes per second (0: no limit). */
  bytesPerSecond: number;
  /** Bytes a client may have discarded at full speed after a quiet time (the bucket's size). */
  burstBytes: number;
  /** Requests with a body over this (bytes), or of unknown length, are large (as for `clientLimit`). */
  threshold: number;
  clock: Clock;
}

/**
 * A token bucket per client: `take(client, bytes)` spends bytes and answers how long (ms)
 * the client must wait before more is read (0: none). The bucket holds at most
 * `burstBytes` and refills at `bytesPerSecond`; it may go negative (a chunk already read),
 * and the wait is the time to refill back to zero.
 */
export class ByteBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number; users: number }>();

  constructor(private readonly options: Omit<DiscardRateOptions, 'threshold'>) {}

  /** A request of `client` starts using its bucket (kept while any does). */
  open(client: string): void {
    const bucket = this.buckets.get(client);
    if (bucket) bucket.users++;
    else this.buckets.set(client, { tokens: this.options.burstBytes, at: this.options.clock.now(), users: 1 });
  }

  close(client: string): void {
    const bucket = this.buckets.get(client);
    if (!bucket) return;
    bucket.users--;
    if (bucket.users > 0) return;
    // Forget a bucket once it is full again; until then it is kept, so closing and opening
    // connections does not refill it.
    this.refill(bucket);
    if (bucket.tokens >= this.options.burstBytes) this.buckets.delete(client);
  }

  take(client: string, bytes: number): number {
    const bucket = this.buckets.get(client);
    if (!bucket) return 0;
    this.refill(bucket);
    bucket.tokens -= bytes;
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / this.options.bytesPerSecond) * 1000);
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: { tokens: number; at: number }): void {
    const now = this.options.clock.now();
    bucket.tokens = Math.min(this.options.burstBytes, bucket.tokens + ((now - bucket.at) / 1000) * this.options.bytesPerSecond);
    bucket.at = now;
  }
}

/**
 * Discards the unread body of a refused large request at most `bytesPerSecond` per client
 * (see the header). Put it before any guard that may refuse a request. When the answer is
 * ending ('prefinish', before Node's own handler on 'finish' would discard the body at
 * full speed) and the body has neither been read nor fully arrived, this reads it, paused
 * whenever the client's bucket is empty.
 */
export function discardRate(options: DiscardRateOptions): RequestHandler {
  const buckets = new ByteBuckets(options);
  const { clock } = options;
  return (req, res, next) => {
    if (options.bytesPerSecond === 0 || !isLarge(req.headers, options.threshold)) {
      next();
      return;
    }
    res.once('prefinish', () => {
      // Read (or being read) by the route, or all there: nothing to discard.
      if (req.complete || req.readableFlowing !== null) return;
      const client = req.socket.remoteAddress ?? 'unknown';
      buckets.open(client);
      let timer: unknown = null;
      req.once('close', () => {
        if (timer !== null) clock.clearTimeout(timer);
        timer = null;
        buckets.close(client);
      });
      req.on('data', (chunk: Buffer) => {
        const wait = buckets.take(client, chunk.length);
        if (wait === 0 || timer !== null) return;
        req.pause();
        timer = clock.setTimeout(() => {
          timer = null;
          req.resume();
        }, wait);
        (timer as { unref?: () => void } | null)?.unref?.();
      });
    });
    next();
  };
}
