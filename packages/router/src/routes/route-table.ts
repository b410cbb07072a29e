// The router's table of routes: what was registered, in order, with conflicts refused up front.
// Conflicts are checked here, not left to fastify: routes are added before any app exists, and the
// error must name both handlers, which fastify's duplicate-route error cannot.
import { routerError } from '../errors.js';
import type { ControllerPool } from '../pool/controller-pool.js';
import type { Handler, HttpMethod, Middleware } from '../types.js';

/** Middleware of the router or of one group, applied to every route inside it. */
export interface Scope {
  readonly middleware: Middleware[];
}

/** One registration (`any` registers several methods as one route). */
export interface RouteRecord {
  /** E.g. `GET /posts/:id` or `ANY /feed`. */
  readonly name: string;
  /** The name and the handler, e.g. `GET /posts/:id (PostController.get)`, for errors. */
  readonly label: string;
  readonly methods: readonly HttpMethod[];
  /** Full path, group prefixes included. */
  readonly path: string;
  /** fastify route options passed through (constraints, schema, config, bodyLimit). */
  readonly fastifyOptions: Readonly<Record<string, unknown>>;
  readonly handler: Handler;
  /** Controller routes: the method to call, or undefined for `any` (the request's verb). */
  readonly action: string | undefined;
  /**
   * The pool of a controller route (undefined for a function handler); made at registration, empty
   * until the first request.
   */
  readonly pool: ControllerPool | undefined;
  /** Enclosing scopes, outermost (the router's) first. */
  readonly scopes: readonly Scope[];
  /** The route's own middleware, after its scopes'. */
  readonly middleware: readonly Middleware[];
}

/**
 * A path in the form two routes collide on: param names dropped (`/users/:id` and `/users/:name`
 * match the same requests), regexes kept.
 */
export function conflictPath(path: string): string {
  return path
    .replace(/::/g, '\u0000')
    .replace(/:[^/:(\-.]+/g, ':')
    .replace(/\u0000/g, '::');
}

/** Constraints as a stable string, so `{a, b}` and `{b, a}` compare equal. */
function constraintKey(constraints: unknown): string {
  if (constraints === undefined || constraints === null) return '';
  const entries = Object.entries(constraints as Record<string, unknown>)
    .map(([k, v]) => [k, v instanceof RegExp ? v.toString() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export class RouteTable {
  readonly routes: RouteRecord[] = [];
  readonly #byKey = new Map<string, RouteRecord>();

  /** Adds `route`, or throws PUGO_ERR_ROUTER_CONFLICT naming it and the route it collides with. */
  add(route: RouteRecord): void {
    const keys = route.methods.map(
      (method) =>
        `${method} ${conflictPath(route.path)} ${constraintKey(route.fastifyOptions.constraints)}`,
    );
    for (const key of keys) {
      const existing = this.#byKey.get(key);
      if (existing !== undefined) {
        throw routerError('PUGO_ERR_ROUTER_CONFLICT', {
          route: route.label,
          existing: existing.label,
        });
      }
    }
    for (const key of keys) this.#byKey.set(key, route);
    this.routes.push(route);
  }

  /** Whether a route was registered for `HEAD path` explicitly (so fastify must not add one). */
  hasHead(route: RouteRecord): boolean {
    const key = `HEAD ${conflictPath(route.path)} ${constraintKey(route.fastifyOptions.constraints)}`;
    return this.#byKey.has(key);
  }
}
