// Objects by numeric id: a plain array when the ids are dense (as profiles number them), else a Map.
/**
 * A read-only lookup by id. Profiles number locations 1..n, so an array indexed by id is the usual
 * case and costs one bounds-checked load per frame; sparse ids (up to 2^53) fall back to a Map.
 */
export class IdTable<T> {
  readonly #dense: (T | undefined)[] | undefined;
  readonly #map: ReadonlyMap<number, T> | undefined;

  constructor(entries: ReadonlyMap<number, T>) {
    let max = 0;
    for (const id of entries.keys()) if (id > max) max = id;
    if (max <= 4 * entries.size + 1024) {
      const dense = new Array<T | undefined>(max + 1).fill(undefined);
      for (const [id, value] of entries) dense[id] = value;
      this.#dense = dense;
    } else this.#map = entries;
  }

  get(id: number): T | undefined {
    const dense = this.#dense;
    if (dense !== undefined) return id < dense.length ? dense[id] : undefined;
    return this.#map!.get(id);
  }
}
