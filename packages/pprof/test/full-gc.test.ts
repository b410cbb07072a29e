// ?gc=1 without --expose-gc: a child process started without the flag still gets full collections.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('gc=1 without --expose-gc', () => {
  it('collects garbage for /heap and /metrics and leaves globalThis.gc undefined', async () => {
    const script = fileURLToPath(new URL('./fixtures/gc-child.ts', import.meta.url));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      // Not inheriting vitest's --expose-gc.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(stdout)).toEqual({
      exposedBefore: false,
      exposedAfter: false,
      heapStatus: 200,
      heapCollected: true,
      metricsCollected: true,
      forcedGc: true,
    });
  });
});
