// Command-line flags, config files, routes, templates: what they parse to and the one-line errors.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { loadConfigFile, loadRoutesFile } from '../src/config/config-file.js';
import { defaults, resolveOptions } from '../src/config/options.js';
import { validateRoutes } from '../src/config/route-spec.js';
import { SoakError } from '../src/errors.js';
import { compileRoutes, weightedPicker } from '../src/run/compile-routes.js';
import { compileTemplate } from '../src/run/template.js';
import { parseBytes, parseDuration } from '../src/units.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soak-args-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SoakError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe('parseArgs', () => {
  it('parses every flag with units', () => {
    const a = parseArgs([
      '--cmd',
      'node s.js --port {port}',
      '--ready',
      '/healthz',
      '--duration',
      '90s',
      '--interval',
      '500ms',
      '-c',
      '20',
      '--rate',
      '300',
      '--warmup',
      '25%',
      '--drain',
      '2s',
      '--max-growth',
      '1KB',
      '--max-retained',
      '32MB',
      '--max-error-rate',
      '0.5%',
      '--alpha',
      '0.05',
      '--top',
      '5',
      '--env',
      'A=1',
      '--env',
      'B=x=y',
      '--json',
      '--out',
      'r',
    ]);
    expect(a.options).toEqual({
      cmd: 'node s.js --port {port}',
      ready: '/healthz',
      durationMs: 90_000,
      intervalMs: 500,
      connections: 20,
      rate: 300,
      warmup: 0.25,
      drainMs: 2000,
      maxGrowth: 1024,
      maxRetained: 32 * 1024 * 1024,
      maxErrorRate: 0.005,
      alpha: 0.05,
      top: 5,
      env: { A: '1', B: 'x=y' },
    });
    expect(a).toMatchObject({ json: true, out: 'r', report: true, quick: false, help: false });
  });

  it('rejects bad flags with one line that points at --help', () => {
    expect(codeOf(() => parseArgs(['--durtion', '5s']))).toBe(
      'PUGO_ERR_SOAK_USAGE: unknown flag --durtion; run pugo-soak --help for usage',
    );
    expect(codeOf(() => parseArgs(['--duration', 'soon']))).toMatch(
      /--duration takes a duration such as 90s/,
    );
    expect(codeOf(() => parseArgs(['--max-retained', '12 parsecs']))).toMatch(
      /--max-retained takes a size/,
    );
    expect(codeOf(() => parseArgs(['--env', 'NOEQUALS']))).toMatch(/--env takes NAME=VALUE/);
    expect(codeOf(() => parseArgs(['--cmd']))).toMatch(/: --cmd needs a value;/);
    expect(codeOf(() => parseArgs(['--json=1']))).toMatch(/: --json takes no value;/);
    expect(codeOf(() => parseArgs(['--drain', '-1']))).toMatch(
      /: --drain needs a value \(one that starts with - is written --drain=VALUE\);/,
    );
    expect(codeOf(() => parseArgs(['stray']))).toMatch(/unexpected argument "stray"/);
    expect(codeOf(() => parseArgs(['--out', 'x', '--no-report']))).toMatch(/not both/);
  });

  it('resolveOptions applies the defaults and checks ranges', () => {
    const o = resolveOptions({ cmd: 'node s.js' });
    expect(o).toMatchObject({
      durationMs: 300_000,
      intervalMs: 5000,
      connections: 10,
      warmup: 0.2,
      maxGrowth: 32,
    });
    expect(o.maxRetained).toBe(defaults.maxRetained);
    expect(o.routes).toEqual([{ method: 'GET', path: '/' }]);
    expect(codeOf(() => resolveOptions({}))).toMatch(/nothing to soak/);
    expect(codeOf(() => resolveOptions({ cmd: 'a', url: 'http://x' }))).toMatch(/not both/);
    expect(codeOf(() => resolveOptions({ url: 'ftp://x' }))).toMatch(
      /--url must be an http\(s\) URL/,
    );
    expect(codeOf(() => resolveOptions({ cmd: 'a', warmup: 0.95 }))).toMatch(
      /--warmup must be a fraction/,
    );
    expect(codeOf(() => resolveOptions({ cmd: 'a', durationMs: 2000, intervalMs: 5000 }))).toMatch(
      /--interval is longer/,
    );
    expect(codeOf(() => resolveOptions({ cmd: 'a', ready: 'healthz' }))).toMatch(
      /--ready must be a path/,
    );
  });

  it('parses durations and sizes', () => {
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1.5')).toBe(1500);
    expect(parseDuration('-1s')).toBeUndefined();
    expect(parseBytes('16MB')).toBe(16 * 1024 * 1024);
    expect(parseBytes('512 KiB')).toBe(512 * 1024);
    expect(parseBytes('7furlongs')).toBeUndefined();
  });
});

