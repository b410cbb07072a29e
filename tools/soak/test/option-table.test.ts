// The option table's guarantees: every flag in --help and the README, every config key accepted, one default each.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { run } from '../src/cli/run.js';
import { usageText } from '../src/cli/usage.js';
import { loadConfigFile } from '../src/config/config-file.js';
import type { OptionKind } from '../src/config/option-row.js';
import { optionRows, optionTable } from '../src/config/option-table.js';
import { defaults, resolveOptions } from '../src/config/options.js';
import { SoakError } from '../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soak-table-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const flagged = optionRows.filter(([, row]) => row.flag !== undefined);
const inFiles = optionRows.filter(([, row]) => row.configKey !== undefined);
const soakKeys = optionRows.filter(([, row]) => row.scope !== 'cli').map(([key]) => key);

/** A value of each kind as a config file writes it, and what loadConfigFile makes of it. */
const fileSamples: Record<OptionKind, (at: string) => [written: unknown, read: unknown]> = {
  text: () => ['/x', '/x'],
  url: () => ['http://127.0.0.1:9', 'http://127.0.0.1:9'],
  path: (at) => ['sub', join(at, 'sub')],
  env: () => [{ A: '1' }, { A: '1' }],
  duration: () => [2, 2000],
  size: () => ['1KB', 1024],
  number: () => [3, 3],
  fraction: () => [0.5, 0.5],
  routes: () => [[{ path: '/r' }], [{ path: '/r', method: 'GET', weight: 1 }]],
  setup: () => [[{ path: '/login' }], [{ path: '/login' }]],
  scenarios: () => [{ s: { top: 2 } }, { s: { top: 2 } }],
  function: () => [undefined, undefined],
  switch: () => [undefined, undefined],
};

/** A flag's text for each kind, and the value parseArgs makes of it. */
const flagSamples: Partial<Record<OptionKind, [written: string[], read: unknown]>> = {
  text: [['/x'], '/x'],
  url: [['http://127.0.0.1:9'], 'http://127.0.0.1:9'],
  path: [['p'], 'p'],
  env: [['A=1'], { A: '1' }],
  duration: [['2s'], 2000],
  size: [['1KB'], 1024],
  number: [['3'], 3],
  fraction: [['50%'], 0.5],
};

describe('--help', () => {
  const help = usageText();

  it('lists every flag of the table with its value name, and its default when it has one', () => {
    expect(flagged.length).toBeGreaterThan(25);
    for (const [key, row] of flagged) {
      const long = `--${row.flag}${row.metavar ? ` ${row.metavar}` : ''}`;
      const label = row.short ? `-${row.short}, ${long}` : long;
      const line = help.split('\n').find((l) => l.startsWith(`  ${label} `));
      expect(line, `${key}: ${label}`).toBeDefined();
      expect(line!.slice(24).trim().length, key).toBeGreaterThan(5);
      if (row.help?.includes('{default}')) expect(line, key).not.toContain('{default}');
      else if (row.default !== undefined || row.showDefault !== undefined)
        expect(line, key).toMatch(/\(default: [^)]+\)/);
    }
  });

  it('lists no flag the table does not know, and shows the defaults as before', () => {
    const listed = [...help.matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(flagged.map(([, row]) => row.flag).sort());
    expect(help).toContain(
      '--ready-timeout DUR   how long the target gets to answer --ready (default: 30s)',
    );
    expect(help).toContain('--duration DUR        load phase (default: 5m)');
    expect(help).toContain('--quick               a 60s load, for CI\n');
    expect(help).toContain('-c, --connections N   concurrent connections (default: 10)');
    expect(help).toContain('--rate N              cap on requests per second (default: none)');
    expect(help).toContain(
      '--max-retained SIZE   heap used + external kept after the drain (default: 16.0 MB)',
    );
    expect(help).toContain(
      "--scenario NAME       merge the config's scenarios.NAME over it (alias: --inject NAME)",
    );
    expect(help).toContain(
      '--cmd CMD             start the target with the shell; {port} and {pprofPort} (and PORT, PPROF_PORT\n                        in its environment) are free ports\n',
    );
  });

  it('is documented in the README: every flag in its flag table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('| flag '), readme.indexOf('Durations take'));
    expect(table.length).toBeGreaterThan(500);
    for (const [, row] of flagged) expect(table, row.flag).toContain(`\`--${row.flag}`);
  });
});

