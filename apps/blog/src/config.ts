// The blog's configuration, read from the environment and validated once at start.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { isLoopback } from '@pugo/pprof';
import { blogError } from './errors.js';
import { isLeakScenario, LEAK_SCENARIOS, type LeakScenario } from './leaks/scenarios.js';

/** Where the server runs and what it turns on; every field comes from an environment variable. */
export interface BlogConfig {
  /** `HOST`. Default: 127.0.0.1 */
  readonly host: string;
  /** `PORT`, 0 for any free port. Default: 3000 */
  readonly port: number;
  /** `PUGO_DB`: the SQLite file, or `:memory:`. Default: ./data/pugo.db (relative to the working directory) */
  readonly db: string;
  /** `NODE_ENV`: development, production or test. Default: development */
  readonly env: 'development' | 'production' | 'test';
  /** `PUGO_BASE_URL`: absolute URL feeds and the sitemap use. Default: http://HOST:PORT/ */
  readonly baseUrl: string | undefined;
  /** `PUGO_SEED`: seed sample content when the database has no posts. Default: on in development */
  readonly seed: boolean;
  /** `PUGO_THEME`: a folder under themes/. Default: default */
  readonly theme: string;
  /** `PUGO_PPROF`: serve /debug/pprof on its own port. Default: on in development */
  readonly pprof: boolean;
  /** `PUGO_PPROF_HOST`. Default: 127.0.0.1 */
  readonly pprofHost: string;
  /** `PUGO_PPROF_PORT`. Default: 6060 */
  readonly pprofPort: number;
  /** `PUGO_PPROF_TOKEN`: bearer token; required when PUGO_PPROF_HOST is not loopback. Default: none */
  readonly pprofToken: string | undefined;
  /** `PUGO_LOG_LEVEL`: fastify (pino) level. Default: info in production, warn otherwise */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `PUGO_TRUST_PROXY`: trust X-Forwarded-For (for the per-IP comment limit behind a proxy). Default: off */
  readonly trustProxy: boolean;
  /** `PUGO_COMMENT_LIMIT`: comments one IP may post per 10 minutes. Default: 5 */
  readonly commentLimit: number;
  /** `PUGO_AVATARS`: `initials` (no third party) or `gravatar`. Default: initials */
  readonly avatars: 'initials' | 'gravatar';
  /** `PUGO_INJECT_LEAK`: a leak scenario for pugo-soak (src/leaks/); refused in production. Default: none */
  readonly injectLeak: LeakScenario | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws PUGO_ERR_BLOG_CONFIG naming the bad variable. */
export function loadConfig(env: Env = process.env): BlogConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const dev = nodeEnv === 'development';
  const host = text(env, 'HOST', '127.0.0.1');
  if (host !== 'localhost' && isIP(host) === 0) {
    fail('HOST', host, 'an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1) or localhost');
  }
  const pprofHostText = text(env, 'PUGO_PPROF_HOST', '127.0.0.1');
  // `[::1]` is how a URL writes ::1; the pprof server listens on the bare address.
  const pprofHost = pprofHostText.replace(/^\[(.*)\]$/, '$1');
  const pprofToken = env.PUGO_PPROF_TOKEN || undefined;
  if (!isLoopback(pprofHost) && pprofToken === undefined) {
    fail('PUGO_PPROF_HOST', pprofHostText, 'a loopback address, or set PUGO_PPROF_TOKEN too');
  }
  const db = text(env, 'PUGO_DB', './data/pugo.db');
  return Object.freeze({
    host,
    port: int(env, 'PORT', 3000, 0, 65535),
    db: db === ':memory:' ? db : resolve(db),
    env: nodeEnv,
    baseUrl: baseUrl(env),
    seed: bool(env, 'PUGO_SEED', dev),
    theme: slugLike(env, 'PUGO_THEME', 'default'),
    pprof: bool(env, 'PUGO_PPROF', dev),
    pprofHost,
    pprofPort: int(env, 'PUGO_PPROF_PORT', 6060, 0, 65535),
    pprofToken,
    logLevel: oneOf(
      env,
      'PUGO_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'production' ? 'info' : 'warn',
    ),
    trustProxy: bool(env, 'PUGO_TRUST_PROXY', false),
    commentLimit: int(env, 'PUGO_COMMENT_LIMIT', 5, 1, 10_000),
    avatars: oneOf(env, 'PUGO_AVATARS', ['initials', 'gravatar'], 'initials'),
    injectLeak: injectLeak(env, nodeEnv),
  });
}

function injectLeak(env: Env, nodeEnv: string): LeakScenario | undefined {
  const value = env.PUGO_INJECT_LEAK;
  if (value === undefined || value === '') return undefined;
  if (nodeEnv === 'production') throw blogError('PUGO_ERR_BLOG_INJECT_LEAK', { value });
  if (!isLeakScenario(value))
    fail('PUGO_INJECT_LEAK', value, `one of ${LEAK_SCENARIOS.join(', ')}`);
  return value;
}

function fail(name: string, value: string, expected: string): never {
  throw blogError('PUGO_ERR_BLOG_CONFIG', { name, value, expected });
}

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value.trim() !== value) fail(name, value, 'a value without leading or trailing spaces');
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    fail(name, value, `an integer from ${min} to ${max}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.toLowerCase();
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  return fail(name, env[name] ?? '', 'one of 1, 0, true, false, on, off, yes, no');
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value))
    fail(name, value, `one of ${allowed.join(', ')}`);
  return value as T;
}

function slugLike(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(value))
    fail(name, value, 'a folder name of letters, digits, - and _');
  return value;
}

function baseUrl(env: Env): string | undefined {
  const value = env.PUGO_BASE_URL;
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      return url.href.endsWith('/') ? url.href : `${url.href}/`;
    }
  } catch {}
  return fail('PUGO_BASE_URL', value, 'an absolute http(s) URL such as https://blog.example.com/');
}
