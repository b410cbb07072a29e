// Settings: key → JSON value, each validated by its rule; a key never saved reads as its default.

import {
  isSettingKey,
  SETTING_DEFAULTS,
  SETTING_KEYS,
  SETTING_RULES,
  type SettingKey,
  type Settings,
} from '../blog/settings-definitions.js';
import type { Context } from '../context.js';
import { storageError } from '../errors.js';

export class SettingsRepository {
  readonly #ctx: Context;

  constructor(ctx: Context) {
    this.#ctx = ctx;
  }

  /** One setting, or its default when it was never saved. Throws PUGO_ERR_UNKNOWN_SETTING. */
  async get<K extends SettingKey>(key: K): Promise<Settings[K]> {
    checkKey(key);
    const row = await this.#ctx.read(
      (db) => db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst(),
      { entity: 'setting' },
    );
    return decode(key, row?.value);
  }

  /** Every setting, saved values over defaults. */
  async getAll(): Promise<Settings> {
    const rows = await this.#ctx.read(
      (db) => db.selectFrom('settings').select(['key', 'value']).execute(),
      { entity: 'setting' },
    );
    const saved = new Map(rows.map((r) => [r.key, r.value]));
    return Object.fromEntries(
      SETTING_KEYS.map((k) => [k, decode(k, saved.get(k))]),
    ) as unknown as Settings;
  }

  /** Saves one setting. Throws PUGO_ERR_INVALID_SETTING (and saves nothing), PUGO_ERR_UNKNOWN_SETTING. */
  set<K extends SettingKey>(key: K, value: Settings[K]): Promise<Settings> {
    return this.setMany({ [key]: value } as Partial<Settings>);
  }

  /**
   * Saves several settings at once, all or none: one invalid value rejects the whole change
   * with PUGO_ERR_INVALID_SETTING. Returns every setting after the change.
   */
  async setMany(values: Partial<Settings>): Promise<Settings> {
    const entries = Object.entries(values).filter(([, v]) => v !== undefined);
    for (const [key, value] of entries) {
      checkKey(key);
      const reason = SETTING_RULES[key](value);
      if (reason !== undefined) throw storageError('PUGO_ERR_INVALID_SETTING', { key, reason });
    }
    const now = this.#ctx.nowIso();
    await this.#ctx.write(
      async (db) => {
        for (const [key, value] of entries) {
          const json = JSON.stringify(value);
          await db
            .insertInto('settings')
            .values({ key, value: json, updated_at: now })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
            .execute();
        }
        // Lengths are checked together, inside the transaction, so a bad pair is never saved.
        const rows = await db
          .selectFrom('settings')
          .select(['key', 'value'])
          .where('key', 'in', ['commentMinLength', 'commentMaxLength'])
          .execute();
        const saved = new Map(rows.map((r) => [r.key, r.value]));
        const min = decode('commentMinLength', saved.get('commentMinLength'));
        const max = decode('commentMaxLength', saved.get('commentMaxLength'));
        if (min > max) {
          throw storageError('PUGO_ERR_INVALID_SETTING', {
            key: 'commentMinLength' in values ? 'commentMinLength' : 'commentMaxLength',
            reason: `commentMinLength (${min}) must not exceed commentMaxLength (${max})`,
          });
        }
      },
      { entity: 'setting' },
    );
    return this.getAll();
  }

  /** Forgets a saved value, so the key reads as its default again. */
  async reset(key: SettingKey): Promise<void> {
    checkKey(key);
    await this.#ctx.write((db) => db.deleteFrom('settings').where('key', '=', key).execute(), {
      entity: 'setting',
    });
  }
}

function checkKey(key: string): asserts key is SettingKey {
  if (!isSettingKey(key)) {
    throw storageError('PUGO_ERR_UNKNOWN_SETTING', { key, known: SETTING_KEYS.join(', ') });
  }
}

/** A stored value, or the default when missing or no longer valid (e.g. written by hand). */
function decode<K extends SettingKey>(key: K, json: string | undefined): Settings[K] {
  if (json === undefined) return SETTING_DEFAULTS[key];
  try {
    const value: unknown = JSON.parse(json);
    return SETTING_RULES[key](value) === undefined ? (value as Settings[K]) : SETTING_DEFAULTS[key];
  } catch {
    return SETTING_DEFAULTS[key];
  }
}
