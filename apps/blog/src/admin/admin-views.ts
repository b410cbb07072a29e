// The admin's templates (themes/admin, eta with escaping on) and its hashed static assets.
import { join } from 'node:path';
import { Eta } from 'eta';
import { AssetTable } from '../theme/assets.js';
import { THEMES_DIR } from '../theme/theme.js';

/** Where the admin's templates live, beside the public themes. */
export const ADMIN_THEME_DIR = join(THEMES_DIR, 'admin');

/** Renders admin screens. */
export class AdminViews {
  readonly assets: AssetTable;
  readonly #eta: Eta;

  constructor(options: { cache?: boolean; dir?: string } = {}) {
    const dir = options.dir ?? ADMIN_THEME_DIR;
    this.#eta = new Eta({ views: dir, cache: options.cache ?? true, autoEscape: true });
    this.assets = new AssetTable(join(dir, 'assets'));
  }

  /** `/admin/assets/<hashed name>` for an admin asset. */
  asset(name: string): string {
    return `/admin${this.assets.url(name)}`;
  }

  /** Renders `<template>.eta` in the admin layout. */
  render(template: string, data: object): string {
    return this.#eta.render(`./${template}`, {
      ...data,
      asset: (name: string) => this.asset(name),
      date: formatDate,
    });
  }
}

/** `2026-11-27 09:30` in UTC, or an empty string. */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return '';
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
