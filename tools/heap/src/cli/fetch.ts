// Fetches a profile over HTTP as pprof does: URL recognition, the `seconds` parameter and the timeout.
import { heapError } from '../errors.js';

/** A URL source, ready to fetch. */
export interface RemoteSource {
  /** The URL to fetch, with `seconds` set when `-seconds` was given. */
  readonly url: string;
  /** Profile duration in seconds (from `-seconds` or the URL); 0 when none. */
  readonly seconds: number;
  /** How long the whole fetch may take, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * Recognises `source` as a URL the way pprof's adjustURL does (`http://…`, `https://…`, or
 * `host:port/path`) and applies `-seconds` and `-timeout`. Returns undefined for a file path.
 *
 * Timeout: an explicit `-timeout` is the whole fetch; otherwise pprof's default, 1.5 × the
 * duration when there is one, else 60 s, plus pprof's 5 s of grace.
 */
export function adjustUrl(
  source: string,
  seconds: number,
  timeout: number,
): RemoteSource | undefined {
  let url = parseUrl(source);
  // pprof retries `host:port/path` with http:// in front: Go parses it as scheme "host", or (for
  // `127.0.0.1:port/path`) fails on the colon in the first path segment. Plain paths are files.
  const retry =
    url === undefined
      ? (source.split('/')[0] ?? '').includes(':')
      : !/^https?:$/.test(url.protocol) && url.protocol !== 'file:';
  if (retry) url = parseUrl(`http://${source}`);
  if (url === undefined || !/^https?:$/.test(url.protocol) || url.host === '') return undefined;
  const params = url.searchParams;
  let duration = 0;
  if (seconds > 0) {
    params.set('seconds', String(seconds));
    duration = seconds;
  } else {
    const fromUrl = Number.parseInt(params.get('seconds') ?? '', 10);
    if (Number.isInteger(fromUrl) && fromUrl > 0) duration = fromUrl;
  }
  // Go's url.Values.Encode sorts the parameters by key.
  params.sort();
  const timeoutMs =
    timeout > 0 ? timeout * 1000 : ((duration > 0 ? duration * 1.5 : 60) + 5) * 1000;
  return { url: url.href, seconds: duration, timeoutMs };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Fetches the profile bytes at `source.url`; throws a HeapError for any failure. */
export async function fetchProfile(source: RemoteSource): Promise<Uint8Array> {
  const { url, timeoutMs } = source;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, redirect: 'follow' });
    if (response.status !== 200) {
      const status = `${response.status} ${response.statusText}`.trim();
      throw heapError('PUGO_ERR_HEAP_HTTP_STATUS', {
        url,
        status: await statusDetail(response, status),
      });
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof Error && error.name === 'HeapError') throw error;
    if (signal.aborted) {
      throw heapError('PUGO_ERR_HEAP_TIMEOUT', { url, seconds: String(timeoutMs / 1000) }, error);
    }
    throw heapError('PUGO_ERR_HEAP_FETCH', { url, reason: networkReason(error) }, error);
  }
}

/** pprof shows the body of an error from a Go pprof endpoint (`X-Go-Pprof`, text/plain). */
async function statusDetail(response: Response, status: string): Promise<string> {
  const isPprof =
    response.headers.get('x-go-pprof') !== null &&
    (response.headers.get('content-type') ?? '').includes('text/plain');
  if (!isPprof) {
    await response.body?.cancel();
    return status;
  }
  const body = (await response.text()).trim().split('\n')[0] ?? '';
  return body === '' ? status : `${status} - ${body.slice(0, 200)}`;
}

/** The root cause of a failed fetch in words: "connection refused (ECONNREFUSED)". */
function networkReason(error: unknown): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause !== undefined) cause = cause.cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused; check that the server is running and the port is right',
    ENOTFOUND: 'host not found; check the host name',
    ECONNRESET: 'the server closed the connection; check the server',
    EHOSTUNREACH: 'host unreachable; check the address',
  };
  if (typeof code === 'string' && known[code] !== undefined) return `${known[code]} (${code})`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' ? `${message} (${code})` : message;
}
