// The request mix as written in `--routes` or a config's `routes`: the route spec and its validation.
import { soakError } from '../errors.js';

/** One kind of request in the mix, as written in `--routes` or the config's `routes`. */
export interface RouteSpec {
  /** Shown in reports. Default: `METHOD path`. */
  readonly name?: string;
  /** Default: `GET`. */
  readonly method?: string;
  /** Path and query, with `{{…}}` placeholders, e.g. `/search?q={{rand}}`. */
  readonly path: string;
  /** Relative share of the requests. Default: 1. */
  readonly weight?: number;
  /** A string is sent as is; an object as JSON (with `Content-Type: application/json`). Default: none. */
  readonly body?: string | Record<string, unknown> | unknown[];
  /** Extra headers (values may hold placeholders). Default: none. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses that count as success. Default: any status below 400. */
  readonly expect?: readonly number[];
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Checks a parsed routes document; `where` names it in errors. Returns frozen specs. */
export function validateRoutes(value: unknown, where: string): readonly RouteSpec[] {
  const bad = (reason: string) => soakError('PUGO_ERR_SOAK_ROUTES', { where, reason });
  if (!Array.isArray(value)) throw bad('expected a JSON array of routes');
  if (value.length === 0) throw bad('the list is empty');
  return Object.freeze(
    value.map((r: unknown, i): RouteSpec => {
      const at = `route ${i + 1}`;
      if (typeof r !== 'object' || r === null || Array.isArray(r))
        throw bad(`${at} is not an object`);
      const o = r as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        if (!['name', 'method', 'path', 'weight', 'body', 'headers', 'expect'].includes(key))
          throw bad(`${at} has an unknown field "${key}"`);
      }
      if (typeof o.path !== 'string' || !o.path.startsWith('/'))
        throw bad(`${at} needs a "path" starting with /`);
      if (/[\s]/.test(o.path.replace(/\{\{[^}]*\}\}/g, '')))
        throw bad(`${at} path contains whitespace; percent-encode it`);
      const method = o.method === undefined ? 'GET' : String(o.method).toUpperCase();
      if (!methods.has(method)) throw bad(`${at} has an unsupported method "${String(o.method)}"`);
      const weight = o.weight ?? 1;
      if (typeof weight !== 'number' || !(weight > 0) || !Number.isFinite(weight))
        throw bad(`${at} "weight" must be a positive number`);
      if (o.name !== undefined && typeof o.name !== 'string')
        throw bad(`${at} "name" must be a string`);
      if (
        o.body !== undefined &&
        typeof o.body !== 'string' &&
        (typeof o.body !== 'object' || o.body === null)
      )
        throw bad(`${at} "body" must be a string or a JSON object`);
      if (o.headers !== undefined) {
        if (typeof o.headers !== 'object' || o.headers === null || Array.isArray(o.headers))
          throw bad(`${at} "headers" must be an object of strings`);
        for (const v of Object.values(o.headers))
          if (typeof v !== 'string') throw bad(`${at} "headers" must be an object of strings`);
      }
      if (
        o.expect !== undefined &&
        (!Array.isArray(o.expect) ||
          !o.expect.every((s) => Number.isInteger(s) && s >= 100 && s < 600))
      )
        throw bad(`${at} "expect" must be a list of HTTP statuses`);
      return Object.freeze({ ...(o as unknown as RouteSpec), method, weight });
    }),
  );
}

/** Every request `GET /`: the mix without `--routes`. */
export const defaultRoutes: readonly RouteSpec[] = Object.freeze([{ method: 'GET', path: '/' }]);
