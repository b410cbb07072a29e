// The fastify plugin: compiles every route once and registers it, with the router's error handler.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { routerError } from './errors.js';
import { type CompiledRoute, compileRoute } from './request/compiled-route.js';
import { defaultErrorHandler } from './request/error-handler.js';
import { isThenable } from './request/is-thenable.js';
import { RequestContext } from './request/request-context.js';
import { sendResult } from './request/send-result.js';
import type { RouterCore } from './routes/route-registrar.js';
import type { RouteRecord } from './routes/route-table.js';
import type { Context, ErrorHandler } from './types.js';

type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/** Errors the router's error handler threw: they go on to fastify's own handler. */
const escaped = new WeakSet<object>();

async function handleError(
  error: unknown,
  ctx: Context,
  errorHandler: ErrorHandler,
): Promise<void> {
  ctx.result = undefined;
  let result: unknown;
  try {
    result = await errorHandler(error, ctx);
  } catch (failure) {
    const thrown = failure instanceof Error ? failure : new Error(String(failure));
    escaped.add(thrown);
    throw thrown;
  }
  sendResult(ctx.reply, result);
}

/**
 * What fastify gets back: nothing once the reply is sent; else the reply, a thenable, so that fastify
 * waits until it is sent (async onSend hooks, or a handler that replies later).
 */
function done(reply: FastifyReply): FastifyReply | undefined {
  return reply.sent ? undefined : reply;
}

/** The slow path: a promised result, a middleware chain or an error. */
async function finish(
  ctx: RequestContext,
  pending: PromiseLike<unknown> | undefined,
  failure: { error: unknown } | undefined,
  errorHandler: ErrorHandler,
): Promise<FastifyReply | undefined> {
  try {
    if (failure !== undefined) throw failure.error;
    if (pending !== undefined) ctx.result = await pending;
    else await ctx.run();
    sendResult(ctx.reply, ctx.result);
  } catch (error) {
    await handleError(error, ctx, errorHandler);
  }
  return done(ctx.reply);
}

/**
 * The fastify handler of one route, made once per route. A synchronous handler without middleware
 * is served synchronously: no promise, no closure, one Context.
 */
function makeHandler(compiled: CompiledRoute, errorHandler: ErrorHandler): RouteHandler {
  if (compiled.layers.length > 0) {
    return function pugoRoute(request, reply) {
      return finish(
        new RequestContext(request, reply, compiled),
        undefined,
        undefined,
        errorHandler,
      );
    };
  }
  return function pugoRoute(request, reply) {
    const ctx = new RequestContext(request, reply, compiled);
    let result: unknown;
    try {
      result = compiled.call(ctx);
      if (isThenable(result)) return finish(ctx, result, undefined, errorHandler);
      ctx.result = result;
      sendResult(reply, result);
    } catch (error) {
      return finish(ctx, undefined, { error }, errorHandler);
    }
    return done(reply);
  };
}

function register(
  instance: FastifyInstance,
  route: RouteRecord,
  handler: RouteHandler,
  core: RouterCore,
): void {
  const methods = route.methods;
  try {
    instance.route({
      ...route.fastifyOptions,
      method: methods.length === 1 ? methods[0]! : [...methods],
      url: route.path,
      handler,
      // fastify adds a HEAD route for every GET; not when the router has one for that path.
      ...(methods.includes('GET')
        ? { exposeHeadRoute: !core.table.hasHead(route) && methods.length === 1 }
        : {}),
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_ERR_DUPLICATED_ROUTE') throw error;
    // fastify's message names the method and path it already has; the handler is not exposed.
    const match = /Method '([^']+)' already declared for route '([^']*)'/.exec(
      (error as Error).message,
    );
    const other = match ? `${match[1]} ${match[2]}` : `${methods[0]} ${route.path}`;
    throw routerError(
      'PUGO_ERR_ROUTER_CONFLICT',
      { route: route.label, existing: `${other} (registered on fastify outside this router)` },
      error,
    );
  }
}

/** Builds the plugin of a router; it may be registered on several apps, the pools are shared. */
export function buildPlugin(core: RouterCore): FastifyPluginAsync {
  let compiled: Map<RouteRecord, { compiled: CompiledRoute; handler: RouteHandler }> | undefined;
  const errorHandler = core.options.errorHandler ?? defaultErrorHandler;
  return fp(
    async function pugoRouter(instance) {
      core.sealed = true;
      compiled ??= new Map(
        core.table.routes.map((route) => {
          const c = compileRoute(route, core.options);
          return [route, { compiled: c, handler: makeHandler(c, errorHandler) }];
        }),
      );
      const byHandler = new Map([...compiled.values()].map((c) => [c.handler, c.compiled]));
      // Errors fastify raises for these routes (body parsing, validation, serialization) come here.
      instance.setErrorHandler(async (error, request, reply) => {
        const route = byHandler.get(request.routeOptions.handler as RouteHandler);
        if (route === undefined || escaped.has(error as object)) throw error;
        await handleError(error, new RequestContext(request, reply, route), errorHandler);
        return reply;
      });
      for (const [route, { handler }] of compiled) register(instance, route, handler, core);
    },
    { name: '@pugo/router', fastify: '5.x', encapsulate: true },
  );
}
