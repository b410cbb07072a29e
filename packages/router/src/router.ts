// createRouter(): the route builder plus poolStats() and plugin(), the fastify plugin that serves it.
import type { FastifyPluginAsync } from 'fastify';
import type { PoolStat } from './controller-pool.js';
import { type RouterOptions, resolveOptions } from './options.js';
import { buildPlugin } from './plugin.js';
import { RouteBuilder, type RouterCore } from './route-builder.js';
import { RouteTable, type Scope } from './route-table.js';

/** `poolStats()`: every controller route's pool, plus totals. Plain JSON. */
export interface PoolStats {
  /** The configured `poolSize`. */
  readonly poolSize: number;
  /** Whether the retention guard runs. */
  readonly retentionGuard: boolean;
  /** One entry per controller route, in registration order. */
  readonly pools: PoolStat[];
  /** Sums over `pools`. */
  readonly totals: {
    readonly created: number;
    readonly reused: number;
    readonly idle: number;
    readonly inUse: number;
    readonly dropped: number;
    readonly retentionWarnings: number;
  };
}

export class Router extends RouteBuilder {
  readonly #core: RouterCore;
  #plugin: FastifyPluginAsync | undefined;

  constructor(options?: RouterOptions) {
    const core: RouterCore = {
      options: resolveOptions(options),
      table: new RouteTable(),
      sealed: false,
    };
    const root: Scope = { middleware: [] };
    super(core, '', [root]);
    this.#core = core;
  }

  /** The pools' counters: created, reused, idle, inUse, highWater, dropped, retentionWarnings. */
  poolStats(): PoolStats {
    const pools = this.#core.table.routes.flatMap((route) =>
      route.pool ? [route.pool.stats()] : [],
    );
    const sum = (key: 'created' | 'reused' | 'idle' | 'inUse' | 'dropped' | 'retentionWarnings') =>
      pools.reduce((total, pool) => total + pool[key], 0);
    return {
      poolSize: this.#core.options.poolSize,
      retentionGuard: this.#core.options.retentionGuard,
      pools,
      totals: {
        created: sum('created'),
        reused: sum('reused'),
        idle: sum('idle'),
        inUse: sum('inUse'),
        dropped: sum('dropped'),
        retentionWarnings: sum('retentionWarnings'),
      },
    };
  }

  /**
   * The fastify plugin serving every route: `app.register(router.plugin())` (a `prefix` option
   * prefixes them all). Routes must be added before the app loads it.
   */
  plugin(): FastifyPluginAsync {
    this.#plugin ??= buildPlugin(this.#core);
    return this.#plugin;
  }
}

/** Creates a router; see RouterOptions for the defaults. */
export function createRouter(options?: RouterOptions): Router {
  return new Router(options);
}
