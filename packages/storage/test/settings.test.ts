import { describe, expect, it } from 'vitest';
import { SETTING_DEFAULTS, SETTING_KEYS } from '../src/index.js';
import { kinds, rejection, snapshot } from './helpers.js';

describe.each(kinds)('settings on %s', (_, open) => {
  it('reads defaults for keys never saved', async () => {
    const storage = await open();
    expect(await storage.settings.getAll()).toEqual(SETTING_DEFAULTS);
    expect(await storage.settings.get('pageSize')).toBe(10);
    expect(await storage.settings.get('menu')).toEqual([
      { label: 'Home', url: '/' },
      { label: 'Archive', url: '/archive' },
    ]);
    expect(SETTING_KEYS).toContain('commentsCloseAfterDays');
  });

  it('saves, reads back and resets values', async () => {
    const storage = await open();
    const menu = [
      { label: 'About', url: '/about' },
      { label: 'GitHub', url: 'https://github.com/pugo' },
    ];
    const all = await storage.settings.setMany({
      title: 'My blog',
      pageSize: 5,
      feedFullText: false,
      menu,
    });
    expect(all).toMatchObject({
      title: 'My blog',
      pageSize: 5,
      feedFullText: false,
      menu,
      theme: 'default',
    });
    await storage.settings.set('baseUrl', 'https://blog.example.com');
    expect(await storage.settings.get('baseUrl')).toBe('https://blog.example.com');
    expect(await storage.settings.get('menu')).toEqual(menu);
    await storage.settings.reset('title');
    expect(await storage.settings.get('title')).toBe('Pugo');
  });

  it('rejects invalid values with PUGO_ERR_INVALID_SETTING and saves none of the batch', async () => {
    const storage = await open();
    await storage.settings.set('title', 'Before');
    const before = snapshot(storage);
    const bad: [string, unknown][] = [
      ['title', ''],
      ['title', 42],
      ['pageSize', 0],
      ['pageSize', 2.5],
      ['pageSize', '10'],
      ['feedFullText', 'yes'],
      ['baseUrl', 'javascript:alert(1)'],
      ['baseUrl', '/relative'],
      ['menu', [{ label: 'x', url: 'javascript:alert(1)' }]],
      ['menu', [{ label: '', url: '/' }]],
      ['menu', [{ label: 'x', url: '//evil.example' }]],
      ['menu', 'Home'],
      ['theme', '../etc'],
      ['commentMinLength', -1],
      ['commentsCloseAfterDays', -3],
      ['mediaMaxBytes', 0],
    ];
    for (const [key, value] of bad) {
      const error = await rejection(storage.settings.setMany({ title: 'After', [key]: value }));
      expect(error.code, `${key}=${JSON.stringify(value)}`).toBe('PUGO_ERR_INVALID_SETTING');
      expect(error.message).toMatch(new RegExp(`^saving the setting "${key}" failed: `));
    }
    const crossed = await rejection(
      storage.settings.setMany({ title: 'After', commentMinLength: 6000 }),
    );
    expect(crossed.code).toBe('PUGO_ERR_INVALID_SETTING');
    expect(crossed.message).toMatch(/must not exceed commentMaxLength/);
    expect(snapshot(storage)).toEqual(before);
    expect(await storage.settings.get('title')).toBe('Before');
  });

  it('rejects unknown keys with PUGO_ERR_UNKNOWN_SETTING', async () => {
    const storage = await open();
    expect((await rejection(storage.settings.get('colour' as never))).code).toBe(
      'PUGO_ERR_UNKNOWN_SETTING',
    );
    const error = await rejection(storage.settings.setMany({ colour: 'red' } as never));
    expect(error.code).toBe('PUGO_ERR_UNKNOWN_SETTING');
    expect(error.message).toMatch(/known settings are title, subtitle/);
  });

  it('reads a corrupted stored value as the default', async () => {
    const storage = await open();
    storage.raw
      .prepare("insert into settings (key, value) values ('pageSize', '\"many\"'), ('title', '{')")
      .run();
    expect(await storage.settings.get('pageSize')).toBe(10);
    expect(await storage.settings.get('title')).toBe('Pugo');
  });
});
