// pugo-heap -http: pprof's web UI over node:http — graph, top, flame graph, peek, source, download.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, BlockList, isIP } from 'node:net';
import { encodeProfile, ProfileError } from '@pugo/profile';
import { heapError } from '../errors.js';
import type { Config } from '../settings/config.js';
import type { Writer } from '../settings/output.js';
import type { ReportSources } from '../settings/report-options.js';
import { openBrowser } from './open-browser.js';
import { contentSecurityPolicy, renderPage, views } from './web-page.js';
import { configFromQuery, QueryError } from './web-query.js';
import {
  flameView,
  graphView,
  peekView,
  sourceView,
  topView,
  type ViewInput,
  type ViewOutput,
} from './web-views.js';

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** `HOST:PORT` as -http takes it; an empty host is localhost, an empty or 0 port picks a free one. */
  hostport: string;
  sources: ReportSources;
  /** Settings from the command line; the URL refines them. Default: none. */
  config?: Config;
  /**
   * Listen on a host that is not loopback (the UI has no authentication: anyone who can reach the
   * port reads the profile). Default: false — such a host is refused.
   */
  allowRemote?: boolean;
  /** Title in the header. Default: the main binary's name and the sample type. */
  title?: string;
}

/** A running web UI. */
export interface WebServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const handlers: Record<string, (v: ViewInput) => Promise<ViewOutput>> = {
  '/': graphView,
  '/top': topView,
  '/flamegraph': flameView,
  '/peek': peekView,
  '/source': sourceView,
};

/** The loopback addresses, in node:net's BlockList: every spelling of ::1 and of ::ffff:127.x.y.z. */
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Whether `address` is a loopback host: `localhost` (any case), an address in 127.0.0.0/8, `::1`,
 * or an IPv4-mapped 127.x.y.z; IPv6 with or without brackets; other names never (no DNS lookup).
 * The same rule as @pugo/pprof's exported `isLoopback`, copied: pugo-heap does not depend on
 * @pugo/pprof, which would bring its native profiler addon into a command-line tool. A workspace
 * test holds the two copies to the same answers.
 */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const host = address.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 0) return false;
  return loopback.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** Splits `HOST:PORT` as pprof's getHostAndPort does. Throws a usage HeapError. */
export function parseHostPort(hostport: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d*)$/.exec(hostport);
  if (m === null) {
    throw heapError('PUGO_ERR_HEAP_USAGE', {
      reason: `could not split -http=${hostport} into host and port; use HOST:PORT, e.g. -http=localhost:8080`,
    });
  }
  const host = m[1] ?? m[2] ?? '';
  const port = m[3] === '' ? 0 : Number(m[3]);
  if (!Number.isInteger(port) || port > 65535) {
    throw heapError('PUGO_ERR_HEAP_USAGE', {
      reason: `bad port in -http=${hostport}: use 0 to 65535`,
    });
  }
  return { host: host === '' ? 'localhost' : host, port };
}

/** Starts the web UI and resolves once it listens. Throws HeapError for a refused host. */
export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const { host, port } = parseHostPort(o.hostport);
  const local = isLoopback(host);
  if (!local && o.allowRemote !== true) {
    throw heapError('PUGO_ERR_HEAP_USAGE', {
      reason: `refusing to serve the web UI on ${host}, which is not loopback: anyone who reaches it reads the profile; pass -http_remote to allow it, or use -http=localhost:PORT`,
    });
  }
  const config = o.config ?? {};
  const profile = o.sources.profile;
  const sampleTypes = profile.sampleType.map((t) => t.type);
  const binary = profile.mapping[0]?.file.split('/').pop() ?? '';
  const defaultType = sampleTypes.includes(profile.defaultSampleType)
    ? profile.defaultSampleType
    : (sampleTypes[sampleTypes.length - 1] ?? '');
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          500,
          'text/plain; charset=utf-8',
          `internal error: ${(error as Error).message}\n`,
        );
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (local) {
      // Loopback only: no other machine, and no other site through DNS rebinding.
      const remote = req.socket.remoteAddress ?? '';
      const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!isLoopback(remote) || !isLoopback(hostHeader)) {
        send(res, 403, 'text/plain; charset=utf-8', 'permission denied\n');
        return;
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'only GET and HEAD\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/download') {
      res.setHeader('Content-Disposition', 'attachment;filename=profile.pb.gz');
      send(res, 200, 'application/vnd.google.protobuf+gzip', Buffer.from(encodeProfile(profile)));
      return;
    }
    const view = handlers[url.pathname];
    if (view === undefined) {
      send(
        res,
        404,
        'text/plain; charset=utf-8',
        `no page at ${url.pathname}; try /, /top, /flamegraph, /peek, /source or /download\n`,
      );
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const page = (status: number, body: string, error?: string, cfg = config) => {
      const viewTitle = views.find((v) => v.path === url.pathname)?.title ?? '';
      const sampleType = cfg.sampleIndex ?? defaultType;
      const title = o.title ?? [binary, sampleType].filter((s) => s !== '').join(' · ');
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
      const html = renderPage({
        path: url.pathname,
        title: `${viewTitle} · ${title}`,
        heading: title,
        query: url.searchParams,
        config: cfg,
        sampleTypes,
        sampleType,
        body,
        nonce,
        ...(error !== undefined ? { error } : {}),
      });
      send(res, status, 'text/html; charset=utf-8', html);
    };
    let refined: Config;
    try {
      refined = configFromQuery(config, url.searchParams, profile);
      const out = await view({
        sources: o.sources,
        config: refined,
        query: url.searchParams,
        nonce,
      });
      page(200, out.body, out.warnings.length > 0 ? out.warnings.join('; ') : undefined, refined);
    } catch (error) {
      if (error instanceof QueryError || error instanceof ProfileError) {
        page(400, '', error.message);
        return;
      }
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        heapError('PUGO_ERR_HEAP_USAGE', {
          reason: `cannot serve the web UI on ${o.hostport}: ${error.code === 'EADDRINUSE' ? 'the port is in use; pick another' : error.message}`,
        }),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === 'localhost' ? 'localhost' : shownHost}:${address.port}`;
  return {
    url,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** What the CLI's -http needs around the server. */
export interface ServeIo {
  readonly stderr: Writer;
  readonly env: NodeJS.ProcessEnv;
}

/** pugo-heap -http: serves until Ctrl-C (SIGINT) or SIGTERM, printing the URL on stderr. */
export async function serveUntilInterrupted(
  hostport: string,
  sources: ReportSources,
  config: Config,
  io: ServeIo,
  noBrowser: boolean,
  allowRemote = false,
): Promise<void> {
  const web = await startWebServer({ hostport, sources, config, allowRemote });
  io.stderr.write(`Serving web UI on ${web.url}\n`);
  if (!noBrowser && !openBrowser(web.url, io.env)) {
    io.stderr.write('No browser to open here: open the URL in one\n');
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void web.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
