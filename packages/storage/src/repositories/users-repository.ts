// Users: accounts with a unique email, a role and a status, and when they last signed in.
import type { Selectable, Updateable } from 'kysely';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';
import type { UsersTable } from '../schema.js';
import {
  fromIso,
  oneOf,
  type Paged,
  type PageRequest,
  pageOf,
  paging,
  required,
  toIso,
} from '../values.js';

/** What a user may do: `admin` everything, `editor` all content, `author` their own posts. */
export type UserRole = 'admin' | 'editor' | 'author';
export const USER_ROLES: readonly UserRole[] = ['admin', 'editor', 'author'];

/** Disabled users cannot sign in; their sessions stop being valid. */
export type UserStatus = 'active' | 'disabled';
export const USER_STATUSES: readonly UserStatus[] = ['active', 'disabled'];

/** A user account. */
export interface User {
  readonly id: number;
  readonly name: string;
  /** Trimmed and lower-cased; unique. */
  readonly email: string;
  /** The password hash the caller computed (Argon2id in the blog); never a password. */
  readonly passwordHash: string;
  readonly role: UserRole;
  readonly status: UserStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

/** What {@link UsersRepository.create} needs. */
export interface NewUser {
  readonly name: string;
  readonly email: string;
  readonly passwordHash: string;
  /** Default: 'author' */
  readonly role?: UserRole;
  /** Default: 'active' */
  readonly status?: UserStatus;
}

const WHAT = 'saving the user';

export class UsersRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** Creates a user. Throws PUGO_ERR_EMAIL_TAKEN. */
  async create(input: NewUser): Promise<User> {
    const now = this.#ctx.nowIso();
    const email = normalizeEmail(input.email);
    const row = await this.#ctx.write(
      (db) =>
        db
          .insertInto('users')
          .values({
            name: required(WHAT, 'name', input.name).trim(),
            email,
            password_hash: required(WHAT, 'passwordHash', input.passwordHash),
            role: oneOf(WHAT, 'role', input.role ?? 'author', USER_ROLES),
            status: oneOf(WHAT, 'status', input.status ?? 'active', USER_STATUSES),
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      { entity: 'user', email },
    );
    return toUser(row);
  }

  /** Changes a user. Throws PUGO_ERR_NOT_FOUND, PUGO_ERR_EMAIL_TAKEN. */
  async update(id: number, patch: Partial<NewUser>): Promise<User> {
    const values: Updateable<UsersTable> = { updated_at: this.#ctx.nowIso() };
    if (patch.name !== undefined) values.name = required(WHAT, 'name', patch.name).trim();
    if (patch.email !== undefined) values.email = normalizeEmail(patch.email);
    if (patch.passwordHash !== undefined) {
      values.password_hash = required(WHAT, 'passwordHash', patch.passwordHash);
    }
    if (patch.role !== undefined) values.role = oneOf(WHAT, 'role', patch.role, USER_ROLES);
    if (patch.status !== undefined)
      values.status = oneOf(WHAT, 'status', patch.status, USER_STATUSES);
    return this.#change(id, values, values.email);
  }

  /** Records a successful sign-in at `at` (default: now). Throws PUGO_ERR_NOT_FOUND. */
  async recordLogin(id: number, at: Date = this.#ctx.now()): Promise<User> {
    return this.#change(id, { last_login_at: toIso(WHAT, 'at', at) });
  }

  /** Deletes a user and their sessions; their posts, comments and media keep no author. */
  async delete(id: number): Promise<void> {
    await this.#ctx.write(
      async (db) => {
        const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw notFound(`id ${id}`);
      },
      { entity: 'user' },
    );
  }

  /** The user with `id`, or undefined. */
  async find(id: number): Promise<User | undefined> {
    const row = await this.#ctx.read(
      (db) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
      { entity: 'user' },
    );
    return row === undefined ? undefined : toUser(row);
  }

  /** The user with `id`. Throws PUGO_ERR_NOT_FOUND. */
  async get(id: number): Promise<User> {
    const user = await this.find(id);
    if (user === undefined) throw notFound(`id ${id}`);
    return user;
  }

  /** The user with `email` (any case), or undefined. */
  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', String(email).trim().toLowerCase())
          .executeTakeFirst(),
      { entity: 'user' },
    );
    return row === undefined ? undefined : toUser(row);
  }

  /** Users by name. */
  async list(request?: PageRequest): Promise<Paged<User>> {
    const { page, pageSize, offset } = paging('listing users', request);
    return this.#ctx.read(
      async (db) => {
        const rows = await db
          .selectFrom('users')
          .selectAll()
          .orderBy('name')
          .orderBy('id')
          .limit(pageSize)
          .offset(offset)
          .execute();
        const total = await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return pageOf(rows.map(toUser), Number(total.n), page, pageSize);
      },
      { entity: 'user' },
    );
  }

  /** How many users there are (0 on a first run). */
  async count(): Promise<number> {
    const row = await this.#ctx.read(
      (db) =>
        db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      { entity: 'user' },
    );
    return Number(row.n);
  }

  async #change(id: number, values: Updateable<UsersTable>, email?: string): Promise<User> {
    const row = await this.#ctx.write(
      async (db) => {
        const found = await db
          .updateTable('users')
          .set(values)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (found === undefined) throw notFound(`id ${id}`);
        return found;
      },
      { entity: 'user', email },
    );
    return toUser(row);
  }
}

function normalizeEmail(email: string): string {
  const value = required(WHAT, 'email', email).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
    throw storageError('PUGO_ERR_INVALID_INPUT', {
      what: WHAT,
      reason: `email must look like name@host, got "${email}"`,
    });
  }
  return value;
}

/** A users row as a User. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role as UserRole,
    status: row.status as UserStatus,
    createdAt: fromIso(row.created_at),
    updatedAt: fromIso(row.updated_at),
    lastLoginAt: fromIso(row.last_login_at),
  };
}

function notFound(key: string) {
  return storageError('PUGO_ERR_NOT_FOUND', { table: 'user', key });
}
