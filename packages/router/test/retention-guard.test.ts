// The retention guard: what it reports for a controller that keeps request data, where, and when.
import { describe, expect, it } from 'vitest';
import { type Context, createRouter, type RetentionFinding } from '../src/index.js';
import { serve } from './helpers.js';

describe('retention guard', () => {
  it('reports the route, class and field a custom reset() misses, and drops it', async () => {
    class LeakyController {
      comments: string[] = [];
      user: string | null = null;
      get(ctx: Context) {
        this.user = String(ctx.query.user);
        this.comments.push('secret comment');
        return 'ok';
      }
      reset() {
        this.user = null; // forgets this.comments: tango's bug
      }
    }
    const findings: RetentionFinding[] = [];
    const router = createRouter({ onRetention: (f) => findings.push(f) });
    router.get('/leaky', LeakyController);
    const { app } = await serve(router);
    for (let i = 0; i < 3; i++) {
      expect((await app.inject('/leaky?user=ann')).body).toBe('ok');
    }
    expect(findings).toHaveLength(3);
    expect(findings[0]).toEqual({
      route: 'GET /leaky',
      controller: 'LeakyController',
      field: 'comments',
      found: 'Array(1); fresh: Array(0)',
    });
    // The leaky instance is never pooled, so no request sees another's data.
    expect(router.poolStats().pools[0]).toMatchObject({
      created: 3,
      idle: 0,
      dropped: 3,
      retentionWarnings: 3,
    });
  });

  it('warns through fastify once per field, and fails the request when strict', async () => {
    class Keeper {
      cache = { last: '' };
      get(ctx: Context) {
        this.cache.last = ctx.request.url;
        return 'ok';
      }
      reset() {}
    }
    const warning = createRouter();
    warning.get('/keep', Keeper);
    const { app, logs } = await serve(warning);
    await app.inject('/keep');
    await app.inject('/keep');
    const warnings = logs.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('field "cache.last" still holds request data');
    expect(warnings[0]!.msg).toContain('Keeper of GET /keep');
    // The value itself (request data) never reaches the log.
    expect(JSON.stringify(warnings[0])).not.toContain('/keep?');
    expect(warning.poolStats().totals.retentionWarnings).toBe(2);

    const strict = createRouter({ strict: true });
    strict.get('/keep', Keeper);
    const { app: strictApp } = await serve(strict);
    const failed = await strictApp.inject('/keep?x=1');
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toMatchObject({
      code: 'PUGO_ERR_ROUTER_RETAINED',
      message: expect.stringContaining('field "cache.last"'),
    });
  });

  it('is off in production by default', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(createRouter().poolStats().retentionGuard).toBe(false);
      expect(createRouter({ retentionGuard: true }).poolStats().retentionGuard).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = previous;
    }
    expect(process.env.NODE_ENV).not.toBe('production');
    expect(createRouter().poolStats().retentionGuard).toBe(true);
  });
});
