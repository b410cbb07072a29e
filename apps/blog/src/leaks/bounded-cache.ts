// bounded-cache: not a leak — an LRU of page fragments capped at 2,000 entries of about 2 KB.
import type { FastifyRequest } from 'fastify';

/** Entries the LRU keeps. */
export const LRU_ENTRIES = 2_000;
/** Characters per fragment: about 2 KB of UTF-8 for the mostly-ASCII pages. */
export const FRAGMENT_CHARS = 2_048;

const encoder = new TextEncoder();

/**
 * A fragment cache: each page's text in 2 KB pieces keyed by URL and position, least recently used
 * evicted first (a Map keeps insertion order; a hit re-inserts). Each page adds several entries, so
 * the cache is full within a few hundred requests and then stays at its cap.
 */
export class FragmentLru {
  readonly #lru = new Map<string, Uint8Array>();

  /** Entries held (at most LRU_ENTRIES). */
  get size(): number {
    return this.#lru.size;
  }

  serve(request: FastifyRequest, html: string): void {
    rememberFragments(this.#lru, request.url, html);
  }
}

function rememberFragments(lru: Map<string, Uint8Array>, url: string, html: string): void {
  const text = html.replace(/<[^>]*>/g, ' ');
  for (let at = 0, i = 0; at < text.length; at += FRAGMENT_CHARS, i++) {
    const key = `${url}#${i}`;
    const hit = lru.get(key);
    lru.delete(key);
    // Encoded, so an entry owns exactly its bytes (a string slice would pin the whole page).
    lru.set(key, hit ?? encoder.encode(text.slice(at, at + FRAGMENT_CHARS)));
    if (lru.size > LRU_ENTRIES) {
      const oldest = lru.keys().next().value as string;
      lru.delete(oldest);
    }
  }
}
