// The error table of @pugo/router: every failure a caller or an HTTP client can see, as a RouterError.

/** Every code a RouterError can carry, with the message template that explains it. */
export const errorMessages = {
  PUGO_ERR_ROUTER_BAD_OPTION: (p: { option: string; value: string; want: string }) =>
    `configuring @pugo/router failed: option "${p.option}" is ${p.value}; want ${p.want}`,
  PUGO_ERR_ROUTER_BAD_ROUTE: (p: { route: string; reason: string }) =>
    `registering ${p.route} failed: ${p.reason}`,
  PUGO_ERR_ROUTER_CONFLICT: (p: { route: string; existing: string }) =>
    `registering ${p.route} failed: it conflicts with ${p.existing}, which matches the same requests; remove one, change its path, or give them different constraints`,
  PUGO_ERR_ROUTER_CONTROLLER_METHOD: (p: { route: string; controller: string; method: string }) =>
    `registering ${p.route} failed: controller ${p.controller} has no method "${p.method}"; add it or name an existing method at registration (router.post(path, ${p.controller}, 'method'))`,
  PUGO_ERR_ROUTER_SEALED: (p: { route: string }) =>
    `registering ${p.route} failed: the router is already registered with fastify; add every route before app.register(router.plugin())`,
  PUGO_ERR_ROUTER_METHOD_NOT_ALLOWED: (p: { method: string; route: string; allow: string }) =>
    `Method Not Allowed: ${p.route} has no handler for ${p.method}; use one of ${p.allow}`,
  PUGO_ERR_ROUTER_NEXT_TWICE: (p: { route: string }) =>
    `running the middleware of ${p.route} failed: a middleware called next() more than once; call it once and await it`,
  PUGO_ERR_ROUTER_NO_COOKIES: () =>
    'using cookies failed: @fastify/cookie is not registered; run app.register(cookie) before app.register(router.plugin())',
  PUGO_ERR_ROUTER_RETAINED: (p: {
    route: string;
    controller: string;
    field: string;
    found: string;
  }) =>
    `releasing a ${p.controller} of ${p.route} failed: field "${p.field}" still holds request data after reset (${p.found}); clear it in reset() or drop the custom reset() so the default one restores it`,
} as const;

/** HTTP status of the codes that answer a request. */
export const errorStatus: Partial<Record<RouterErrorCode, number>> = {
  PUGO_ERR_ROUTER_METHOD_NOT_ALLOWED: 405,
};

/** A code from the error table, e.g. `PUGO_ERR_ROUTER_CONFLICT`. */
export type RouterErrorCode = keyof typeof errorMessages;

type Params<C extends RouterErrorCode> = Parameters<(typeof errorMessages)[C]>[0];

/** The only error @pugo/router throws: a stable `code`, a message that says what to do. */
export class RouterError extends Error {
  override readonly name = 'RouterError';
  /** Stable code to branch on, e.g. `PUGO_ERR_ROUTER_CONFLICT`. */
  readonly code: RouterErrorCode;
  /** HTTP status when the error answers a request, else 500. */
  readonly statusCode: number;

  constructor(code: RouterErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.statusCode = errorStatus[code] ?? 500;
  }
}

/** Builds the RouterError for `code` from the table. */
export function routerError<C extends RouterErrorCode>(
  code: C,
  params: Params<C>,
  cause?: unknown,
): RouterError {
  const template = errorMessages[code] as (p: Params<C>) => string;
  return new RouterError(code, template(params), cause);
}
