// Sign-in sessions: stored by token hash only, with expiry, revocation and purging.
import type { Selectable } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { SessionsTable } from '../schema.js';
import { fromIso, required, toIso } from '../values.js';
import { toUser, type User } from './users-repository.js';

/** A session. The token itself never reaches storage, only its hash. */
export interface Session {
  readonly id: number;
  readonly tokenHash: string;
  readonly userId: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** What {@link SessionsRepository.create} needs. */
export interface NewSession {
  /** A hash of the random token (e.g. SHA-256 hex); unique. */
  readonly tokenHash: string;
  readonly userId: number;
  readonly expiresAt: Date | string;
  /** Default: null */
  readonly userAgent?: string | null;
  /** Default: null */
  readonly ip?: string | null;
}

const WHAT = 'saving the session';

export class SessionsRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Starts a session. Throws PUGO_ERR_FOREIGN_KEY (no such user), PUGO_ERR_DUPLICATE (hash reused). */
  async create(input: NewSession): Promise<Session> {
    const row = await this.#ctx.write(
      (db) =>
        db
          .insertInto('sessions')
          .values({
            token_hash: required(WHAT, 'tokenHash', input.tokenHash),
            user_id: input.userId,
            created_at: this.#ctx.nowIso(),
            expires_at: toIso(WHAT, 'expiresAt', input.expiresAt),
            user_agent: input.userAgent ?? null,
            ip: input.ip ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      { entity: 'session', refs: 'user' },
    );
    return toSession(row);
  }

  /**
   * The session with `tokenHash` and its user, if it is valid at `now`: not expired, not revoked,
   * and the user active. Otherwise undefined.
   */
  async findValid(
    tokenHash: string,
    now: Date = this.#ctx.now(),
  ): Promise<{ session: Session; user: User } | undefined> {
    const at = now.toISOString();
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .selectAll('sessions')
          .select([
            'users.name',
            'users.email',
            'users.password_hash',
            'users.role',
            'users.status',
            'users.created_at as user_created_at',
            'users.updated_at as user_updated_at',
            'users.last_login_at',
          ])
          .where('sessions.token_hash', '=', tokenHash)
          .where('sessions.revoked_at', 'is', null)
          .where('sessions.expires_at', '>', at)
          .where('users.status', '=', 'active')
          .executeTakeFirst(),
      { entity: 'session' },
    );
    if (row === undefined) return undefined;
    return {
      session: toSession(row),
      user: toUser({
        id: row.user_id,
        name: row.name,
        email: row.email,
        password_hash: row.password_hash,
        role: row.role,
        status: row.status,
        created_at: row.user_created_at,
        updated_at: row.user_updated_at,
        last_login_at: row.last_login_at,
      }),
    };
  }

  /** Moves a session's expiry (sliding sessions). Throws PUGO_ERR_NOT_FOUND. */
  async extend(tokenHash: string, expiresAt: Date | string): Promise<Session> {
    const expires = toIso(WHAT, 'expiresAt', expiresAt);
    const row = await this.#ctx.write(
      async (db) => {
        const found = await db
          .updateTable('sessions')
          .set({ expires_at: expires })
          .where('token_hash', '=', tokenHash)
          .returningAll()
          .executeTakeFirst();
        if (found === undefined) throw notFound();
        return found;
      },
      { entity: 'session' },
    );
    return toSession(row);
  }

  /** Revokes the session with `tokenHash` (logout); true if there was one still valid. */
  async revoke(tokenHash: string): Promise<boolean> {
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .updateTable('sessions')
          .set({ revoked_at: this.#ctx.nowIso() })
          .where('token_hash', '=', tokenHash)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows > 0n;
      },
      { entity: 'session' },
    );
  }

  /** Revokes every session of a user (password change, "sign out everywhere"); returns how many. */
  async revokeAllForUser(userId: number): Promise<number> {
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .updateTable('sessions')
          .set({ revoked_at: this.#ctx.nowIso() })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows);
      },
      { entity: 'session' },
    );
  }

  /** Deletes sessions expired or revoked before `now`; returns how many. */
  async purgeExpired(now: Date = this.#ctx.now()): Promise<number> {
    const at = now.toISOString();
    return this.#ctx.write(
      async (db) => {
        const result = await db
          .deleteFrom('sessions')
          .where((eb) => eb.or([eb('expires_at', '<=', at), eb('revoked_at', 'is not', null)]))
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      },
      { entity: 'session' },
    );
  }

  /** A user's sessions, newest first (to show "where you are signed in"). */
  async listForUser(userId: number): Promise<Session[]> {
    const rows = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('sessions')
          .selectAll()
          .where('user_id', '=', userId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute(),
      { entity: 'session' },
    );
    return rows.map(toSession);
  }
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: fromIso(row.created_at),
    expiresAt: fromIso(row.expires_at),
    revokedAt: fromIso(row.revoked_at),
    userAgent: row.user_agent,
    ip: row.ip,
  };
}

function notFound() {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'session', key: 'that token' });
}
