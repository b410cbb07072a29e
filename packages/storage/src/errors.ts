// The error table of @pugo/storage: every failure a caller can see, as a coded StorageError.

/** Every code a StorageError can carry, with the message template that explains it. */
export const errorMessages = {
  PUGO_ERR_SLUG_TAKEN: (p: { table: string; slug: string }) =>
    `saving the ${p.table} failed: the slug "${p.slug}" is already taken; choose another slug`,
  PUGO_ERR_EMAIL_TAKEN: (p: { email: string }) =>
    `saving the user failed: the email "${p.email}" is already registered; use another email or update that user`,
  PUGO_ERR_DUPLICATE: (p: { table: string; column: string }) =>
    `saving the ${p.table} failed: another row has the same ${p.column}; use a different value`,
  PUGO_ERR_NOT_FOUND: (p: { table: string; key: string }) =>
    `finding the ${p.table} failed: there is no ${p.table} with ${p.key}; check the id or slug`,
  PUGO_ERR_FOREIGN_KEY: (p: { table: string; refs: string }) =>
    `saving the ${p.table} failed: it refers to a ${p.refs} that does not exist; create that first or fix the id`,
  PUGO_ERR_INVALID_SETTING: (p: { key: string; reason: string }) =>
    `saving the setting "${p.key}" failed: ${p.reason}`,
  PUGO_ERR_UNKNOWN_SETTING: (p: { key: string; known: string }) =>
    `using the setting "${p.key}" failed: there is no such setting; known settings are ${p.known}`,
  PUGO_ERR_INVALID_INPUT: (p: { what: string; reason: string }) => `${p.what} failed: ${p.reason}`,
  PUGO_ERR_BAD_URL: (p: { url: string; reason: string }) =>
    `opening the database "${p.url}" failed: ${p.reason}`,
  PUGO_ERR_BUSY: () =>
    'writing to the database failed: it stayed locked by another connection for longer than busy_timeout; retry, or raise busyTimeout',
  PUGO_ERR_MIGRATION: (p: { name: string; reason: string }) =>
    `migrating the database failed at "${p.name}": ${p.reason}; the database was left at the previous migration`,
  PUGO_ERR_CLOSED: () =>
    'using the storage failed: it was already closed; open a new one with openStorage()',
  PUGO_ERR_BACKUP: (p: { to: string; reason: string }) =>
    `backing up the database to "${p.to}" failed: ${p.reason}`,
  PUGO_ERR_DATABASE: (p: { reason: string }) =>
    `the database failed: ${p.reason}; run integrityCheck() and report the error if it persists`,
} as const;

/** A code from the error table, e.g. `PUGO_ERR_NOT_FOUND`. */
export type StorageErrorCode = keyof typeof errorMessages;

type Params<C extends StorageErrorCode> = Parameters<(typeof errorMessages)[C]>[0];

/** The only error @pugo/storage throws: a stable `code`, a message that says what to do. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  /** Stable code to branch on, e.g. `PUGO_ERR_SLUG_TAKEN`. */
  readonly code: StorageErrorCode;
  /** The values the message was built from (table, slug, key, …). */
  readonly details: Readonly<Record<string, string>>;

  constructor(
    code: StorageErrorCode,
    message: string,
    details: Record<string, string>,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** Builds the StorageError for `code` from the table's message template. */
export function storageError<C extends StorageErrorCode>(
  code: C,
  ...[params, cause]: Params<C> extends undefined ? [undefined?, unknown?] : [Params<C>, unknown?]
): StorageError {
  const template = errorMessages[code] as (p: Params<C>) => string;
  return new StorageError(
    code,
    template(params as Params<C>),
    (params ?? {}) as Record<string, string>,
    cause,
  );
}

/** Whether `error` is a StorageError, optionally with the given code. */
export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}
