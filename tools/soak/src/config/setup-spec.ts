// The setup a config asks for before the baseline: its steps (validated here) or a JS hook, and what they yield.

/** Where a setup step reads a variable from its response. */
export type Capture =
  /** A response header, e.g. `{ "from": "header", "name": "location" }`. */
  | { readonly from: 'header'; readonly name: string; readonly regex?: string }
  /** The body; with `regex`, its first group, e.g. `name="_csrf" value="([^"]+)"`. */
  | { readonly from: 'body'; readonly regex?: string }
  /** A JSON body, at a dotted path, e.g. `"data.token"`. */
  | { readonly from: 'json'; readonly path: string }
  /** A cookie the step set, by name. */
  | { readonly from: 'cookie'; readonly name: string };

/** One HTTP request of the setup. Cookies set by any step are sent on later steps and by the load. */
export interface SetupStep {
  /** Shown in errors. Default: `METHOD path`. */
  readonly name?: string;
  /** Default: GET. */
  readonly method?: string;
  /** Path with `{{…}}` placeholders (earlier captures, `env.NAME`). */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string (form-encode it yourself) or an object sent as JSON. */
  readonly body?: string | Record<string, unknown>;
  /** Statuses that count as success. Default: any status below 400 (redirects are not followed). */
  readonly expect?: readonly number[];
  /** Variables to read from the response, by name. */
  readonly capture?: Readonly<Record<string, Capture>>;
}

/** What a setup hook receives. */
export interface SetupContext {
  /** Base URL of the service, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Base URL of its /debug/pprof. */
  readonly pprofUrl: string;
  /** The global fetch. */
  readonly fetch: typeof fetch;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What a setup hook returns: variables for `{{name}}` and headers for every load request. */
export interface SetupResult {
  readonly vars?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A setup written in JavaScript (`soak.config.js`/`.mjs`). */
export type SetupHook = (
  context: SetupContext,
) => Promise<SetupResult | undefined> | SetupResult | undefined;

/** Checks the `setup` steps of a config file; `fail` makes the config's error. */
export function validateSteps(value: unknown, fail: (reason: string) => Error): SetupStep[] {
  if (!Array.isArray(value))
    throw fail('"setup" must be a list of steps (or, in a JS config, a function)');
  return value.map((s: unknown, i) => {
    const at = `setup step ${i + 1}`;
    if (typeof s !== 'object' || s === null) throw fail(`${at} is not an object`);
    const step = s as Record<string, unknown>;
    if (typeof step.path !== 'string' || !step.path.startsWith('/'))
      throw fail(`${at} needs a "path" starting with /`);
    for (const [name, c] of Object.entries((step.capture as Record<string, unknown>) ?? {})) {
      const from = (c as { from?: unknown } | null)?.from;
      if (!['header', 'body', 'json', 'cookie'].includes(String(from)))
        throw fail(`${at} capture "${name}" needs "from": header, body, json or cookie`);
    }
    return step as unknown as SetupStep;
  });
}
