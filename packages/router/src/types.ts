// The shapes a user writes: handlers, controller classes, middleware, results and route targets.
import type { Readable } from 'node:stream';
import type { Context } from './context.js';

/** What a handler returns (tango's Return): see `sendResult` for how each kind is sent. */
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

/** Methods `any()` registers, in the order fastify gets them. */
export const ANY_METHODS: readonly HttpMethod[] = [
  'HEAD',
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];
