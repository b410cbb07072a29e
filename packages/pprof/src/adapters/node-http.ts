// startPprofServer: the endpoints on their own node:http listener (Go's :6060), no fastify needed.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PprofServerOptions, resolveServerOptions } from '../core/options.js';
import { methodNotAllowedResponse, outsidePrefixResponse } from '../core/pprof-response.js';
import { openPprofRuntime } from '../core/pprof-runtime.js';
import { pprofError } from '../errors.js';
import { pprofRequestOf } from './node-request.js';
import { sendNodeResponse } from './node-response.js';

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
  const resolved = resolveServerOptions(options);
  const { host, port, prefix } = resolved;
  const runtime = await openPprofRuntime(resolved);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', 'http://pprof');
    const response =
      pathname !== prefix && !pathname.startsWith(`${prefix}/`)
        ? Promise.resolve(outsidePrefixResponse(prefix))
        : req.method !== 'GET' && req.method !== 'HEAD'
          ? Promise.resolve(methodNotAllowedResponse(req.method))
          : runtime.handler(pprofRequestOf(req, res, pathname.slice(prefix.length)));
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
