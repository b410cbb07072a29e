// Turns a registered route into what runs per request: its middleware chain and its endpoint.
import type { Context, RouteInfo } from './context.js';
import { routerError } from './errors.js';
import type { ResolvedOptions, RetentionFinding } from './options.js';
import type { RouteRecord } from './route-table.js';
import type { HandlerFunction, HttpMethod, Middleware } from './types.js';

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

/** Whether `value` is a promise (or any thenable), to skip an await on plain results. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function endpointOf(call: (ctx: Context) => unknown): (ctx: Context) => Promise<void> {
  return async (ctx) => {
    const result = call(ctx);
    ctx.result = isThenable(result) ? await result : result;
  };
}

type Method = (this: object, ctx: Context) => unknown;

/** Compiles `route`: precomputes its chain, and for a controller the method to call per verb. */
export function compileRoute(route: RouteRecord, options: ResolvedOptions): CompiledRoute {
  const layers = [...route.scopes.flatMap((scope) => scope.middleware), ...route.middleware];
  const info: RouteInfo = Object.freeze({ name: route.name, path: route.path });
  if (!route.isController) {
    const call = route.handler as HandlerFunction;
    return { info, layers, call, endpoint: endpointOf(call) };
  }
  const pool = route.pool!;
  const controller = route.handler.name || '(anonymous class)';
  const proto = route.handler.prototype as Record<string, unknown>;
  // The method each verb calls: the one named at registration, else the verb's own (HEAD falls
  // back to GET's, as fastify's HEAD routes do).
  const actions = new Map<string, Method>();
  for (const method of route.methods) {
    const name = route.action ?? method.toLowerCase();
    const fn = proto[name] ?? (method === 'HEAD' ? proto.get : undefined);
    if (typeof fn === 'function') actions.set(method, fn as Method);
  }
  if (route.methods.includes('GET') && !actions.has('HEAD'))
    actions.set('HEAD', actions.get('GET')!);
  const allow = [...actions.keys()].join(', ');
  const warned = new Set<string>();

  const report = (finding: RetentionFinding, ctx: Context, failed: boolean): void => {
    if (options.strict && !failed) throw routerError('PUGO_ERR_ROUTER_RETAINED', finding);
    if (options.onRetention !== undefined) options.onRetention(finding);
    else if (!warned.has(finding.field)) {
      warned.add(finding.field);
      ctx.request.log.warn(
        { retention: finding },
        routerError('PUGO_ERR_ROUTER_RETAINED', finding).message,
      );
    }
  };

  /** Releases after the handler failed: its error wins, a finding is only reported. */
  const releaseFailed = (instance: object, ctx: Context): void => {
    const found = pool.release(instance);
    if (found !== undefined) report({ route: route.name, controller, ...found }, ctx, true);
  };
  const release = (instance: object, ctx: Context): void => {
    const found = pool.release(instance);
    if (found !== undefined) report({ route: route.name, controller, ...found }, ctx, false);
  };
  const settle = async (instance: object, pending: PromiseLike<unknown>, ctx: Context) => {
    let result: unknown;
    try {
      result = await pending;
    } catch (error) {
      releaseFailed(instance, ctx);
      throw error;
    }
    release(instance, ctx);
    return result;
  };

  // Synchronous for synchronous methods: no promise unless the method returns one.
  const call = (ctx: Context): unknown => {
    const method = actions.get(ctx.request.method);
    if (method === undefined) {
      ctx.reply.header('allow', allow);
      throw routerError('PUGO_ERR_ROUTER_METHOD_NOT_ALLOWED', {
        method: ctx.request.method as HttpMethod,
        route: route.name,
        allow,
      });
    }
    const instance = pool.acquire();
    let result: unknown;
    try {
      result = method.call(instance, ctx);
    } catch (error) {
      releaseFailed(instance, ctx);
      throw error;
    }
    if (isThenable(result)) return settle(instance, result, ctx);
    release(instance, ctx);
    return result;
  };
  return { info, layers, call, endpoint: endpointOf(call) };
}
