// -dot, -svg, -flame, -web and the shell's `web`: pictures from the CLI, and the flame graph's safety.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '@pugo/profile';
import { describe, expect, test, vi } from 'vitest';
import { flameData } from '../src/flame/flame-data.js';
import { flameHtml } from '../src/flame/flame-html.js';
import { browserCommand } from '../src/web/open-browser.js';
import { fixtures, runCli } from './helpers/run-cli.js';
import { xmlProblem } from './helpers/xml-check.js';

// Each case starts pugo-heap processes; a loaded 2-core CI machine needs room.
vi.setConfig({ testTimeout: 120_000 });

const end = 'go-heap-leaky-end.pb.gz';
const start = 'go-heap-leaky-start.pb.gz';
const dotGolden = (name: string) =>
  readFileSync(join(fixtures, 'golden-dot', `${name}.dot`), 'utf8');
// Never start a real browser from a test.
const noBrowser = { env: { BROWSER: '', DISPLAY: '', WAYLAND_DISPLAY: '' } };

function flameJson(html: string): {
  names: string[];
  diff: boolean;
  callees: { name: number[]; total: number[]; delta: number[] };
  callers: { name: number[]; parent: number[] };
} {
  const json = /<script type="application\/json" id="flame-data">([\s\S]*?)<\/script>/.exec(
    html,
  )?.[1];
  return JSON.parse(json ?? 'null');
}

describe.concurrent('pictures from the command line', () => {
  test('-dot prints go tool pprof -dot byte for byte; -diff_base too', async () => {
    const [plain, diff] = await Promise.all([
      runCli(['-dot', end]),
      runCli(['-dot', '-diff_base', start, end]),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(dotGolden('go-heap-end'));
    expect(diff.stdout).toBe(dotGolden('go-heap.diff-base'));
  });

  test('-svg prints well-formed SVG with the top nodes, rendered without system Graphviz', async () => {
    const result = await runCli(['-svg', end], { env: { PATH: '/nonexistent' } });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<?xml')).toBe(true);
    expect(xmlProblem(result.stdout)).toBeUndefined();
    for (const name of [
      'main.(*ArticleController).Get',
      'main.(*ThemeRender).Assign',
      'reflect.Value.Call',
    ]) {
      expect(result.stdout).toContain(`${name} (`);
    }
    expect(result.stdout).toContain('133571.15kB (85.54%)');
  });

  test('-flame writes one HTML file with its data and no network resource', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pugo-heap-flame-'));
    const file = join(dir, 'flame.html');
    const result = await runCli(['-flame', `-output=${file}`, end]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Generating report in ${file}\n`);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
    const data = flameJson(html);
    expect(data.names).toContain('main.(*ArticleController).Get');
    expect(data.diff).toBe(false);
    // The page's code is browser/flame-client.js, inlined as it is in the package.
    const client = readFileSync(
      join(import.meta.dirname, '..', 'browser', 'flame-client.js'),
      'utf8',
    );
    expect(html).toContain(`<script type="module">${client}</script>`);
  });

  test('-flame -diff_base marks a diff; -flame honours -focus', async () => {
    const [diff, focus] = await Promise.all([
      runCli(['-flame', '-diff_base', start, end]),
      runCli(['-flame', '-focus=Assign', end]),
    ]);
    expect(flameJson(diff.stdout).diff).toBe(true);
    const data = flameJson(focus.stdout);
    expect(data.names).toContain('main.(*ThemeRender).Assign');
    expect(data.names).not.toContain('main.NewRoute');
  });

  test('-web writes the SVG to a temp file and prints its path; -no_browser opens nothing', async () => {
    const result = await runCli(['-web', '-no_browser', end], noBrowser);
    expect(result.code).toBe(0);
    const path = /^Graph written to (.+\.svg)$/m.exec(result.stderr)?.[1];
    expect(path).toBeDefined();
    expect(xmlProblem(readFileSync(path!, 'utf8'))).toBeUndefined();
    expect(result.stderr).toContain('No browser to open it here');
  });

  test('the shell has web, dot, svg and flame', async () => {
    const result = await runCli([end], { ...noBrowser, input: 'web\ndot 5\nquit\n' });
    expect(result.code).toBe(0);
    const path = /Graph written to (.+\.svg)/.exec(result.stderr)?.[1];
    expect(path !== undefined && existsSync(path)).toBe(true);
    expect(result.stdout).toContain('digraph "minitango" {');
    expect(result.stdout).toContain('Showing top 1 nodes out of 12');
  });

  test('bad -http values are one line and exit 2', async () => {
    const [split, remote] = await Promise.all([
      runCli(['-http=nocolon', end]),
      runCli(['-http=0.0.0.0:0', end]),
    ]);
    expect(split.code).toBe(2);
    expect(split.stderr).toMatch(
      /^pugo-heap: could not split -http=nocolon into host and port.*\n$/,
    );
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(
      /^pugo-heap: refusing to serve the web UI on 0\.0\.0\.0.*-http_remote.*\n$/,
    );
  });
});

function tinyProfile(names: string[]): Profile {
  const fn = names.map((name, i) => ({
    id: i + 1,
    name,
    systemName: name,
    filename: 'x.js',
    startLine: 1,
  }));
  const location = fn.map((f) => ({
    id: f.id,
    mapping: undefined,
    address: 0,
    line: [{ function: f, line: 1 }],
    isFolded: false,
  }));
  return {
    sampleType: [{ type: 'inuse_space', unit: 'bytes' }],
    defaultSampleType: '',
    sample: [
      {
        location: [location[1]!, location[0]!],
        value: [100],
        label: {},
        numLabel: {},
        numUnit: {},
      },
      { location: [location[0]!], value: [50], label: {}, numLabel: {}, numUnit: {} },
    ],
    mapping: [],
    location,
    function: fn,
    comments: [],
    dropFrames: '',
    keepFrames: '',
    timeNanos: 0,
    durationNanos: 0,
    periodType: { type: 'space', unit: 'bytes' },
    period: 1,
  };
}

describe('flame graph data', () => {
  test('a function named </script> cannot end the data element or run', () => {
    const evil = '</script><script>alert(1)</script>\u2028';
    const html = flameHtml(flameData(tinyProfile(['main', evil]), { kind: 'top' }, ['Type: <b>']));
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('Type: &lt;b&gt;');
    expect(flameJson(html).names).toContain(evil);
  });

  test('identical frames merge into a tree; the caller view starts at the leaves', () => {
    const data = flameData(tinyProfile(['main', 'leaf']), { kind: 'top' }, []);
    const name = (i: number | undefined) => data.names[data.callees.name[i ?? -1] ?? -1];
    expect(data.callees.total).toEqual([150, 150, 100]);
    expect([name(1), name(2)]).toEqual(['main', 'leaf']);
    expect(data.callees.self).toEqual([0, 50, 100]);
    const inv = data.callers;
    expect(inv.name.map((n) => data.names[n] ?? 'root')).toEqual(['root', 'leaf', 'main', 'main']);
    expect(inv.total).toEqual([150, 100, 100, 50]);
  });

  test('browsers open only where one exists', () => {
    expect(browserCommand({ BROWSER: 'firefox --new-tab' }, 'linux')).toEqual([
      'firefox',
      '--new-tab',
    ]);
    expect(browserCommand({}, 'linux')).toBeUndefined();
    expect(browserCommand({ DISPLAY: ':0' }, 'linux')).toEqual(['xdg-open']);
    expect(browserCommand({ BROWSER: '' }, 'darwin')).toBeUndefined();
    expect(browserCommand({}, 'darwin')).toEqual(['open']);
  });
});
