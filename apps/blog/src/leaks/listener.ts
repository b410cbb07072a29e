// listener: every request subscribes to a long-lived emitter and never unsubscribes.
import { EventEmitter } from 'node:events';
import type { FastifyRequest } from 'fastify';
import { KEPT_CHARS } from './kept.js';

/** A site-wide "content changed" bus that lives as long as the app. */
export class UpdateListeners {
  readonly #updates = new EventEmitter();

  /** Listeners attached so far. */
  get size(): number {
    return this.#updates.listenerCount('content-changed');
  }

  serve(request: FastifyRequest, html: string): void {
    subscribeToUpdates(this.#updates, request, html);
  }
}

/** The bug: the listener closes over the page's view and is never removed (no `off` on close). */
function subscribeToUpdates(updates: EventEmitter, request: FastifyRequest, html: string): void {
  const view = {
    url: request.url,
    text: Buffer.from(html.slice(0, KEPT_CHARS).replace(/<[^>]*>/g, ' ')).toString(),
    stale: false,
  };
  updates.on('content-changed', function markStale() {
    view.stale = true;
  });
}
