// Checks and conversions shared by the repositories: enums, timestamps, paging, limits, slugs.
import { storageError } from './errors.js';

/** Checks that `value` is one of `allowed`, else PUGO_ERR_INVALID_INPUT naming `what`. */
export function oneOf<T extends string>(
  what: string,
  field: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw storageError('PUGO_ERR_INVALID_INPUT', {
    what,
    reason: `${field} must be one of ${allowed.join(', ')}, got "${value}"`,
  });
}

/** A Date or ISO string as the stored ISO 8601 UTC text; PUGO_ERR_INVALID_INPUT when invalid. */
export function toIso(what: string, field: string, value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = date.getTime();
  if (!Number.isFinite(time) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `${field} must be a valid date, got "${String(value)}"`,
    });
  }
  return date.toISOString();
}

/** Stored ISO text as a Date (null stays null). */
export function fromIso(value: string): Date;
export function fromIso(value: string | null): Date | null;
export function fromIso(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Checks that a required text field is not blank. */
export function required(what: string, field: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw storageError('PUGO_ERR_INVALID_INPUT', { what, reason: `${field} must not be empty` });
  }
  return value;
}

/** Which slice of a list to read. */
export interface PageRequest {
  /** 1-based page number. Default: 1. */
  readonly page?: number;
  /** Items per page, 1 to 1000. Default: 10. */
  readonly pageSize?: number;
}

/** One page of a list, with what a pager needs. */
export interface Paged<T> {
  readonly items: T[];
  /** Items in the whole list. */
  readonly total: number;
  /** 1-based page number asked for (may exceed `pageCount`, then `items` is empty). */
  readonly page: number;
  readonly pageSize: number;
  /** Pages in the whole list (0 when it is empty). */
  readonly pageCount: number;
}

/** Validates a page request: `{ page, pageSize, offset }`; PUGO_ERR_INVALID_INPUT when out of range. */
export function paging(
  what: string,
  request: PageRequest | undefined,
): { page: number; pageSize: number; offset: number } {
  const page = request?.page ?? 1;
  const pageSize = request?.pageSize ?? 10;
  if (!Number.isSafeInteger(page) || page < 1) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `page must be an integer from 1, got ${String(page)}`,
    });
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `pageSize must be an integer from 1 to 1000, got ${String(pageSize)}`,
    });
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Checks an optional `limit` (1 to `max`): the limit, or `max` when absent. */
export function limitOf(what: string, limit: number | undefined, max: number): number {
  const value = limit ?? max;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `limit must be an integer from 1 to ${max}, got ${String(limit)}`,
    });
  }
  return value;
}

/** A public post's or page's slug and when it last changed: what a sitemap lists. */
export interface PublishedSlug {
  readonly slug: string;
  readonly updatedAt: Date;
}

/** Most rows {@link PublishedSlug} lists return (a sitemap file's limit). */
export const MAX_SLUGS = 50_000;

/** Builds a {@link Paged}. */
export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Paged<T> {
  return { items, total, page, pageSize, pageCount: Math.ceil(total / pageSize) };
}

/** Checks a caller-chosen slug: non-empty, no `/`, `?`, `#`, whitespace or `..`. */
export function validSlug(what: string, slug: string): string {
  if (typeof slug !== 'string' || slug === '' || /[\s/?#\\%]/.test(slug) || slug.includes('..')) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `slug must be non-empty without spaces, "/", "?", "#", "%" or "..", got "${slug}"`,
    });
  }
  return slug;
}

/** Checks an integer id. */
export function validId(what: string, field: string, id: number): number {
  if (!Number.isSafeInteger(id) || id < 1) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what,
      reason: `${field} must be a positive integer, got ${String(id)}`,
    });
  }
  return id;
}
