// pprofPlugin: the endpoints as routes of a fastify app, beside its own routes and error handler.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type PprofOptions, resolveOptions } from '../core/options.js';
import { openPprofRuntime } from '../core/pprof-runtime.js';
import { pprofRequestOf } from './node-request.js';

const plugin: FastifyPluginAsync<PprofOptions> = async (app, options) => {
  const resolved = resolveOptions(options);
  const runtime = await openPprofRuntime(resolved);
  app.addHook('onClose', async () => runtime.close());

  const handle = async (path: string, request: FastifyRequest, reply: FastifyReply) => {
    const response = await runtime.handler(pprofRequestOf(request.raw, reply.raw, path));
    if (response.body === null) {
      // The client left mid-profile: there is no one to answer.
      reply.hijack();
      reply.raw.destroy();
      return reply;
    }
    // Errors are answered here, Go-style, so the app's error handler never sees them.
    return reply.code(response.status).headers(response.headers).send(response.body);
  };

  app.get(`${resolved.prefix}/*`, (request, reply) =>
    handle(`/${(request.params as { '*'?: string })['*'] ?? ''}`, request, reply),
  );
  if (resolved.prefix !== '') {
    // With ignoreTrailingSlash this route also gets `${prefix}/`: that one is the index, not a
    // redirect to itself.
    app.get(resolved.prefix, (request, reply) =>
      handle(/\/(\?|$)/.test(request.raw.url ?? '') ? '/' : '', request, reply),
    );
  }
};

/**
 * The Go-compatible `/debug/pprof` endpoints for a fastify app:
 * `await app.register(pprofPlugin, { token: process.env.PPROF_TOKEN })`. Starts V8's sampling heap
 * profiler when registered and releases it when the app closes.
 */
export const pprofPlugin = fp(plugin, { name: '@pugo/pprof', fastify: '5.x' });
