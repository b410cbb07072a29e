// Turns a registered route into what runs per request: its middleware chain and its endpoint.
import type { ResolvedOptions } from '../options.js';
import type { RouteRecord } from '../routes/route-table.js';
import type { Context, HandlerFunction, Middleware, RouteInfo } from '../types.js';
import { controllerCall } from './controller-call.js';
import { isThenable } from './is-thenable.js';

/** A route ready to serve: computed once, when the router is registered with fastify. */
export interface CompiledRoute {
  readonly info: RouteInfo;
  /** Every middleware that applies, outermost first: router, groups, then the route's own. */
  readonly layers: readonly Middleware[];
  /** Calls the handler; returns its result, or a promise of it. */
  readonly call: (ctx: Context) => unknown;
  /** Calls the handler and stores its result on `ctx.result` (the end of the middleware chain). */
  readonly endpoint: (ctx: Context) => Promise<void>;
}

function endpointOf(call: (ctx: Context) => unknown): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const result = call(ctx);
    ctx.result = isThenable(result) ? await result : result;
  };
}

/** Compiles `route`: precomputes its chain, and for a controller the method to call per verb. */
export function compileRoute(route: RouteRecord, options: ResolvedOptions): CompiledRoute {
  const layers = [...route.scopes.flatMap((scope) => scope.middleware), ...route.middleware];
  const info: RouteInfo = Object.freeze({ name: route.name, path: route.path });
  const call =
    route.pool === undefined
      ? (route.handler as HandlerFunction)
      : controllerCall(route, route.pool, options);
  return { info, layers, call, endpoint: endpointOf(call) };
}
