// createRouter(): a route builder with its pools' counters and the fastify plugin that serves it.
import type { FastifyPluginAsync } from 'fastify';
import { type RouterOptions, resolveOptions } from './options.js';
import { buildPlugin } from './plugin.js';
import { summarizePools } from './pool/pool-stats.js';
import { RouteRegistrar, type RouterCore } from './routes/route-registrar.js';
import { RouteTable } from './routes/route-table.js';
import type { PoolStats, Router } from './types.js';

/** The one implementation of `Router`: the root registrar, plus poolStats() and plugin(). */
class RouterImpl extends RouteRegistrar implements Router {
  readonly #core: RouterCore;
  #plugin: FastifyPluginAsync | undefined;

  constructor(core: RouterCore) {
    super(core, '', [{ middleware: [] }]);
    this.#core = core;
  }

  poolStats(): PoolStats {
    const pools = this.#core.table.routes.flatMap((route) =>
      route.pool ? [route.pool.stats()] : [],
    );
    return summarizePools(pools, this.#core.options);
  }

  plugin(): FastifyPluginAsync {
    this.#plugin ??= buildPlugin(this.#core);
    return this.#plugin;
  }
}

/** Creates a router; see RouterOptions for the defaults. */
export function createRouter(options?: RouterOptions): Router {
  return new RouterImpl({
    options: resolveOptions(options),
    table: new RouteTable(),
    sealed: false,
  });
}
