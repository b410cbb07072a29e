// The error table of pugo-soak: every way a soak can fail before it reaches a verdict, as a coded SoakError.

const addPprof =
  'add @pugo/pprof to the service (fastify: `app.register(pprofPlugin)`; any other server: `startPprofServer({ port: Number(process.env.PPROF_PORT) })`) or point --pprof at its /debug/pprof';

/** Every code a SoakError can carry, with the message template that explains it. */
export const errorMessages = {
  PUGO_ERR_SOAK_USAGE: (p: { reason: string }) => `${p.reason}; run pugo-soak --help for usage`,
  PUGO_ERR_SOAK_CONFIG: (p: { file: string; reason: string }) =>
    `reading the soak configuration ${p.file} failed: ${p.reason}`,
  PUGO_ERR_SOAK_ROUTES: (p: { where: string; reason: string }) =>
    `the routes in ${p.where} are invalid: ${p.reason}; see "Routes" in the pugo-soak README`,
  PUGO_ERR_SOAK_TARGET_START: (p: { cmd: string; reason: string }) =>
    `starting the target \`${p.cmd}\` failed: ${p.reason}`,
  PUGO_ERR_SOAK_TARGET_EXITED: (p: { phase: string; how: string; stderr: string }) =>
    `the target exited ${p.how} during ${p.phase}${p.stderr ? `; its stderr ended with: ${p.stderr}` : '; it wrote nothing on stderr'}`,
  PUGO_ERR_SOAK_TARGET_TIMEOUT: (p: {
    url: string;
    seconds: number;
    last: string;
    stderr: string;
  }) =>
    `the target did not answer ${p.url} within ${p.seconds}s (last: ${p.last}); check --ready and --ready-timeout${p.stderr ? `; its stderr ended with: ${p.stderr}` : ''}`,
  PUGO_ERR_SOAK_NO_METRICS: (p: { tried: string }) =>
    `no pprof metrics endpoint answered (tried ${p.tried}); ${addPprof}`,
  PUGO_ERR_SOAK_METRICS: (p: { url: string; reason: string }) =>
    `reading metrics from ${p.url} failed: ${p.reason}`,
  PUGO_ERR_SOAK_HEAP_PROFILE: (p: { url: string; reason: string }) =>
    `reading the heap profile from ${p.url} failed: ${p.reason}; check the target's @pugo/pprof setup`,
  PUGO_ERR_SOAK_SETUP: (p: { step: string; reason: string }) =>
    `the setup step ${p.step} failed: ${p.reason}; check the steps in the soak configuration`,
  PUGO_ERR_SOAK_ERROR_RATE: (p: { rate: string; max: string; detail: string }) =>
    `the error rate ${p.rate} passed --max-error-rate ${p.max} (${p.detail}); fix the routes or the target, or raise --max-error-rate`,
  PUGO_ERR_SOAK_NO_LOAD: (p: { reason: string }) =>
    `the load served no requests: ${p.reason}; check the routes and that the target answers them`,
  PUGO_ERR_SOAK_TOO_FEW_SAMPLES: (p: { samples: number; need: number }) =>
    `only ${p.samples} metric samples after warm-up (need ${p.need}) for a verdict; lengthen --duration or shorten --interval`,
  PUGO_ERR_SOAK_INTERRUPTED: (p: { phase: string }) =>
    `the soak was interrupted during ${p.phase}; the target was stopped and no verdict was reached`,
  PUGO_ERR_SOAK_OUTPUT: (p: { path: string; reason: string }) =>
    `writing the report to ${p.path} failed: ${p.reason}; check --out`,
} as const;

/** A code from the error table, e.g. `PUGO_ERR_SOAK_NO_METRICS`. */
export type SoakErrorCode = keyof typeof errorMessages;

type Params<C extends SoakErrorCode> = Parameters<(typeof errorMessages)[C]>[0];

/** The only error pugo-soak raises: a stable `code` and a one-line message. The CLI exits 2 on it. */
export class SoakError extends Error {
  override readonly name = 'SoakError';
  /** Stable code to branch on, e.g. `PUGO_ERR_SOAK_TARGET_EXITED`. */
  readonly code: SoakErrorCode;

  constructor(code: SoakErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

/** Builds the SoakError for `code` from the table's message template. */
export function soakError<C extends SoakErrorCode>(
  code: C,
  params: Params<C>,
  cause?: unknown,
): SoakError {
  const template = errorMessages[code] as (p: Params<C>) => string;
  return new SoakError(code, oneLine(template(params)), cause);
}

/** Shorthand for a usage error. */
export function usageError(reason: string): SoakError {
  return soakError('PUGO_ERR_SOAK_USAGE', { reason });
}

/** Collapses a message onto one line, so stderr always gets exactly one. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** The message of anything thrown (an Error's message, anything else as a string). */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