describe('config files', () => {
  it('reads JSON with durations, sizes, routes and setup steps; paths are relative to it', async () => {
    const file = join(dir, 'soak.config.json');
    await writeFile(
      file,
      JSON.stringify({
        cmd: 'node server.js',
        cwd: 'app',
        duration: '2m',
        interval: 2,
        maxRetained: '8MB',
        routes: [
          { path: '/', weight: 2 },
          { method: 'post', path: '/c', body: { a: 1 } },
        ],
        setup: [
          { path: '/login', method: 'POST', capture: { t: { from: 'cookie', name: 'sid' } } },
        ],
        out: 'reports',
      }),
    );
    const o = await loadConfigFile(file);
    expect(o).toMatchObject({
      cmd: 'node server.js',
      cwd: join(dir, 'app'),
      durationMs: 120_000,
      intervalMs: 2000,
      maxRetained: 8 * 1024 * 1024,
      out: join(dir, 'reports'),
    });
    expect(o.routes?.[1]).toMatchObject({ method: 'POST', weight: 1 });
    expect(Array.isArray(o.setup)).toBe(true);
  });

  it('reads a JS module exporting a function, with a setup hook', async () => {
    const file = join(dir, 'soak.config.mjs');
    await writeFile(
      file,
      "export default async () => ({ url: 'http://127.0.0.1:9', setup: async () => ({ vars: { a: '1' } }) });\n",
    );
    const o = await loadConfigFile(file);
    expect(o.url).toBe('http://127.0.0.1:9');
    expect(typeof o.setup).toBe('function');
  });

  it("reads the fixtures' calibration config, whose scenarios start fixtures that exist", async () => {
    const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
    const o = await loadConfigFile(join(fixtures, 'fixtures.soak.json'));
    const scenarios = Object.entries(o.scenarios ?? {});
    expect(scenarios.map(([name]) => name).sort()).toEqual([
      'bounded-lru',
      'cache-leak',
      'listener-leak',
      'pool-plateau',
    ]);
    for (const cmd of [o.cmd, ...scenarios.map(([, s]) => s.cmd)]) {
      const script = /(\S+\.mjs)$/.exec(cmd ?? '')?.[1];
      expect(script, cmd).toBeDefined();
      expect(existsSync(join(o.cwd!, script!)), script).toBe(true);
    }
  });

  it('reports a bad config file on one line', async () => {
    const bad = async (name: string, text: string) => {
      const file = join(dir, name);
      await writeFile(file, text);
      return loadConfigFile(file).then(
        () => 'loaded',
        (e: SoakError) => `${e.code}: ${e.message}`,
      );
    };
    expect(await bad('a.json', '{ nope')).toMatch(
      /^PUGO_ERR_SOAK_CONFIG: reading the soak configuration .*a\.json failed: not valid JSON/,
    );
    expect(await bad('b.json', '{"duraton": 5}')).toMatch(/unknown option "duraton"/);
    expect(await bad('c.json', '{"duration": "forever"}')).toMatch(/"duration" must be seconds/);
    expect(await bad('d.yaml', 'cmd: x')).toMatch(/unknown extension/);
    expect(await bad('g.json', '{"cwd": 5}')).toMatch(/"cwd" must be a string$/);
    expect(await bad('h.json', '{"env": ["A=1"]}')).toMatch(/"env" must be an object of strings$/);
    expect(
      await bad('e.json', '{"setup": [{"path": "/x", "capture": {"a": {"from": "moon"}}}]}'),
    ).toMatch(/needs "from"/);
    expect(await bad('f.mjs', 'throw new Error("config exploded");')).toMatch(/config exploded/);
    expect(await loadConfigFile(join(dir, 'missing.json')).catch((e: SoakError) => e.code)).toBe(
      'PUGO_ERR_SOAK_CONFIG',
    );
  });
});

