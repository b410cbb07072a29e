// Option checks and the process-wide heap sampler: coded errors for bad values and conflicts.
import { heap } from '@datadog/pprof';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';
import { startPprofServer } from '../src/index.js';

describe('options', () => {
  it('defaults to /debug/pprof, 512 KiB, depth 64, no token, no source maps, headroom 2', () => {
    expect(resolveOptions()).toEqual({
      prefix: '/debug/pprof',
      token: undefined,
      heapIntervalBytes: 512 * 1024,
      heapStackDepth: 64,
      sourceMapDirs: [],
      providers: {},
      snapshotHeadroom: 2,
    });
    expect(Object.isFrozen(resolveOptions())).toBe(true);
  });

  it.each([
    [{ prefix: 'debug' }, 'prefix'],
    [{ prefix: '/a b' }, 'prefix'],
    [{ token: '' }, 'token'],
    [{ heapIntervalBytes: 0 }, 'heapIntervalBytes'],
    [{ heapIntervalBytes: 1.5 }, 'heapIntervalBytes'],
    [{ heapStackDepth: 0 }, 'heapStackDepth'],
    [{ snapshotHeadroom: -1 }, 'snapshotHeadroom'],
    [{ sourceMaps: 'dist' as unknown as string[] }, 'sourceMaps'],
    [{ providers: { x: 1 as unknown as () => object } }, 'providers.x'],
  ])('refuses %j with PUGO_ERR_PPROF_BAD_OPTION naming %s', (options, option) => {
    expect(() => resolveOptions(options)).toThrow(
      expect.objectContaining({
        code: 'PUGO_ERR_PPROF_BAD_OPTION',
        message: expect.stringContaining(`option "${option}" is`),
      }),
    );
  });

  it('refuses a bad port with a coded error', async () => {
    await expect(startPprofServer({ port: 70000 })).rejects.toMatchObject({
      code: 'PUGO_ERR_PPROF_BAD_OPTION',
      message: expect.stringContaining('want an integer from 0 to 65535'),
    });
  });
});

describe('heap sampler', () => {
  it('is shared: a second server with other sampling settings is refused while the first runs', async () => {
    const first = await startPprofServer({ port: 0 });
    try {
      await expect(
        startPprofServer({ port: 0, heapIntervalBytes: 64 * 1024 }),
      ).rejects.toMatchObject({
        code: 'PUGO_ERR_PPROF_HEAP_SAMPLER',
        message: expect.stringMatching(/use the same heapIntervalBytes and heapStackDepth/),
      });
      const same = await startPprofServer({ port: 0 });
      await same.close();
    } finally {
      await first.close();
    }
    // Once every user closed, the sampler stops and may restart with other settings.
    const other = await startPprofServer({ port: 0, heapIntervalBytes: 64 * 1024 });
    const r = await fetch(`${other.url}/heap?debug=1`);
    expect((await r.text()).split('\n')[0]).toMatch(/@ heap\/65536$/);
    await other.close();
  });

  it('is refused with a coded error when something else already runs the sampler', async () => {
    heap.start(128 * 1024, 32);
    try {
      await expect(startPprofServer({ port: 0 })).rejects.toMatchObject({
        code: 'PUGO_ERR_PPROF_HEAP_SAMPLER',
        message: expect.stringContaining('started outside @pugo/pprof'),
      });
    } finally {
      heap.stop();
    }
  });
});
