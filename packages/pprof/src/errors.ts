// The error table of @pugo/pprof: every failure a caller or an HTTP client can see, as a coded PprofError.

/** Every code a PprofError can carry, with the message template that explains it. */
export const errorMessages = {
  PUGO_ERR_PPROF_BAD_OPTION: (p: { option: string; value: string; want: string }) =>
    `configuring @pugo/pprof failed: option "${p.option}" is ${p.value}; want ${p.want}`,
  PUGO_ERR_PPROF_INSECURE_BIND: (p: { host: string }) =>
    `starting the pprof server failed: "${p.host}" is not a loopback address and no token is set; set a token (every request then needs "Authorization: Bearer <token>") or bind 127.0.0.1`,
  PUGO_ERR_PPROF_LISTEN: (p: { address: string; reason: string }) =>
    `starting the pprof server on ${p.address} failed: ${p.reason}; pick another port (port 0 picks a free one)`,
  PUGO_ERR_PPROF_HEAP_SAMPLER: (p: { running: string; wanted: string }) =>
    `starting the heap sampler failed: it already runs with ${p.running} in this process and cannot also run with ${p.wanted}; use the same heapIntervalBytes and heapStackDepth everywhere`,
  PUGO_ERR_PPROF_DUPLICATE_PROVIDER: (p: { name: string }) =>
    `registering the stats provider "${p.name}" failed: a provider with that name is already registered; unregister it first or pick another name`,
  PUGO_ERR_PPROF_SOURCE_MAPS: (p: { dirs: string; reason: string }) =>
    `loading source maps from ${p.dirs} failed: ${p.reason}; check the sourceMaps directories`,
  PUGO_ERR_PPROF_BAD_PARAM: (p: { name: string; value: string; want: string }) =>
    `invalid value for "${p.name}": ${JSON.stringify(p.value)}; want ${p.want}`,
  PUGO_ERR_PPROF_INCOMPATIBLE_PARAMS: () =>
    'seconds and debug params are incompatible: ask for a delta profile (seconds=N) or a text listing (debug=1), not both',
  PUGO_ERR_PPROF_UNKNOWN_PROFILE: (p: { name: string; known: string }) =>
    `Unknown profile: "${p.name}"; known profiles are ${p.known}`,
  PUGO_ERR_PPROF_PROFILE_RUNNING: () =>
    'Could not start CPU profiling: a CPU profile is already running in this process; wait for it to finish and retry',
  PUGO_ERR_PPROF_UNAUTHORIZED: () =>
    'Unauthorized: this pprof endpoint needs "Authorization: Bearer <token>" with the configured token',
  PUGO_ERR_PPROF_FORBIDDEN: (p: { address: string }) =>
    `Forbidden: ${p.address} is not a loopback client and no token is configured; set the plugin's token option to allow remote clients`,
  PUGO_ERR_PPROF_LOW_MEMORY: (p: { free: number; needed: number }) =>
    `Insufficient storage: a heap snapshot needs about ${mib(p.needed)} free but only ${mib(p.free)} is available; free memory or take a heap profile (/heap) instead`,
  PUGO_ERR_PPROF_PROFILE_FAILED: (p: { profile: string; reason: string }) =>
    `Could not take the ${p.profile} profile: ${p.reason}`,
} as const;

/** HTTP status of the codes that answer a request. */
export const errorStatus: Partial<Record<PprofErrorCode, number>> = {
  PUGO_ERR_PPROF_BAD_PARAM: 400,
  PUGO_ERR_PPROF_INCOMPATIBLE_PARAMS: 400,
  PUGO_ERR_PPROF_UNAUTHORIZED: 401,
  PUGO_ERR_PPROF_FORBIDDEN: 403,
  PUGO_ERR_PPROF_UNKNOWN_PROFILE: 404,
  PUGO_ERR_PPROF_PROFILE_RUNNING: 409,
  PUGO_ERR_PPROF_LOW_MEMORY: 507,
  PUGO_ERR_PPROF_PROFILE_FAILED: 500,
};

/** A code from the error table, e.g. `PUGO_ERR_PPROF_BAD_PARAM`. */
export type PprofErrorCode = keyof typeof errorMessages;

type Params<C extends PprofErrorCode> = Parameters<(typeof errorMessages)[C]>[0];

/** The only error @pugo/pprof throws: a stable `code`, a message that says what to do. */
export class PprofError extends Error {
  override readonly name = 'PprofError';
  /** Stable code to branch on, e.g. `PUGO_ERR_PPROF_INSECURE_BIND`. */
  readonly code: PprofErrorCode;
  /** HTTP status when the error answers a request, else 500. */
  readonly status: number;

  constructor(code: PprofErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = errorStatus[code] ?? 500;
  }
}

/** Builds the PprofError for `code` from the table's message template. */
export function pprofError<C extends PprofErrorCode>(
  code: C,
  ...[params, cause]: Params<C> extends undefined ? [undefined?, unknown?] : [Params<C>, unknown?]
): PprofError {
  const template = errorMessages[code] as (p: Params<C>) => string;
  return new PprofError(code, template(params as Params<C>), cause);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
