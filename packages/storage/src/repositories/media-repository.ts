// Media rows: uploaded files' metadata (the files themselves live where the caller stored them).
import type { Selectable } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { MediaTable } from '../schema.js';
import { fromIso, type Paged, type PageRequest, pageOf, paging, required } from '../values.js';

/** An uploaded file. */
export interface Media {
  readonly id: number;
  /** The name it was uploaded under (untrusted: escape it). */
  readonly originalName: string;
  /** Where the caller stored it, e.g. `2026/11/<sha256>.png`; unique. */
  readonly storedPath: string;
  /** The type found from the content. */
  readonly mime: string;
  /** Bytes. */
  readonly size: number;
  /** Hex SHA-256 of the content. */
  readonly sha256: string;
  readonly uploadedBy: number | null;
  readonly createdAt: Date;
}

/** What {@link MediaRepository.create} needs. */
export interface NewMedia {
  readonly originalName: string;
  readonly storedPath: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  /** Default: null */
  readonly uploadedBy?: number | null;
}

const WHAT = 'saving the media';

export class MediaRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Records an upload. Throws PUGO_ERR_DUPLICATE (same storedPath), PUGO_ERR_FOREIGN_KEY (user). */
  async create(input: NewMedia): Promise<Media> {
    if (!Number.isSafeInteger(input.size) || input.size < 0) {
      throw storageError('PUGO_ERR_INVALID_INPUT', {
        what: WHAT,
        reason: `size must be a whole number of bytes, got ${String(input.size)}`,
      });
    }
    const row = await this.#ctx.write(
      (db) =>
        db
          .insertInto('media')
          .values({
            original_name: required(WHAT, 'originalName', input.originalName),
            stored_path: required(WHAT, 'storedPath', input.storedPath),
            mime: required(WHAT, 'mime', input.mime),
            size: input.size,
            sha256: required(WHAT, 'sha256', input.sha256).toLowerCase(),
            uploaded_by: input.uploadedBy ?? null,
            created_at: this.#ctx.nowIso(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      { entity: 'media', refs: 'user (uploadedBy)' },
    );
    return toMedia(row);
  }

  /** The media with `id`, or undefined. */
  async find(id: number): Promise<Media | undefined> {
    const row = await this.#ctx.read(
      (db) => db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst(),
      { entity: 'media' },
    );
    return row === undefined ? undefined : toMedia(row);
  }

  /** The media with `id`. Throws PUGO_ERR_NOT_FOUND. */
  async get(id: number): Promise<Media> {
    const media = await this.find(id);
    if (media === undefined) throw notFound(id);
    return media;
  }

  /** An earlier upload with the same content, or undefined (to reuse its file). */
  async findBySha256(sha256: string): Promise<Media | undefined> {
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('media')
          .selectAll()
          .where('sha256', '=', sha256.toLowerCase())
          .orderBy('id')
          .limit(1)
          .executeTakeFirst(),
      { entity: 'media' },
    );
    return row === undefined ? undefined : toMedia(row);
  }

  /** Uploads, newest first. */
  async list(request?: PageRequest): Promise<Paged<Media>> {
    const { page, pageSize, offset } = paging('listing media', request);
    return this.#ctx.read(
      async (db) => {
        const rows = await db
          .selectFrom('media')
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset(offset)
          .execute();
        const total = await db
          .selectFrom('media')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return pageOf(rows.map(toMedia), Number(total.n), page, pageSize);
      },
      { entity: 'media' },
    );
  }

  /** Deletes the row and returns it, so the caller can delete the file. Throws PUGO_ERR_NOT_FOUND. */
  async delete(id: number): Promise<Media> {
    const row = await this.#ctx.write(
      async (db) => {
        const found = await db
          .deleteFrom('media')
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (found === undefined) throw notFound(id);
        return found;
      },
      { entity: 'media' },
    );
    return toMedia(row);
  }
}

function toMedia(row: Selectable<MediaTable>): Media {
  return {
    id: row.id,
    originalName: row.original_name,
    storedPath: row.stored_path,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: fromIso(row.created_at),
  };
}

function notFound(id: number) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'media', key: `id ${id}` });
}
