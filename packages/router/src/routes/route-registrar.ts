// Registers routes under one prefix and scope: the verb methods, any(), group() and use().
import { routerError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';
import { ControllerPool } from '../pool/controller-pool.js';
import type {
  ControllerClass,
  Handler,
  HttpMethod,
  Middleware,
  RouteBuilder,
  RouteTarget,
  VerbMethod,
} from '../types.js';
import type { RouteRecord, RouteTable, Scope } from './route-table.js';

/** What a router and its groups share. */
export interface RouterCore {
  readonly options: ResolvedOptions;
  readonly table: RouteTable;
  /** Set once the router is registered with fastify: later routes would never be served. */
  sealed: boolean;
}

/** Methods `any()` registers, in the order fastify gets them. */
const ANY_METHODS: readonly HttpMethod[] = [
  'HEAD',
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
];

/** Whether `handler` is a class (its instances are pooled) rather than a function handler. */
export function isControllerClass(handler: Handler): handler is ControllerClass {
  return /^class[\s{]/.test(Function.prototype.toString.call(handler));
}

function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  return path === '/' ? prefix : `${prefix}${path}`;
}

/** The RouteBuilder of a router (prefix `''`, the root scope) or of one of its groups. */
export class RouteRegistrar implements RouteBuilder {
  readonly #core: RouterCore;
  readonly #prefix: string;
  readonly #scopes: readonly Scope[];

  constructor(core: RouterCore, prefix: string, scopes: readonly Scope[]) {
    this.#core = core;
    this.#prefix = prefix;
    this.#scopes = scopes;
  }

  readonly get: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['GET'], target, handler, rest);
  readonly post: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['POST'], target, handler, rest);
  readonly put: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['PUT'], target, handler, rest);
  readonly patch: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['PATCH'], target, handler, rest);
  readonly delete: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['DELETE'], target, handler, rest);
  readonly head: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(['HEAD'], target, handler, rest);
  readonly options: VerbMethod<this> = (
    target: RouteTarget,
    handler: Handler,
    ...rest: unknown[]
  ) => this.#add(['OPTIONS'], target, handler, rest);
  readonly any: VerbMethod<this> = (target: RouteTarget, handler: Handler, ...rest: unknown[]) =>
    this.#add(ANY_METHODS, target, handler, rest);

  group(prefix: string, define: (group: RouteBuilder) => void, ...middleware: Middleware[]): this {
    const name = `group ${prefix}`;
    if (!prefix.startsWith('/')) {
      throw routerError('PUGO_ERR_ROUTER_BAD_ROUTE', {
        route: name,
        reason: 'a group prefix must start with "/"',
      });
    }
    checkMiddleware(name, middleware);
    const scope: Scope = { middleware: [...middleware] };
    const clean = prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    define(new RouteRegistrar(this.#core, joinPath(this.#prefix, clean === '/' ? '' : clean), [
      ...this.#scopes,
      scope,
    ]));
    return this;
  }

  use(...middleware: Middleware[]): this {
    checkMiddleware(this.#prefix === '' ? 'router.use()' : `group ${this.#prefix}`, middleware);
    this.#scopes.at(-1)!.middleware.push(...middleware);
    return this;
  }

  #add(
    methods: readonly HttpMethod[],
    target: RouteTarget,
    handler: Handler,
    rest: unknown[],
  ): this {
    const spec = typeof target === 'string' ? { path: target } : target;
    const verb = methods.length === 1 ? methods[0]! : 'ANY';
    const path = joinPath(this.#prefix, String(spec?.path));
    const name = `${verb} ${path}`;
    if (typeof spec?.path !== 'string' || !(spec.path.startsWith('/') || spec.path === '*')) {
      throw routerError('PUGO_ERR_ROUTER_BAD_ROUTE', {
        route: name,
        reason: 'the path must be a string starting with "/"',
      });
    }
    if (this.#core.sealed) throw routerError('PUGO_ERR_ROUTER_SEALED', { route: name });
    if (typeof handler !== 'function') {
      throw routerError('PUGO_ERR_ROUTER_BAD_ROUTE', {
        route: name,
        reason: `the handler is ${handler === null ? 'null' : typeof handler}; pass a function (ctx) => result or a controller class`,
      });
    }
    const isController = isControllerClass(handler);
    let action: string | undefined;
    if (isController && typeof rest[0] === 'string') action = rest.shift() as string;
    const middleware = rest as Middleware[];
    checkMiddleware(name, middleware);
    const label = `${name} (${isController ? `${handler.name}.${action ?? (verb === 'ANY' ? '<verb>' : verb.toLowerCase())}` : handler.name || 'anonymous handler'})`;
    if (isController) checkActions(name, handler, methods, action);
    const { path: _path, ...fastifyOptions } = spec;
    const route: RouteRecord = {
      name,
      label,
      methods,
      path,
      fastifyOptions,
      handler,
      action,
      pool: isController
        ? new ControllerPool(
            name,
            handler,
            action ?? (verb === 'ANY' ? '*' : verb.toLowerCase()),
            this.#core.options.poolSize,
            this.#core.options.retentionGuard,
          )
        : undefined,
      scopes: this.#scopes,
      middleware,
    };
    this.#core.table.add(route);
    return this;
  }
}

function checkMiddleware(where: string, middleware: readonly unknown[]): void {
  for (const [i, fn] of middleware.entries()) {
    if (typeof fn !== 'function') {
      throw routerError('PUGO_ERR_ROUTER_BAD_ROUTE', {
        route: where,
        reason: `middleware #${i + 1} is ${fn === null ? 'null' : typeof fn}; pass async (ctx, next) => … functions (a method name is only allowed right after a controller class)`,
      });
    }
  }
}

/** A controller must have the method each of its verbs calls (for `any`, at least one). */
function checkActions(
  name: string,
  Class: ControllerClass,
  methods: readonly HttpMethod[],
  action: string | undefined,
): void {
  const proto = Class.prototype as Record<string, unknown>;
  const has = (method: string) => typeof proto[method] === 'function';
  if (action !== undefined) {
    if (!has(action)) {
      throw routerError('PUGO_ERR_ROUTER_CONTROLLER_METHOD', {
        route: name,
        controller: Class.name,
        method: action,
      });
    }
    return;
  }
  const wanted = methods.map((m) => m.toLowerCase());
  const ok =
    methods.length > 1 ? wanted.some(has) : has(wanted[0]!) || (wanted[0] === 'head' && has('get'));
  if (!ok) {
    throw routerError('PUGO_ERR_ROUTER_CONTROLLER_METHOD', {
      route: name,
      controller: Class.name,
      method: methods.length > 1 ? wanted.join('/') : wanted[0]!,
    });
  }
}
