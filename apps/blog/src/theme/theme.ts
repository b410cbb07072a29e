// Themes are folders of eta templates and assets; rendering escapes every `<%= %>` by default.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { blogError } from '../errors.js';
import { AssetTable } from './assets.js';

/** Where the bundled themes live: `apps/blog/themes/` (from `src/` and from `dist/` alike). */
export const THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

/** Templates every theme provides. */
export const THEME_TEMPLATES = ['index', 'post', 'page', 'archive', 'search', 'error'] as const;
export type TemplateName = (typeof THEME_TEMPLATES)[number];

export interface ThemeOptions {
  /** Folder name under `themesDir`. Default: 'default' */
  readonly name?: string;
  /** Default: the bundled themes folder */
  readonly themesDir?: string;
  /** Keep compiled templates in memory (production); off, edits show on the next request. Default: true */
  readonly cache?: boolean;
}

/** A loaded theme. */
export interface Theme {
  readonly name: string;
  readonly assets: AssetTable;
  /** Renders `templates/<name>.eta` (with its layout) to HTML. */
  render(template: TemplateName, data: object): string;
}

/** Loads a theme; PUGO_ERR_BLOG_THEME when its folder or a required template is missing. */
export function loadTheme(options: ThemeOptions = {}): Theme {
  const name = options.name ?? 'default';
  const dir = join(options.themesDir ?? THEMES_DIR, name);
  for (const template of THEME_TEMPLATES) {
    if (!existsSync(join(dir, `${template}.eta`))) {
      throw blogError('PUGO_ERR_BLOG_THEME', { theme: name, dir, missing: `${template}.eta` });
    }
  }
  // autoEscape is eta's default; spelled out because the blog's safety rests on it.
  const eta = new Eta({ views: dir, cache: options.cache ?? true, autoEscape: true });
  const assets = new AssetTable(join(dir, 'assets'));
  return {
    name,
    assets,
    render: (template, data) => eta.render(`./${template}`, data),
  };
}
