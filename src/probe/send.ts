// Sends the planned requests with Node's own fetch: one at a time, at most `rate` per second, each within a
// time-out, at most `maxRequests` in all, never to another origin than the server's, never following a redirect.

import type { RoleCredentials } from './credentials';
import type { PlannedRequest } from './plan';

/** What was sent and what came back. */
export interface Exchange {
  request: PlannedRequest;
  /** The URL as sent (query credentials included: evidence redacts them). */
  url: string;
  status: number;
  /** Response headers by lower-case name. */
  headers: Record<string, string>;
  /** The start of the body, as text. */
  body: string;
}

/** The body read as JSON; undefined when it is not JSON (or was cut short). */
export function jsonBodyOf(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.body);
  } catch {
    return undefined;
  }
}

export interface SendOptions {
  /** `--server`: every request goes to this origin, under its path. */
  server: URL;
  /** Requests per second. */
  rate: number;
  /** Per request, in milliseconds, until the whole body is read. */
  timeoutMs: number;
  maxRequests: number;
  /** Aborted on Ctrl-C: the request under way is cancelled and nothing more is sent. */
  signal?: AbortSignal;
}

/** Why the run stopped before its plan was done: the request budget, or Ctrl-C. */
export class ProbeStopped extends Error {
  constructor(readonly reason: 'budget' | 'interrupted') {
    super(reason === 'budget' ? 'the request budget is spent' : 'interrupted');
  }
}

/** The server did not answer: refused, unknown host, time-out, reset. The message is one line, without credentials. */
export class ServerUnreachable extends Error {}

/** A request the probe refuses to send: its URL would leave the server's origin or path. */
export class OffOrigin extends Error {}

/** Bodies are read up to this size: evidence and comparisons need only their start. */
const MAX_BODY_BYTES = 64 * 1024;

export interface Sender {
  send(request: PlannedRequest, credentials: RoleCredentials | undefined): Promise<Exchange>;
  /** How many requests were sent so far. */
  readonly sent: number;
}

export function createSender(options: SendOptions): Sender {
  const interval = 1000 / options.rate;
  let lastStart = -Infinity;
  let sent = 0;
  return {
    get sent() {
      return sent;
    },
    async send(request, credentials) {
      if (options.signal?.aborted === true) throw new ProbeStopped('interrupted');
      if (sent >= options.maxRequests) throw new ProbeStopped('budget');
      const url = urlFor(options.server, request.path, credentials?.query ?? {});
      await sleep(lastStart + interval - Date.now(), options.signal);
      lastStart = Date.now();
      sent += 1;
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
      try {
        const response = await fetch(url, {
          method: request.method,
          headers: headersFor(credentials),
          // A redirect is reported, never followed: it could lead to another host, with the credentials.
          redirect: 'manual',
          signal,
        });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        const body = await bodyStart(response);
        return { request, url: url.href, status: response.status, headers, body };
      } catch (error) {
        if (interrupted(options.signal)) throw new ProbeStopped('interrupted');
        if (timeout.aborted) {
          throw new ServerUnreachable(
            `${request.method} ${withoutQuery(url)} got no answer within ${options.timeoutMs} ms`,
          );
        }
        throw new ServerUnreachable(`${request.method} ${withoutQuery(url)}: ${networkReason(error)}`);
      }
    },
  };
}

/**
 * The URL of a path on the server: the server URL's path, then the request's. Refused (never sent) unless it stays on
 * the server's origin and under its path; percent-encoded path values cannot leave it, this makes sure.
 */
export function urlFor(server: URL, path: string, query: Readonly<Record<string, string>>): URL {
  const base = server.pathname.replace(/\/+$/, '');
  const url = new URL(`${base}${path}`, server.origin);
  if (url.origin !== server.origin || !url.pathname.startsWith(base)) {
    throw new OffOrigin(`refusing ${url.origin}${url.pathname}: not under ${server.origin}${base}/`);
  }
  for (const [name, value] of Object.entries(query)) url.searchParams.append(name, value);
  return url;
}

function headersFor(credentials: RoleCredentials | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...(credentials?.headers ?? {}) };
  const cookies = Object.entries(credentials?.cookies ?? {});
  if (cookies.length > 0) headers.Cookie = cookies.map(([name, value]) => `${name}=${value}`).join('; ');
  return headers;
}

async function bodyStart(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= MAX_BODY_BYTES) await reader.cancel();
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** The reason fetch gives, from its `cause` (`connect ECONNREFUSED 127.0.0.1:8080`). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Read again after an await: TypeScript narrows `signal.aborted` as if it could not have changed since. */
function interrupted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, milliseconds);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(new ProbeStopped('interrupted'));
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
