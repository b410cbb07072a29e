// tango-pool: the original leak — per-route controller slabs whose slots keep the last request's data.

import type { FastifyRequest } from 'fastify';
import { KEPT_CHARS } from './kept.js';

/** Slots per slab, as in tango's pool (`reflect.MakeSlice(…, 800, 800)`). */
export const SLAB_SLOTS = 800;

/** What a controller held after rendering: never cleared, only overwritten on the slab's next lap. */
interface RenderData {
  readonly method: string;
  readonly url: string;
  readonly params: unknown;
  readonly text: string;
}

interface ControllerSlot {
  renderData: RenderData | undefined;
}

interface ControllerPool {
  readonly slab: ControllerSlot[];
  next: number;
}

/** Pools by method and route, like one tango pool per registered controller. */
export class TangoPools {
  readonly #pools = new Map<string, ControllerPool>();

  /** Slots that still hold a past request's render data. */
  get size(): number {
    let filled = 0;
    for (const pool of this.#pools.values()) {
      for (const slot of pool.slab) if (slot.renderData !== undefined) filled++;
    }
    return filled;
  }

  /** Hands out the route's next slot and leaves this request's render data in it. */
  serve(request: FastifyRequest, html: string): void {
    const key = `${request.method} ${request.routeOptions.url ?? '(not found)'}`;
    let pool = this.#pools.get(key);
    if (pool === undefined) {
      pool = { slab: allocateControllerSlab(), next: 0 };
      this.#pools.set(key, pool);
    }
    const slot = pool.slab[pool.next] as ControllerSlot;
    pool.next = (pool.next + 1) % SLAB_SLOTS;
    fillControllerSlot(slot, request, html);
  }
}

/** The eager slab: every slot exists before the first request needs it. */
function allocateControllerSlab(): ControllerSlot[] {
  const slab: ControllerSlot[] = new Array(SLAB_SLOTS);
  for (let i = 0; i < SLAB_SLOTS; i++) slab[i] = { renderData: undefined };
  return slab;
}

/** The bug: the slot is reused without being reset, so it pins the page it last rendered. */
function fillControllerSlot(slot: ControllerSlot, request: FastifyRequest, html: string): void {
  slot.renderData = {
    method: request.method,
    url: request.url,
    params: request.params,
    text: Buffer.from(html.slice(0, KEPT_CHARS).replace(/<[^>]*>/g, ' ')).toString(),
  };
}