describe('routes', () => {
  it('validates the routes document', () => {
    const msg = (v: unknown) => codeOf(() => validateRoutes(v, 'routes.json'));
    expect(msg({})).toMatch(
      /^PUGO_ERR_SOAK_ROUTES: the routes in routes.json are invalid: expected a JSON array/,
    );
    expect(msg([])).toMatch(/the list is empty/);
    expect(msg([{ path: 'nope' }])).toMatch(/route 1 needs a "path" starting with \//);
    expect(msg([{ path: '/', method: 'FETCH' }])).toMatch(/unsupported method "FETCH"/);
    expect(msg([{ path: '/', weight: 0 }])).toMatch(/"weight" must be a positive number/);
    expect(msg([{ path: '/', extra: 1 }])).toMatch(/unknown field "extra"/);
    expect(msg([{ path: '/a b' }])).toMatch(/whitespace/);
    expect(msg([{ path: '/', expect: [999] }])).toMatch(/"expect" must be a list of HTTP statuses/);
  });

  it('reads a routes file and reports a missing one', async () => {
    const file = join(dir, 'routes.json');
    await writeFile(file, JSON.stringify([{ path: '/x' }]));
    expect(await loadRoutesFile(file)).toEqual([{ path: '/x', method: 'GET', weight: 1 }]);
    expect(await loadRoutesFile(join(dir, 'none.json')).catch((e: SoakError) => e.code)).toBe(
      'PUGO_ERR_SOAK_ROUTES',
    );
  });

  it('renders templates, JSON bodies and shared headers', () => {
    const [route] = compileRoutes(
      [
        {
          method: 'POST',
          path: '/posts/{{int:5-5}}/edit?n={{seq}}',
          body: { csrf: '{{csrf}}' },
          headers: { 'x-a': '{{env.SOAK_T}}' },
        },
      ],
      { vars: { csrf: 'tok' }, env: { SOAK_T: 'e' } },
      { cookie: 'sid=1' },
    );
    const r1 = route!.render();
    const r2 = route!.render();
    expect(r1.path).toMatch(/^\/posts\/5\/edit\?n=\d+$/);
    expect(Number(r2.path.split('=')[1])).toBe(Number(r1.path.split('=')[1]) + 1);
    expect(r1.body).toBe('{"csrf":"tok"}');
    expect(r1.headers).toEqual({ cookie: 'sid=1', 'x-a': 'e', 'content-type': 'application/json' });
    expect(route!.name).toBe('POST /posts/{{int:5-5}}/edit?n={{seq}}');
  });

  it('names an unknown placeholder', () => {
    expect(
      codeOf(() => compileRoutes([{ path: '/{{token}}' }], { vars: { csrf: 'x' }, env: {} }, {})),
    ).toMatch(
      /route 1 \(GET \/\{\{token\}\}\).*\{\{token\}\} is not a setup variable \(known: csrf\)/,
    );
    expect(() => compileTemplate('{{env.SOAK_SURELY_UNSET}}', { vars: {}, env: {} })).toThrow(
      /not set/,
    );
    expect(compileTemplate('/{{pick:a|b}}', { vars: {}, env: {} })()).toMatch(/^\/(a|b)$/);
  });

  it('picks routes in proportion to their weights', () => {
    const pick = weightedPicker([{ weight: 1 }, { weight: 3 }]);
    const counts = [0, 0];
    for (let i = 0; i < 4000; i++) counts[pick()]!++;
    expect(counts[1]! / 4000).toBeGreaterThan(0.68);
    expect(counts[1]! / 4000).toBeLessThan(0.82);
  });
});
