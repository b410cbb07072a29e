// One write lock per database file in this process, so two Storage objects never deadlock.
// (better-sqlite3 waits for a lock synchronously: a second connection in the same process would
// block the event loop while the first one's open transaction can never finish.)

interface Entry {
  tail: Promise<void>;
  users: number;
}

const locks = new Map<string, Entry>();

/** A handle on the shared lock of `key`; call `release()` when the connection closes. */
export interface WriteLock {
  run<T>(fn: () => Promise<T>): Promise<T>;
  release(): void;
}

/** Joins the lock of `key` (the database file), creating it for the first user. */
export function acquireWriteLock(key: string): WriteLock {
  let entry = locks.get(key);
  if (entry === undefined) {
    entry = { tail: Promise.resolve(), users: 0 };
    locks.set(key, entry);
  }
  entry.users++;
  const shared = entry;
  let released = false;
  return {
    async run(fn) {
      const previous = shared.tail;
      let done!: () => void;
      shared.tail = new Promise<void>((resolve) => {
        done = resolve;
      });
      await previous;
      try {
        return await fn();
      } finally {
        done();
      }
    },
    release() {
      if (released) return;
      released = true;
      // Forget the entry with its last user, so opening many databases does not grow the map.
      if (--shared.users === 0 && locks.get(key) === shared) locks.delete(key);
    },
  };
}

/** How many database files currently have a lock (for tests). */
export function writeLockCount(): number {
  return locks.size;
}
