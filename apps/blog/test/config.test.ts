// Configuration from the environment, the start-up failure path and the seed command's arguments.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { parseSeedArgs, SEED_HELP } from '../src/seed/seed-args.js';
import { runNode } from './run-node.js';

describe('loadConfig', () => {
  it('has development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      env: 'development',
      seed: true,
      pprof: true,
      pprofHost: '127.0.0.1',
      pprofPort: 6060,
      theme: 'default',
      logLevel: 'warn',
      avatars: 'initials',
      commentLimit: 5,
    });
    expect(config.db).toMatch(/[/\\]data[/\\]pugo\.db$/);
  });

  it('turns seeding and pprof off in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      seed: false,
      pprof: false,
      logLevel: 'info',
    });
    expect(loadConfig({ NODE_ENV: 'production', PUGO_PPROF: 'on', PUGO_SEED: '1' })).toMatchObject({
      seed: true,
      pprof: true,
    });
    expect(loadConfig({ PUGO_DB: ':memory:', PUGO_BASE_URL: 'https://b.example/x' })).toMatchObject(
      {
        db: ':memory:',
        baseUrl: 'https://b.example/x/',
      },
    );
  });

  it.each([
    ['PORT', 'abc', 'PORT="abc": expected an integer from 0 to 65535'],
    ['PORT', '70000', 'PORT="70000"'],
    ['PORT', '-1', 'PORT="-1"'],
    ['HOST', 'not a host', 'HOST="not a host": expected an IP address'],
    ['NODE_ENV', 'prod', 'NODE_ENV="prod": expected one of development, production, test'],
    ['PUGO_PPROF', 'maybe', 'PUGO_PPROF="maybe"'],
    [
      'PUGO_PPROF_HOST',
      '0.0.0.0',
      'PUGO_PPROF_HOST="0.0.0.0": expected a loopback address, or set PUGO_PPROF_TOKEN too',
    ],
    ['PUGO_BASE_URL', 'ftp://x', 'PUGO_BASE_URL="ftp://x"'],
    ['PUGO_THEME', '../etc', 'PUGO_THEME="../etc"'],
    ['PUGO_LOG_LEVEL', 'loud', 'PUGO_LOG_LEVEL="loud"'],
    ['PUGO_AVATARS', 'robots', 'PUGO_AVATARS="robots"'],
  ])('rejects %s=%s with a coded error naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      expect.objectContaining({
        code: 'PUGO_ERR_BLOG_CONFIG',
        message: expect.stringContaining(message),
      }),
    );
  });

  it.each([
    ['[::1]', '::1'],
    ['::1', '::1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['LOCALHOST', 'LOCALHOST'],
    ['127.3.2.1', '127.3.2.1'],
  ])('accepts the loopback pprof host %s without a token', (value, listened) => {
    const config = loadConfig({ PUGO_PPROF_HOST: value });
    expect(config.pprofHost).toBe(listened);
    expect(config.pprofToken).toBeUndefined();
  });

  it.each(['0.0.0.0', '127.999.0.1', '[::]', '::ffff:10.0.0.1', '10.0.0.1', 'example.com'])(
    'refuses the non-loopback pprof host %s without a token',
    (value) => {
      expect(() => loadConfig({ PUGO_PPROF_HOST: value })).toThrow(
        expect.objectContaining({
          code: 'PUGO_ERR_BLOG_CONFIG',
          message: expect.stringContaining(
            `PUGO_PPROF_HOST=${JSON.stringify(value)}: expected a loopback address, or set PUGO_PPROF_TOKEN too`,
          ),
        }),
      );
    },
  );

  it('allows a non-loopback pprof host with a token', () => {
    expect(loadConfig({ PUGO_PPROF_HOST: '0.0.0.0', PUGO_PPROF_TOKEN: 's3cret' }).pprofToken).toBe(
      's3cret',
    );
  });
});

describe('the server entry point', () => {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--conditions=@pugo/source', '--import', 'tsx', main], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints one clear line and exits 2 on a bad value', () => {
    const result = run({ PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'pugo blog: invalid PORT="eighty": expected an integer from 0 to 65535; fix the environment variable and start again\n',
    );
    expect(result.stdout).toBe('');
  });
});

describe('seed arguments', () => {
  it('parses the options', () => {
    expect(parseSeedArgs(['--posts', '10000'])).toMatchObject({
      posts: 10000,
      commentsPerPost: 3,
      seed: 1,
    });
    expect(
      parseSeedArgs(['--posts=5', '--comments-per-post', '0', '--db', '/tmp/x.db']),
    ).toMatchObject({
      posts: 5,
      commentsPerPost: 0,
      db: '/tmp/x.db',
    });
    expect(parseSeedArgs(['--help']).help).toBe(true);
    expect(parseSeedArgs(['-h']).help).toBe(true);
    // pnpm may forward a `--`: the options after it still count.
    expect(parseSeedArgs(['--', '--seed', '7', '--comments-per-post=100'])).toEqual({
      posts: 100,
      commentsPerPost: 100,
      seed: 7,
      db: undefined,
      help: false,
    });
  });

  it.each([
    [['--posts'], '--posts needs a whole number from 1 to 1000000, got ""'],
    [['--posts', '0'], '--posts needs a whole number'],
    [['--posts', 'many'], 'got "many"'],
    [['--frobnicate'], 'unknown option "--frobnicate"'],
    [['--frobnicate=3'], 'unknown option "--frobnicate"'],
    [['posts'], 'unknown option "posts"'],
    [['--posts', '1000001'], '--posts needs a whole number from 1 to 1000000, got "1000001"'],
    [['--posts='], 'got ""'],
    [['--comments-per-post', '101'], '--comments-per-post needs a whole number from 0 to 100'],
    [['--seed', '-1'], '--seed needs a whole number from 0 to 2147483648'],
    [['--db'], '--db needs a path'],
    [['--db='], '--db needs a path'],
    [['--help=yes'], '--help takes no value'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(
      expect.objectContaining({
        code: 'PUGO_ERR_BLOG_USAGE',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('answers an unknown flag and a bad value with one line on stderr and exit 2, --help on stdout', async () => {
    const seed = fileURLToPath(new URL('../src/seed-cli.ts', import.meta.url));
    const [unknown, bad, help] = await Promise.all(
      [['--frobnicate'], ['--posts', 'many'], ['--help']].map((args) =>
        runNode([seed, ...args], { PUGO_DB: ':memory:' }),
      ),
    );
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pugo seed: unknown option "--frobnicate"; see --help\n',
    });
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pugo seed: --posts needs a whole number from 1 to 1000000, got "many"; see --help\n',
    });
    expect(help).toEqual({ code: 0, stdout: SEED_HELP, stderr: '' });
  });
});
