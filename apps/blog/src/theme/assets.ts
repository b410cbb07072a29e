// A theme's static assets under content-hashed names, so they can be cached for a year.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { blogError } from '../errors.js';

/** One asset, ready to serve. */
export interface Asset {
  /** `style.css` as the theme names it. */
  readonly name: string;
  /** `style.3f9a1c2b7d.css`: the URL's last segment. */
  readonly hashedName: string;
  readonly body: Buffer;
  readonly contentType: string;
  /** Strong ETag: the content hash. */
  readonly etag: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The assets of a theme, by name and by hashed name. */
export class AssetTable {
  readonly #byName = new Map<string, Asset>();
  readonly #byHashed = new Map<string, Asset>();

  /** Reads every file under `dir` (recursively; `a/b.css` keeps its folder). */
  constructor(dir: string) {
    for (const name of listFiles(dir)) {
      const body = readFileSync(join(dir, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
      const ext = extname(name);
      const asset: Asset = {
        name,
        hashedName: `${name.slice(0, name.length - ext.length)}.${hash}${ext}`,
        body,
        contentType: TYPES[ext.toLowerCase()] ?? 'application/octet-stream',
        etag: `"${hash}"`,
      };
      this.#byName.set(name, asset);
      this.#byHashed.set(asset.hashedName, asset);
    }
  }

  /** `/assets/<hashed name>` for a theme file; PUGO_ERR_BLOG_ASSET when the theme has none. */
  url(name: string): string {
    const asset = this.#byName.get(name);
    if (!asset) throw blogError('PUGO_ERR_BLOG_ASSET', { name });
    return `/assets/${asset.hashedName}`;
  }

  /** The asset behind a hashed name from a URL, if any. */
  byHashedName(hashedName: string): Asset | undefined {
    return this.#byHashed.get(hashedName);
  }

  /** Every asset (for tests and the log). */
  list(): Asset[] {
    return [...this.#byName.values()];
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry}` : entry;
      return statSync(join(dir, rel)).isDirectory() ? listFiles(dir, rel) : [rel];
    });
}
