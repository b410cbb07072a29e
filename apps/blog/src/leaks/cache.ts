// cache: an unbounded memo of rendered pages keyed by the full URL, query string included.

import type { FastifyRequest } from 'fastify';
import { KEPT_CHARS } from './kept.js';

/** A render memo with no bound and no eviction: every distinct query string adds an entry. */
export class RenderMemo {
  readonly #memo = new Map<string, string>();

  /** Entries held. */
  get size(): number {
    return this.#memo.size;
  }

  serve(request: FastifyRequest, html: string): void {
    memoizeRender(this.#memo, request.url, html);
  }
}

/** The bug: `?utm_source=…`, `?page=…`, `?q=…` each make a new key, kept for ever. */
function memoizeRender(memo: Map<string, string>, url: string, html: string): void {
  if (memo.has(url)) return;
  memo.set(url, Buffer.from(html.slice(0, KEPT_CHARS).replace(/<[^>]*>/g, ' ')).toString());
}
