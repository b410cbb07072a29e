// registerLeak(): PUGO_INJECT_LEAK's scenario as an onSend hook on the blog's real request path.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FragmentLru } from './bounded-cache.js';
import { RenderMemo } from './cache.js';
import { UpdateListeners } from './listener.js';
import type { LeakScenario } from './scenarios.js';
import { TangoPools } from './tango-pool.js';
import { RefreshTimers } from './timer.js';

export { isLeakScenario, LEAK_SCENARIOS, type LeakScenario } from './scenarios.js';

/** A scenario in place: what it holds, for /debug/pprof/metrics and tests. */
export interface InjectedLeak {
  readonly scenario: LeakScenario;
  /** Entries the scenario holds (slots filled, listeners, memo or LRU entries, intervals). */
  readonly size: number;
}

interface Holder {
  readonly size: number;
  serve(request: FastifyRequest, html: string): void;
}

const HOLDERS: Record<LeakScenario, () => Holder> = {
  'tango-pool': () => new TangoPools(),
  listener: () => new UpdateListeners(),
  cache: () => new RenderMemo(),
  timer: () => new RefreshTimers(),
  'bounded-cache': () => new FragmentLru(),
};

/**
 * Adds `scenario` to every route of `app`. Register it before compression: the hook reads the
 * rendered page (a string) the way a controller holds its render data, then passes it on unchanged.
 */
export function registerLeak(app: FastifyInstance, scenario: LeakScenario): InjectedLeak {
  const holder = HOLDERS[scenario]();
  app.addHook('onSend', async (request, _reply, payload) => {
    holder.serve(request, typeof payload === 'string' ? payload : request.url);
    return payload;
  });
  return {
    scenario,
    get size() {
      return holder.size;
    },
  };
}
