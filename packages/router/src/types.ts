// The public shapes of @pugo/router, no code: context, handlers, middleware, results, router, pool stats.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** The route a request matched, for logs and errors. */
export interface RouteInfo {
  /** E.g. `GET /posts/:id`. */
  readonly name: string;
  /** The registered path, group prefixes included, e.g. `/posts/:id`. */
  readonly path: string;
}

/** Cookie options passed through to @fastify/cookie's `reply.setCookie`. */
export type CookieOptions = Record<string, unknown>;

/**
 * One request's context, shared by its middleware and handler. A new one per request: measured,
 * reusing them did not pay (see the README), and a context kept by a late callback can then never
 * see another request's data.
 */
export interface Context {
  /** fastify's request. */
  readonly request: FastifyRequest;
  /** fastify's reply. */
  readonly reply: FastifyReply;
  /** The route this request matched. */
  readonly route: RouteInfo;
  /**
   * The handler's result, set when it returns and sent after the middleware chain unwinds; a
   * middleware may read or replace it after `await next()`.
   */
  result: unknown;
  /** Route params, e.g. `{ id: '42' }` for `/posts/:id`. */
  readonly params: Record<string, string>;
  /** The parsed query string. */
  readonly query: Record<string, unknown>;
  /** The parsed body (fastify's content-type parsers). */
  readonly body: unknown;
  /** Per-request state for middleware and handlers to share; made on first use. */
  readonly state: Record<string, unknown>;
  /** Request cookies, parsed by @fastify/cookie (which must be registered). */
  readonly cookies: Record<string, string | undefined>;
  /** Sets the response status. */
  status(code: number): this;
  /** Sets a response header. */
  header(name: string, value: string | number | string[]): this;
  /** Redirects (302 unless told) and returns `undefined`, so `return ctx.redirect('/')` works. */
  redirect(url: string, status?: number): undefined;
  /** Sets a cookie through @fastify/cookie's `reply.setCookie`. */
  setCookie(name: string, value: string, options?: CookieOptions): this;
  /** Clears a cookie through @fastify/cookie's `reply.clearCookie`. */
  clearCookie(name: string, options?: CookieOptions): this;
}

/** What a handler returns (tango's Return): see the README's results table for how each is sent. */
export type Result =
  | string
  | Buffer
  | Uint8Array
  | Readable
  | ResponseResult
  | Record<string, unknown>
  | readonly unknown[]
  | number
  | boolean
  | null
  | undefined;

/** `{ status, body, headers }`: sets the status and headers, then sends `body` by the same rules. */
export interface ResponseResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string | number | string[]>;
}

/** A function handler: gets the request's context, returns a result (or replies itself). */
export type HandlerFunction = (ctx: Context) => unknown;

/**
 * A controller class: constructed with no arguments, pooled per route. Its methods take the context
 * and return a result; `reset()`, when present, replaces the default reset.
 */
export type ControllerClass<T extends object = object> = new () => T;

/** A handler: a function, or a controller class whose instances are pooled per route. */
export type Handler = HandlerFunction | ControllerClass;

/** The rest of the chain; resolves when every later middleware and the handler are done. */
export type Next = () => Promise<void>;

/** Middleware: acts before and after `await next()`; an error it throws reaches the error handler. */
export type Middleware = (ctx: Context, next: Next) => unknown;

/** Turns an error thrown anywhere in a route into a result. */
export type ErrorHandler = (error: unknown, ctx: Context) => unknown;

/** A route's path, or its path with fastify route options the router passes through. */
export type RouteTarget =
  | string
  | {
      /** The fastify path: params (`:id`), regex params (`:id(^\\d+$)`), wildcards (`*`). */
      path: string;
      /** fastify constraints, e.g. `{ host: 'example.com' }`. Default: none. */
      constraints?: Record<string, unknown>;
      /** fastify schema (validation, serialization). Default: none. */
      schema?: Record<string, unknown>;
      /** fastify route config, readable as `ctx.request.routeOptions.config`. Default: none. */
      config?: Record<string, unknown>;
      /** fastify body limit in bytes. Default: fastify's. */
      bodyLimit?: number;
    };

