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
  /** Calls the handler and stores its result on `ctx.result`. */
  readonly endpoint: (ctx: Context) => Promise<void> | void;
}

type Method = (this: object, ctx: Context) => unknown;

/** Compiles `route`: precomputes its chain, and for a controller the method to call per verb. */
export function compileRoute(route: RouteRecord, options: ResolvedOptions): CompiledRoute {
  const layers = [...route.scopes.flatMap((scope) => scope.middleware), ...route.middleware];
  const info: RouteInfo = Object.freeze({ name: route.name, path: route.path });
  if (!route.isController) {
    const handler = route.handler as HandlerFunction;
    return {
      info,
      layers,
      async endpoint(ctx) {
        ctx.result = await handler(ctx);
      },
    };
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

  return {
    info,
    layers,
    async endpoint(ctx) {
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
        result = await method.call(instance, ctx);
      } catch (error) {
        const found = pool.release(instance);
        if (found !== undefined) report({ route: route.name, controller, ...found }, ctx, true);
        throw error;
      }
      const found = pool.release(instance);
      if (found !== undefined) report({ route: route.name, controller, ...found }, ctx, false);
      ctx.result = result;
    },
  };
}
