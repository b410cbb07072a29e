// timer: every request starts a refresh interval that is never cleared and holds the request.

import type { FastifyRequest } from 'fastify';
import { KEPT_CHARS } from './kept.js';

/** How often the (useless) refresh runs: long, so the leak is memory, not CPU. */
const REFRESH_MS = 3_600_000;

/** Counts the intervals started; the intervals themselves are only referenced by Node's timers. */
export class RefreshTimers {
  #started = 0;

  /** Intervals started (none is ever cleared). */
  get size(): number {
    return this.#started;
  }

  serve(request: FastifyRequest, html: string): void {
    startRefreshTimer(request, html);
    this.#started++;
  }
}

/** The bug: no `clearInterval`, so the timer list pins the request and its page for ever. */
function startRefreshTimer(request: FastifyRequest, html: string): void {
  const view = {
    request,
    text: Buffer.from(html.slice(0, KEPT_CHARS).replace(/<[^>]*>/g, ' ')).toString(),
    refreshed: 0,
  };
  const timer = setInterval(function refreshView() {
    view.refreshed = Date.now();
  }, REFRESH_MS);
  // Unref'd so that a test or a graceful shutdown is not held open; the memory stays referenced.
  timer.unref();
}
