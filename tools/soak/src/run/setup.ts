// Runs the setup before the baseline: the steps (log in, fetch a CSRF token) or the hook, yielding variables and headers.
// Cookies by hand: only name=value pairs the target set, sent back to that one origin (no domain or path rules).
import type {
  Capture,
  SetupContext,
  SetupHook,
  SetupResult,
  SetupStep,
} from '../config/setup-spec.js';
import { reasonOf, soakError } from '../errors.js';
import { compileTemplate } from './template.js';

/** The variables and headers the load starts with. */
export interface SetupOutcome {
  readonly vars: Record<string, string>;
  readonly headers: Record<string, string>;
}

/** Runs the steps in order (or the hook) against `context.url`. */
export async function runSetup(
  setup: readonly SetupStep[] | SetupHook | undefined,
  context: SetupContext,
): Promise<SetupOutcome> {
  if (setup === undefined) return { vars: {}, headers: {} };
  if (typeof setup === 'function') {
    let result: SetupResult | undefined;
    try {
      result = await setup(context);
    } catch (error) {
      throw soakError('PUGO_ERR_SOAK_SETUP', { step: 'hook', reason: reasonOf(error) }, error);
    }
    return { vars: { ...result?.vars }, headers: { ...result?.headers } };
  }
  const vars: Record<string, string> = {};
  const jar = new Map<string, string>();
  for (const [i, step] of setup.entries()) {
    const method = (step.method ?? 'GET').toUpperCase();
    const label = `${i + 1} (${step.name ?? `${method} ${step.path}`})`;
    const fail = (reason: string, cause?: unknown) =>
      soakError('PUGO_ERR_SOAK_SETUP', { step: label, reason }, cause);
    let response: Response;
    let text: string;
    try {
      const scope = { vars, env: context.env };
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.headers ?? {}))
        headers[k] = compileTemplate(v, scope)();
      if (jar.size > 0) headers.cookie = cookieHeader(jar);
      let body: string | undefined;
      if (typeof step.body === 'string') body = compileTemplate(step.body, scope)();
      else if (step.body !== undefined) {
        body = compileTemplate(JSON.stringify(step.body), scope)();
        headers['content-type'] ??= 'application/json';
      }
      const url = new URL(compileTemplate(step.path, scope)(), context.url);
      response = await context.fetch(url, { method, headers, body, redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      throw fail(reasonOf(error), error);
    }
    const ok = step.expect ? step.expect.includes(response.status) : response.status < 400;
    if (!ok) throw fail(`answered ${response.status}: ${text.slice(0, 120).replace(/\s+/g, ' ')}`);
    const setCookies = response.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair !== undefined && eq > 0)
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    for (const [name, capture] of Object.entries(step.capture ?? {})) {
      const value = captureValue(capture, response, text, jar);
      if (value === undefined)
        throw fail(`could not capture "${name}" (${JSON.stringify(capture)})`);
      vars[name] = value;
    }
  }
  return { vars, headers: jar.size > 0 ? { cookie: cookieHeader(jar) } : {} };
}

function captureValue(
  capture: Capture,
  response: Response,
  text: string,
  jar: Map<string, string>,
): string | undefined {
  const pick = (source: string | null | undefined, regex?: string) => {
    if (source === null || source === undefined) return undefined;
    if (regex === undefined) return source;
    const m = new RegExp(regex).exec(source);
    return m === null ? undefined : (m[1] ?? m[0]);
  };
  switch (capture.from) {
    case 'header':
      return pick(response.headers.get(capture.name), capture.regex);
    case 'body':
      return pick(text, capture.regex);
    case 'cookie':
      return jar.get(capture.name);
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return undefined;
      }
      for (const key of capture.path.split('.')) {
        if (typeof value !== 'object' || value === null) return undefined;
        value = (value as Record<string, unknown>)[key];
      }
      return value === undefined || value === null ? undefined : String(value);
    }
    default:
      return undefined;
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
