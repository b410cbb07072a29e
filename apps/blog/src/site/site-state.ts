// Settings and the menu, read from storage and kept for a few seconds (the admin invalidates them).
import type { Page, Settings } from '@pugo/storage';

/** What the site state needs of storage. */
export interface SiteStateStorage {
  readonly settings: { getAll(): Promise<Settings> };
  readonly pages: { menu(): Promise<Page[]> };
}

/** One menu entry as templates show it. */
export interface MenuEntry {
  readonly title: string;
  readonly url: string;
}

/** A snapshot of what every page needs. */
export interface SiteSnapshot {
  readonly settings: Settings;
  /** The menu from settings, then published pages marked for the menu (no duplicates). */
  readonly menu: readonly MenuEntry[];
  /** Absolute, ending in `/`: PUGO_BASE_URL when set, else the baseUrl setting. */
  readonly baseUrl: string;
}

export interface SiteStateOptions {
  /** PUGO_BASE_URL, which wins over the setting. Default: none */
  readonly baseUrl?: string | undefined;
  /** How long a snapshot is reused, in ms (other processes may change settings). Default: 5000 */
  readonly ttlMs?: number;
}

/** Caches the snapshot; `invalidate()` after a settings or page change makes the next read fresh. */
export class SiteState {
  readonly #storage: SiteStateStorage;
  readonly #baseUrl: string | undefined;
  readonly #ttlMs: number;
  #snapshot: Promise<SiteSnapshot> | undefined;
  #loadedAt = 0;

  constructor(storage: SiteStateStorage, options: SiteStateOptions = {}) {
    this.#storage = storage;
    this.#baseUrl = options.baseUrl;
    this.#ttlMs = options.ttlMs ?? 5000;
  }

  /** The current snapshot (one load shared by concurrent requests). */
  get(): Promise<SiteSnapshot> {
    const now = Date.now();
    if (this.#snapshot === undefined || now - this.#loadedAt > this.#ttlMs) {
      this.#loadedAt = now;
      const loading = this.#load();
      this.#snapshot = loading;
      // A failed load is not kept: the next request tries again.
      loading.catch(() => {
        if (this.#snapshot === loading) this.#snapshot = undefined;
      });
    }
    return this.#snapshot;
  }

  /** Forgets the snapshot. */
  invalidate(): void {
    this.#snapshot = undefined;
  }

  async #load(): Promise<SiteSnapshot> {
    const [settings, pages] = await Promise.all([
      this.#storage.settings.getAll(),
      this.#storage.pages.menu(),
    ]);
    const menu: MenuEntry[] = settings.menu.map((m) => ({ title: m.label, url: m.url }));
    for (const page of pages) {
      const url = `/${encodeURIComponent(page.slug)}`;
      if (!menu.some((m) => m.url === url)) menu.push({ title: page.title, url });
    }
    const base = this.#baseUrl ?? settings.baseUrl;
    return { settings, menu, baseUrl: base.endsWith('/') ? base : `${base}/` };
  }
}
