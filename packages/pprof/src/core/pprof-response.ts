// What the core takes and gives: a pprof request, a response description, and the Go-style answers.
import type { Readable } from 'node:stream';
import { PprofError, pprofError } from '../errors.js';

/** A request as the core sees it; the fastify plugin and the standalone server build one. */
export interface PprofRequest {
  /** Path below the prefix: `''` (no slash), `'/'` for the index, `'/heap'`, … */
  readonly path: string;
  /** The whole request path, for redirects and the index title (the app may mount us deeper). */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** The Authorization header, if any. */
  readonly authorization: string | undefined;
  /** The peer's address (the socket's, never a forwarded header). */
  readonly remoteAddress: string | undefined;
  /** Aborted when the client goes away, which stops a running profile. */
  readonly signal: AbortSignal;
}

/** What to send back. A `null` body means the client left and nothing should be sent. */
export interface PprofResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | Readable | null;
}

const nosniff = { 'X-Content-Type-Options': 'nosniff' };
const plainText = 'text/plain; charset=utf-8';

/** A 200 with `body` as `contentType` (text, HTML or JSON). */
export function textResponse(body: string, contentType = plainText): PprofResponse {
  return { status: 200, headers: { ...nosniff, 'Content-Type': contentType }, body };
}

/** A 200 download named `name`, as Go serves profiles: octet-stream, attachment. */
export function attachmentResponse(name: string, body: Buffer | Readable): PprofResponse {
  return {
    status: 200,
    headers: {
      ...nosniff,
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
    body,
  };
}

/** A permanent redirect, as Go's mux answers the prefix without its slash. */
export function redirectResponse(location: string): PprofResponse {
  return {
    status: 301,
    headers: { Location: location, 'Content-Type': plainText },
    body: 'Moved Permanently\n',
  };
}

/** Nothing to send: the client went away before the answer was ready. */
export const clientGone: PprofResponse = { status: 499, headers: {}, body: null };

/** Go's serveError: plain text, the status, `X-Go-Pprof: 1`, and our code in `X-Pugo-Error-Code`. */
export function errorResponse(error: unknown, path: string): PprofResponse {
  const pprof =
    error instanceof PprofError
      ? error
      : pprofError('PUGO_ERR_PPROF_PROFILE_FAILED', {
          profile: path.replace(/^\//, '') || 'index',
          reason: error instanceof Error ? error.message : String(error),
        });
  const headers: Record<string, string> = {
    ...nosniff,
    'Content-Type': plainText,
    'X-Go-Pprof': '1',
    'X-Pugo-Error-Code': pprof.code,
  };
  if (pprof.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="pprof"';
  return { status: pprof.status, headers, body: `${pprof.message}\n` };
}

/** The standalone server's answer outside its prefix (the plugin leaves those to the app). */
export function outsidePrefixResponse(prefix: string): PprofResponse {
  return {
    status: 404,
    headers: { 'Content-Type': plainText },
    body: `404 page not found: the pprof endpoints are under ${prefix}/\n`,
  };
}

/** The standalone server's answer to a method other than GET and HEAD. */
export function methodNotAllowedResponse(method: string | undefined): PprofResponse {
  return {
    status: 405,
    headers: { 'Content-Type': plainText, Allow: 'GET, HEAD', 'X-Go-Pprof': '1' },
    body: `Method ${method} not allowed: the pprof endpoints answer GET and HEAD\n`,
  };
}
