// Queries built and compiled once, then run with new values: on hot paths kysely's builder and
// compiler cost as much as SQLite running the query.
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const MARK = '\u0000pugo-param:';

type Slot = { readonly name: string } | { readonly value: unknown };

/** Stands for the argument `name` while the query is built (its real value comes at run time). */
export type Param<A> = <K extends keyof A & string>(name: K) => A[K];

/**
 * A query whose shape never changes: `build` runs once (with placeholders from `param`), later
 * runs only swap the parameter values. Build one per repository, not per module: the SQL
 * belongs to the dialect the repository runs on.
 */
export function queryTemplate<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, param: Param<A>) => Compilable<R>,
): (db: Kysely<Database>, args: A) => Promise<R[]> {
  let compiled: { sql: string; slots: Slot[] } | undefined;
  return async (db, args) => {
    compiled ??= compile(db, build);
    const parameters = compiled.slots.map((slot) =>
      'name' in slot ? args[slot.name] : slot.value,
    );
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}

function compile<A, R>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, param: Param<A>) => Compilable<R>,
): { sql: string; slots: Slot[] } {
  const param = ((name: string) => `${MARK}${name}`) as Param<A>;
  const { sql, parameters } = build(db, param).compile();
  const slots = parameters.map(
    (value): Slot =>
      typeof value === 'string' && value.startsWith(MARK)
        ? { name: value.slice(MARK.length) }
        : { value },
  );
  return { sql, slots };
}
