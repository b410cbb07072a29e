// The request mix made ready for the load: templates compiled per route, and the weighted picker.
import type { RouteSpec } from '../config/route-spec.js';
import { soakError } from '../errors.js';
import { compileTemplate, type Template, type TemplateScope } from './template.js';

/** A route ready to render requests. */
export interface CompiledRoute {
  readonly name: string;
  readonly method: string;
  readonly weight: number;
  readonly expect: ReadonlySet<number> | undefined;
  render(): { method: string; path: string; headers: Record<string, string>; body?: string };
}

/** Compiles the specs' templates against the setup's variables; `headers` go on every request. */
export function compileRoutes(
  specs: readonly RouteSpec[],
  scope: TemplateScope,
  headers: Readonly<Record<string, string>>,
): CompiledRoute[] {
  return specs.map((spec, i) => {
    const method = spec.method ?? 'GET';
    const name = spec.name ?? `${method} ${spec.path}`;
    try {
      const path = compileTemplate(spec.path, scope);
      const hdrs: [string, Template][] = Object.entries({ ...headers, ...spec.headers }).map(
        ([k, v]) => [k, compileTemplate(v, scope)],
      );
      let body: Template | undefined;
      if (typeof spec.body === 'string') body = compileTemplate(spec.body, scope);
      else if (spec.body !== undefined) {
        body = compileTemplate(JSON.stringify(spec.body), scope);
        if (!hdrs.some(([k]) => k.toLowerCase() === 'content-type'))
          hdrs.push(['content-type', () => 'application/json']);
      }
      return {
        name,
        method,
        weight: spec.weight ?? 1,
        expect: spec.expect ? new Set(spec.expect) : undefined,
        render() {
          const h: Record<string, string> = {};
          for (const [k, t] of hdrs) h[k] = t();
          return body === undefined
            ? { method, path: path(), headers: h }
            : { method, path: path(), headers: h, body: body() };
        },
      };
    } catch (error) {
      throw soakError('PUGO_ERR_SOAK_ROUTES', {
        where: `route ${i + 1} (${name})`,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  });
}

/** Picks route indexes with probability proportional to their weights. */
export function weightedPicker(routes: readonly { weight: number }[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const r of routes) {
    total += r.weight;
    cumulative.push(total);
  }
  if (routes.length === 1) return () => 0;
  return () => {
    const x = Math.random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
