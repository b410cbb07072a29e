// Should the router reuse its per-request Context objects? Times a fresh Context per request against
// a pool of reusable ones. Run: pnpm --filter @pugo/bench exec tsx src/router/context-reuse.ts

const ROUNDS = 5;
const N = 2_000_000;

/**
 * A fresh context as the router makes one per request. @pugo/router's class (RequestContext in
 * packages/router/src/request/request-context.ts) is internal, and the bench may only import a
 * package's public API, so this copies its fields and constructor: keep the two alike.
 */
class FreshContext {
  readonly request: unknown;
  readonly reply: unknown;
  readonly route: unknown;
  result: unknown = undefined;
  // #private in the router; plain here (the same number of in-object fields to allocate).
  state: Record<string, unknown> | undefined = undefined;
  compiled: unknown;
  index = -1;
  next: unknown = undefined;
  constructor(request: unknown, reply: unknown, compiled: { info: unknown }) {
    this.request = request;
    this.reply = reply;
    this.compiled = compiled;
    this.route = compiled.info;
  }
}

/** What a reusable context would be: the same fields, set on acquire and cleared on release. */
class ReusableContext {
  request: unknown = null;
  reply: unknown = null;
  route: unknown = null;
  result: unknown = undefined;
  state: Record<string, unknown> | undefined = undefined;
  index = -1;
  next: unknown = undefined;
  compiled: unknown = null;
  init(request: unknown, reply: unknown, compiled: { info: unknown }): this {
    this.request = request;
    this.reply = reply;
    this.compiled = compiled;
    this.route = compiled.info;
    return this;
  }
  clear(): void {
    this.request = null;
    this.reply = null;
    this.route = null;
    this.compiled = null;
    this.result = undefined;
    this.state = undefined;
    this.index = -1;
  }
}

const request = { method: 'GET', params: { id: '1' } };
const reply = {};
const compiled = { info: { name: 'GET /x', path: '/x' }, layers: [], call: () => 1 };
let sink = 0;

function fresh(): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const ctx = new FreshContext(request, reply, compiled);
    ctx.result = i;
    sink += ctx.result as number;
  }
  return Number(process.hrtime.bigint() - start) / N;
}

function pooled(): number {
  const pool: ReusableContext[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const ctx = (pool.pop() ?? new ReusableContext()).init(request, reply, compiled);
    ctx.result = i;
    sink += ctx.result as number;
    ctx.clear();
    pool.push(ctx);
  }
  return Number(process.hrtime.bigint() - start) / N;
}

const results: { fresh: number[]; pooled: number[] } = { fresh: [], pooled: [] };
for (let round = 0; round < ROUNDS; round++) {
  results.fresh.push(fresh());
  results.pooled.push(pooled());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
process.stdout.write(
  `${JSON.stringify({ nsPerRequest: { fresh: median(results.fresh), pooled: median(results.pooled) }, rounds: ROUNDS, n: N, sink: sink > 0 })}\n`,
);
