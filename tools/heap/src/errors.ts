// The error table of pugo-heap: every bad usage or input the CLI reports, as a coded HeapError.

/** Every code a HeapError can carry, with the message template that explains it. */
export const errorMessages = {
  PUGO_ERR_HEAP_USAGE: (p: { reason: string }) => `${p.reason}; run pugo-heap --help for usage`,
  PUGO_ERR_HEAP_UNSUPPORTED: (p: { flag: string }) =>
    `the go tool pprof flag ${p.flag} is not supported by pugo-heap; run pugo-heap --help for the flags it takes`,
  PUGO_ERR_HEAP_NO_SOURCE: () =>
    'no profile source specified; pass a profile file or an http(s) URL, e.g. pugo-heap -top heap.pb.gz',
  PUGO_ERR_HEAP_READ: (p: { source: string; reason: string }) =>
    `reading the profile ${p.source} failed: ${p.reason}`,
  PUGO_ERR_HEAP_FETCH: (p: { url: string; reason: string }) =>
    `fetching the profile from ${p.url} failed: ${p.reason}`,
  PUGO_ERR_HEAP_HTTP_STATUS: (p: { url: string; status: string }) =>
    `fetching the profile from ${p.url} failed: server response: ${p.status}; check the URL and that the server exposes /debug/pprof`,
  PUGO_ERR_HEAP_TIMEOUT: (p: { url: string; seconds: string }) =>
    `fetching the profile from ${p.url} failed: no complete answer within ${p.seconds}s; raise -timeout or check the server`,
  PUGO_ERR_HEAP_PROFILE: (p: { source: string; reason: string }) => `${p.source}: ${p.reason}`,
  PUGO_ERR_HEAP_REPORT: (p: { reason: string }) => p.reason,
  PUGO_ERR_HEAP_OUTPUT: (p: { file: string; reason: string }) =>
    `writing the report to ${p.file} failed: ${p.reason}; check the -output path`,
} as const;

/** A code from the error table, e.g. `PUGO_ERR_HEAP_USAGE`. */
export type HeapErrorCode = keyof typeof errorMessages;

type Params<C extends HeapErrorCode> = Parameters<(typeof errorMessages)[C]>[0];

/** The only error pugo-heap raises for bad usage or input: a stable `code` and a one-line message. */
export class HeapError extends Error {
  override readonly name = 'HeapError';
  /** Stable code to branch on, e.g. `PUGO_ERR_HEAP_FETCH`. */
  readonly code: HeapErrorCode;

  constructor(code: HeapErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

/** Builds the HeapError for `code` from the table's message template. */
export function heapError<C extends HeapErrorCode>(
  code: C,
  ...args: Params<C> extends undefined
    ? [params?: undefined, cause?: unknown]
    : [Params<C>, unknown?]
): HeapError {
  const [params, cause] = args;
  const template = errorMessages[code] as (p: Params<C>) => string;
  return new HeapError(code, oneLine(template(params as Params<C>)), cause);
}

/** Shorthand for a usage error. */
export function usageError(reason: string): HeapError {
  return heapError('PUGO_ERR_HEAP_USAGE', { reason });
}

/** Collapses a message onto one line, so stderr always gets exactly one. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
