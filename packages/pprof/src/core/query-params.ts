// Reads and checks the query parameters of the pprof endpoints; a bad value is a 400 that says what is allowed.
// Hand-written, not a fastify schema: the core serves the standalone server too, which has no validator.
import { pprofError } from '../errors.js';

/** Longest profile a client may ask for, in seconds (Go's servers usually cap writes similarly). */
export const maxSeconds = 300;

/** The parameters every endpoint understands. */
export interface PprofParams {
  /** `gc=1`: run a full collection first. */
  readonly gc: boolean;
  /** `debug=1`: text instead of protobuf (heap); accepted and ignored elsewhere, as in Go. */
  readonly debug: number;
  /** `seconds=N`, 1 to 300, or undefined when absent. */
  readonly seconds: number | undefined;
}

/** Parses `gc`, `debug` and `seconds`; an empty value counts as absent, as Go's FormValue does. */
export function parseParams(query: URLSearchParams): PprofParams {
  return {
    gc: intParam(query, 'gc', 0, 1, '0 or 1') === 1,
    debug: intParam(query, 'debug', 0, 1, '0 or 1') ?? 0,
    seconds: intParam(query, 'seconds', 1, maxSeconds, `an integer from 1 to ${maxSeconds}`),
  };
}

function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
  want: string,
): number | undefined {
  const values = query.getAll(name);
  if (values.length > 1)
    throw pprofError('PUGO_ERR_PPROF_BAD_PARAM', {
      name,
      value: values.join(','),
      want: `one value, ${want}`,
    });
  const raw = values[0];
  if (raw === undefined || raw === '') return undefined;
  const value = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    throw pprofError('PUGO_ERR_PPROF_BAD_PARAM', { name, value: raw, want });
  }
  return value;
}