/** HTTP methods the router registers. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** A verb method: a function handler, or a controller class with an optional method name. */
export interface VerbMethod<Self> {
  (target: RouteTarget, handler: HandlerFunction, ...middleware: Middleware[]): Self;
  <T extends object>(
    target: RouteTarget,
    controller: ControllerClass<T>,
    action: Extract<keyof T, string>,
    ...middleware: Middleware[]
  ): Self;
  <T extends object>(
    target: RouteTarget,
    controller: ControllerClass<T>,
    ...middleware: Middleware[]
  ): Self;
}

/** Registers routes: the verb methods, `any()`, `group()` and `use()` of a router and its groups. */
export interface RouteBuilder {
  readonly get: VerbMethod<this>;
  readonly post: VerbMethod<this>;
  readonly put: VerbMethod<this>;
  readonly patch: VerbMethod<this>;
  readonly delete: VerbMethod<this>;
  readonly head: VerbMethod<this>;
  readonly options: VerbMethod<this>;
  /**
   * Every method the router serves (HEAD, GET, POST, PUT, PATCH, DELETE, OPTIONS). A controller
   * without a named method answers each verb with its method of that name, and 405 otherwise.
   */
  readonly any: VerbMethod<this>;
  /** Routes under `prefix`, with `middleware` (and any `g.use()`) applied to each of them. */
  group(prefix: string, define: (group: RouteBuilder) => void, ...middleware: Middleware[]): this;
  /** Middleware for every route of this router (or group), whether registered before or after. */
  use(...middleware: Middleware[]): this;
}

/** What `createRouter()` returns: a route builder, its pools' counters and its fastify plugin. */
export interface Router extends RouteBuilder {
  /** The pools' counters: created, reused, idle, inUse, highWater, dropped, retentionWarnings. */
  poolStats(): PoolStats;
  /**
   * The fastify plugin serving every route: `app.register(router.plugin())` (a `prefix` option
   * prefixes them all). Routes must be added before the app loads it. It may be registered on
   * several apps; the pools are shared.
   */
  plugin(): FastifyPluginAsync;
}

/** One pool's counters, as `poolStats()` reports them (plain JSON). */
export interface PoolStat {
  /** The route, e.g. `GET /posts/:id`. */
  readonly route: string;
  /** The controller class name. */
  readonly controller: string;
  /** The method called on it, e.g. `get` or `reply` (`*` for `any` routes: the request's verb). */
  readonly action: string;
  /** Most idle instances kept. */
  readonly poolSize: number;
  /** Instances constructed to serve requests (the pristine reference is not counted). */
  readonly created: number;
  /** Requests served by an instance taken from the pool. */
  readonly reused: number;
  /** Instances waiting in the pool now. */
  readonly idle: number;
  /** Instances serving a request now. */
  readonly inUse: number;
  /** Most instances in use at once so far. */
  readonly highWater: number;
  /** Released instances not kept: the pool was full, pooling is off, or they retained data. */
  readonly dropped: number;
  /** Released instances the retention guard found still holding request data. */
  readonly retentionWarnings: number;
}

/** The counters `totals` sums over every pool. */
type SummedCounter = 'created' | 'reused' | 'idle' | 'inUse' | 'dropped' | 'retentionWarnings';

/** `poolStats()`: every controller route's pool, plus totals. Plain JSON. */
export interface PoolStats {
  /** The configured `poolSize`. */
  readonly poolSize: number;
  /** Whether the retention guard runs. */
  readonly retentionGuard: boolean;
  /** One entry per controller route, in registration order. */
  readonly pools: PoolStat[];
  /** Sums over `pools`. */
  readonly totals: { readonly [K in SummedCounter]: number };
}