describe('config files', () => {
  it('accept every config key of the table, each read as its kind', async () => {
    const written: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const [key, row] of inFiles) {
      const [value, read] = fileSamples[row.kind](dir);
      written[row.configKey!] = value;
      expected[key] = read;
    }
    // A JS config, for the keys only JavaScript can give (a setup hook, a teardown).
    const teardown = 'teardown: () => {}';
    const file = join(dir, 'every-key.soak.config.mjs');
    await writeFile(file, `export default { ...${JSON.stringify(written)}, ${teardown} };\n`);
    const { teardown: readTeardown, ...loaded } = await loadConfigFile(file);
    expect(typeof readTeardown).toBe('function');
    delete expected.teardown;
    expect(loaded).toEqual(expected);
    expect(Object.keys(loaded).length).toBeGreaterThan(20);
  });

  it('refuse a top-level-only key inside a scenario', async () => {
    for (const [, row] of inFiles.filter(([, r]) => r.topLevelOnly)) {
      const file = join(dir, `scenario-${row.configKey}.json`);
      await writeFile(file, JSON.stringify({ scenarios: { s: { [row.configKey!]: {} } } }));
      await expect(loadConfigFile(file)).rejects.toThrow(
        `scenario "s": unknown option "${row.configKey}"`,
      );
    }
  });
});

describe('flags', () => {
  it('set every SoakOptions key they name, each read as its kind', () => {
    for (const [key, row] of flagged) {
      const sample = flagSamples[row.kind];
      if (row.scope === 'cli' || row.kind === 'routes') continue;
      expect(sample, `${key} (${row.kind})`).toBeDefined();
      const [text, read] = sample!;
      expect(parseArgs([`--${row.flag}`, ...text]).options, key).toEqual({ [key]: read });
    }
  });

  it("set the command's own arguments", () => {
    expect(
      parseArgs(['--config', 'c.mjs', '--inject', 'cache', '--routes', 'r.json']),
    ).toMatchObject({ config: 'c.mjs', scenario: 'cache', routes: 'r.json', options: {} });
    expect(parseArgs(['--quick', '--json', '--no-report', '-h', '--version'])).toMatchObject({
      quick: true,
      json: true,
      report: false,
      help: true,
      version: true,
    });
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    let out = '';
    const code = await run(['--version'], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => {} },
    });
    expect(code).toBe(0);
    expect(out).toBe(`pugo-soak ${pkg.version}\n`);
  });
});

describe('defaults', () => {
  it("are the table rows' defaults, and resolveOptions applies each", () => {
    const resolved = resolveOptions({ url: 'http://127.0.0.1:9' }) as Record<string, unknown>;
    const withDefault = optionRows.filter(
      ([, row]) => row.scope !== 'cli' && row.default !== undefined,
    );
    expect(withDefault.length).toBeGreaterThan(12);
    for (const [key, row] of withDefault) {
      expect(resolved[key], key).toEqual(row.default);
      if (typeof row.default === 'number' || typeof row.default === 'string')
        expect((defaults as Record<string, unknown>)[key], key).toBe(row.default);
    }
    expect(defaults.quickDurationMs).toBe(optionTable.quick.default);
    expect(resolved.cwd).toBe(process.cwd());
    expect(resolved.env).toEqual({});
  });

  it('every SoakOptions key can be set: by a flag, a config key, or (the run name) the scenario', () => {
    for (const key of soakKeys) {
      const row = optionTable[key];
      expect('flag' in row || 'configKey' in row || key === 'name', key).toBe(true);
    }
  });

  it('a value outside its range is refused with the flag that sets it', () => {
    const bad = (options: Record<string, unknown>) => {
      try {
        resolveOptions({ url: 'http://127.0.0.1:9', ...options });
      } catch (error) {
        if (error instanceof SoakError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    expect(bad({ top: 0 })).toBe(
      '--top must be a positive integer, got 0; run pugo-soak --help for usage',
    );
    expect(bad({ readyTimeoutMs: Number.NaN })).toMatch(
      /^--ready-timeout must be a positive duration, got NaN/,
    );
    expect(bad({ pprof: 'localhost:6060' })).toMatch(
      /^--pprof must be an http\(s\) URL, got "localhost:6060"/,
    );
    expect(bad({ maxRetained: -1 })).toMatch(/^--max-retained must be a size ≥ 0, got -1/);
    expect(bad({ url: 'http://127.0.0.1:9///' })).toBe('accepted');
    expect(resolveOptions({ url: 'http://127.0.0.1:9///' }).url).toBe('http://127.0.0.1:9');
  });
});
