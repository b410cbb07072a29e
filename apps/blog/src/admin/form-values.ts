// Reading urlencoded form bodies: strings only, trimmed, with a fallback.
import type { FastifyRequest } from 'fastify';

/** The form body as string fields (arrays keep every value under `all`). */
export function formOf(request: FastifyRequest): {
  text(name: string, fallback?: string): string;
  all(name: string): string[];
} {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return {
    text(name, fallback = '') {
      const v = body[name];
      const s = Array.isArray(v) ? v[0] : v;
      return typeof s === 'string' ? s : fallback;
    },
    all(name) {
      const v = body[name];
      const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
      return list.filter((x): x is string => typeof x === 'string');
    },
  };
}

/** A positive integer from a query string value, else `fallback`. */
export function positiveInt(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
