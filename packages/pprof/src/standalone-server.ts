// startPprofServer: the endpoints on their own node:http listener (Go's :6060), no fastify needed.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pprofError } from './errors.js';
import { type PprofOptions, resolveOptions } from './options.js';
import type { PprofResponse } from './pprof-handler.js';
import { openPprofRuntime } from './pprof-runtime.js';
import { isLoopback } from './security.js';
import { sendNodeResponse } from './send-response.js';

/** Options of `startPprofServer`: the plugin's, plus where to listen. */
export interface PprofServerOptions extends PprofOptions {
  /**
   * Address to bind. A non-loopback address needs a `token`, or the start fails with
   * PUGO_ERR_PPROF_INSECURE_BIND. Default: `127.0.0.1`.
   */
  host?: string;
  /** Port; 0 picks a free one. Default: 6060 (Go's customary pprof port). */
  port?: number;
}

/** A running standalone pprof server. */
export interface PprofServer {
  /** Base URL of the endpoints, e.g. `http://127.0.0.1:6060/debug/pprof`. */
  readonly url: string;
  /** Stops listening, ends open connections and releases the profilers. */
  close(): Promise<void>;
}

/**
 * Serves the pprof endpoints on their own port: `await startPprofServer({ port: 6060 })` then
 * `go tool pprof http://127.0.0.1:6060/debug/pprof/heap`.
 */
export async function startPprofServer(options: PprofServerOptions = {}): Promise<PprofServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 6060;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw pprofError('PUGO_ERR_PPROF_BAD_OPTION', {
      option: 'port',
      value: String(port),
      want: 'an integer from 0 to 65535',
    });
  }
  const resolved = resolveOptions(options);
  if (resolved.token === undefined && !isLoopback(host)) {
    throw pprofError('PUGO_ERR_PPROF_INSECURE_BIND', { host });
  }
  const runtime = await openPprofRuntime(resolved);
  const prefix = resolved.prefix;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://pprof');
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    let response: Promise<PprofResponse>;
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
      response = Promise.resolve({
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: `404 page not found: the pprof endpoints are under ${prefix}/\n`,
      });
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      response = Promise.resolve({
        status: 405,
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          Allow: 'GET, HEAD',
          'X-Go-Pprof': '1',
        },
        body: `Method ${req.method} not allowed: the pprof endpoints answer GET and HEAD\n`,
      });
    } else {
      response = runtime.handler({
        path: url.pathname.slice(prefix.length),
        pathname: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization,
        remoteAddress: req.socket.remoteAddress,
        signal: controller.signal,
      });
    }
    response.then((r) => sendNodeResponse(req, res, r)).catch(() => res.destroy());
  });

  try {
    server.listen(port, host);
    await once(server, 'listening');
  } catch (error) {
    runtime.close();
    throw pprofError(
      'PUGO_ERR_PPROF_LISTEN',
      {
        address: `${host}:${port}`,
        reason: error instanceof Error ? error.message : String(error),
      },
      error,
    );
  }
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${address.port}${prefix}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => runtime.close());
      return closed;
    },
  };
}
