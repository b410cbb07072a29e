// Builds the core's PprofRequest from node:http's request and response (both adapters sit on them).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PprofRequest } from '../core/pprof-response.js';

/**
 * The core request for `req`, whose path below the prefix is `path`. Its signal aborts when the
 * client goes away before the response is finished, which stops a running profile.
 */
export function pprofRequestOf(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): PprofRequest {
  const url = new URL(req.url ?? '/', 'http://pprof');
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return {
    path,
    pathname: url.pathname,
    query: url.searchParams,
    authorization: req.headers.authorization,
    remoteAddress: req.socket.remoteAddress,
    signal: controller.signal,
  };
}
