// The Context of one request (internal): request, reply, input, helpers, and the run of its chain.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { routerError } from '../errors.js';
import type { Context, CookieOptions, Next, RouteInfo } from '../types.js';
import type { CompiledRoute } from './compiled-route.js';

/** What @fastify/cookie adds to fastify's request and reply; the router needs nothing else of it. */
interface CookieRequest {
  cookies?: Record<string, string | undefined>;
}
interface CookieReply {
  setCookie?(name: string, value: string, options?: CookieOptions): unknown;
  clearCookie?(name: string, options?: CookieOptions): unknown;
}

/**
 * The one implementation of `Context`, kept out of the public API so that its published types do
 * not carry the compiled route. A new one per request (see `Context` for why).
 */
export class RequestContext implements Context {
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
  result: unknown = undefined;
  #state: Record<string, unknown> | undefined = undefined;
  #compiled: CompiledRoute;
  #index = -1;
  #next: Next | undefined = undefined;

  constructor(request: FastifyRequest, reply: FastifyReply, compiled: CompiledRoute) {
    this.request = request;
    this.reply = reply;
    this.#compiled = compiled;
    this.route = compiled.info;
  }

  /** Route params, e.g. `{ id: '42' }` for `/posts/:id`. */
  get params(): Record<string, string> {
    return this.request.params as Record<string, string>;
  }

  /** The parsed query string. */
  get query(): Record<string, unknown> {
    return this.request.query as Record<string, unknown>;
  }

  /** The parsed body (fastify's content-type parsers). */
  get body(): unknown {
    return this.request.body;
  }

  /** Per-request state for middleware and handlers to share; made on first use. */
  get state(): Record<string, unknown> {
    this.#state ??= {};
    return this.#state;
  }

  /** Sets the response status. */
  status(code: number): this {
    this.reply.code(code);
    return this;
  }

  /** Sets a response header. */
  header(name: string, value: string | number | string[]): this {
    this.reply.header(name, value);
    return this;
  }

  /** Redirects (302 unless told) and returns `undefined`, so `return ctx.redirect('/')` works. */
  redirect(url: string, status = 302): undefined {
    this.reply.redirect(url, status);
    return undefined;
  }

  /** Request cookies, parsed by @fastify/cookie (which must be registered). */
  get cookies(): Record<string, string | undefined> {
    const cookies = (this.request as CookieRequest).cookies;
    if (cookies === undefined) throw routerError('PUGO_ERR_ROUTER_NO_COOKIES', undefined);
    return cookies;
  }

  /** Sets a cookie through @fastify/cookie's `reply.setCookie`. */
  setCookie(name: string, value: string, options?: CookieOptions): this {
    const reply = this.reply as CookieReply;
    if (reply.setCookie === undefined) throw routerError('PUGO_ERR_ROUTER_NO_COOKIES', undefined);
    reply.setCookie(name, value, options);
    return this;
  }

  /** Clears a cookie through @fastify/cookie's `reply.clearCookie`. */
  clearCookie(name: string, options?: CookieOptions): this {
    const reply = this.reply as CookieReply;
    if (reply.clearCookie === undefined) throw routerError('PUGO_ERR_ROUTER_NO_COOKIES', undefined);
    reply.clearCookie(name, options);
    return this;
  }

  /** Runs the route's middleware chain, then its handler. */
  run(): Promise<void> {
    return this.#dispatch(0);
  }

  /**
   * Starts layer `i` (the handler when `i` equals the number of middleware). One `next` closure per
   * context, made only for routes that have middleware; it always starts the layer after the last
   * one started, which is the caller's next layer unless next() was called twice.
   */
  #dispatch(i: number): Promise<void> {
    const layers = this.#compiled.layers;
    if (i > layers.length) {
      return Promise.reject(routerError('PUGO_ERR_ROUTER_NEXT_TWICE', { route: this.route.name }));
    }
    this.#index = i;
    try {
      if (i === layers.length) return Promise.resolve(this.#compiled.endpoint(this));
      this.#next ??= () => this.#dispatch(this.#index + 1);
      return Promise.resolve(layers[i]!(this, this.#next)) as Promise<void>;
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
