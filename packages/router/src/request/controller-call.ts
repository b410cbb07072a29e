// The handler of a controller route: picks the verb's method, runs it on a pooled instance, releases it.
import { routerError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import type { ControllerPool } from '../pool/controller-pool.js';
import { createRetentionReport } from '../pool/retention-report.js';
import type { RouteRecord } from '../routes/route-table.js';
import type { Context, HttpMethod } from '../types.js';
import { isThenable } from './is-thenable.js';

type Method = (this: object, ctx: Context) => unknown;

/**
 * The method each verb calls: the one named at registration, else the verb's own (HEAD falls back
 * to GET's, as fastify's HEAD routes do).
 */
function actionsOf(route: RouteRecord): Map<string, Method> {
  const proto = route.handler.prototype as Record<string, unknown>;
  const actions = new Map<string, Method>();
  for (const method of route.methods) {
    const name = route.action ?? method.toLowerCase();
    const fn = proto[name] ?? (method === 'HEAD' ? proto.get : undefined);
    if (typeof fn === 'function') actions.set(method, fn as Method);
  }
  const get = actions.get('GET');
  if (get !== undefined && !actions.has('HEAD')) actions.set('HEAD', get);
  return actions;
}

/**
 * Calls the route's controller: acquire an instance, call the verb's method, release the instance
 * (reset, guarded) when the method settles. Synchronous for synchronous methods: no promise unless
 * the method returns one. A verb without a method is a 405 with `Allow`.
 */
export function controllerCall(
  route: RouteRecord,
  pool: ControllerPool,
  options: ResolvedOptions,
): (ctx: Context) => unknown {
  const controller = route.handler.name || '(anonymous class)';
  const actions = actionsOf(route);
  const allow = [...actions.keys()].join(', ');
  const report = createRetentionReport(options);

  /** Takes the instance back; after a failed method (`failed`) its error wins over a finding. */
  const release = (instance: object, ctx: Context, failed: boolean): void => {
    const found = pool.release(instance);
    if (found !== undefined) {
      report({ route: route.name, controller, ...found }, ctx.request.log, failed);
    }
  };
  const settle = async (instance: object, pending: PromiseLike<unknown>, ctx: Context) => {
    let result: unknown;
    try {
      result = await pending;
    } catch (error) {
      release(instance, ctx, true);
      throw error;
    }
    release(instance, ctx, false);
    return result;
  };

  return (ctx) => {
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
      release(instance, ctx, true);
      throw error;
    }
    if (isThenable(result)) return settle(instance, result, ctx);
    release(instance, ctx, false);
    return result;
  };
}
