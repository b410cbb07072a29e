// The target's @pugo/pprof over HTTP: find its endpoints, read post-GC metrics, fetch heap profiles.
import { soakError } from '../errors.js';
import { describeFetchError } from './target.js';

/** The part of @pugo/pprof's `/metrics` document a soak reads (structural, so any compatible server works). */
export interface TargetMetrics {
  readonly memory: {
    readonly rss: number;
    readonly heapTotal: number;
    readonly heapUsed: number;
    readonly external: number;
    readonly arrayBuffers: number;
  };
  readonly forcedGc?: { readonly durationMs: number } | null;
  readonly eventLoopDelayMs?: { readonly p99?: number };
  readonly uptimeSeconds?: number;
}

/** Whether `value` has the memory section of a pprof metrics document. */
export function isTargetMetrics(value: unknown): value is TargetMetrics {
  const m = (value as { memory?: Record<string, unknown> } | null)?.memory;
  return (
    typeof m === 'object' &&
    m !== null &&
    ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].every(
      (k) => typeof m[k] === 'number',
    )
  );
}

/**
 * The first of `candidates` (base URLs of /debug/pprof) whose `/metrics` answers with a metrics
 * document, retrying for `graceMs` (a pprof server may start a moment after the service). Throws
 * PUGO_ERR_SOAK_NO_METRICS with the how-to.
 */
export async function discoverPprof(
  candidates: readonly string[],
  graceMs = 3000,
): Promise<string> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    for (const base of candidates) {
      try {
        const response = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(5000) });
        const text = await response.text();
        if (response.ok && isTargetMetrics(JSON.parse(text))) return base;
      } catch {
        // Try the next one.
      }
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw soakError('PUGO_ERR_SOAK_NO_METRICS', {
    tried: candidates.map((c) => `${c}/metrics`).join(', '),
  });
}

/** `GET {pprof}/metrics?gc=1`: a full GC in the target, then its memory. */
export async function fetchMetrics(pprof: string, timeoutMs = 30_000): Promise<TargetMetrics> {
  const url = `${pprof}/metrics?gc=1`;
  let text: string;
  let status: number;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw soakError('PUGO_ERR_SOAK_METRICS', { url, reason: describeFetchError(error) }, error);
  }
  if (status !== 200)
    throw soakError('PUGO_ERR_SOAK_METRICS', {
      url,
      reason: `status ${status}: ${text.slice(0, 120).trim()}`,
    });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw soakError('PUGO_ERR_SOAK_METRICS', { url, reason: 'the answer is not JSON' });
  }
  if (!isTargetMetrics(value))
    throw soakError('PUGO_ERR_SOAK_METRICS', { url, reason: 'the answer has no memory section' });
  return value;
}

/** `GET {pprof}/heap?gc=1`: the gzipped heap profile after a full GC. */
export async function fetchHeapProfile(pprof: string, timeoutMs = 60_000): Promise<Uint8Array> {
  const url = `${pprof}/heap?gc=1`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) {
      const text = new TextDecoder().decode(body.subarray(0, 160)).trim();
      throw new Error(`status ${response.status}: ${text}`);
    }
    return body;
  } catch (error) {
    throw soakError(
      'PUGO_ERR_SOAK_HEAP_PROFILE',
      { url, reason: describeFetchError(error) },
      error,
    );
  }
}
