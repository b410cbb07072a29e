// End to end: when the harness cannot judge (no metrics, a crash, no start, errors), exit 2 with one clear line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { fixtureCmd, fixtures, lastLine, quickFlags, runBin, soak } from './helpers/soak.js';

describe.concurrent('harness failures', () => {
  it('a service without /debug/pprof/metrics: exit 2 and how to add @pugo/pprof', async () => {
    const r = await soak([
      '--cmd',
      fixtureCmd('no-metrics'),
      '--cwd',
      fixtures,
      '--ready',
      '/healthz',
      ...quickFlags,
      '--no-report',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lastLine(r.stderr)).toMatch(
      /^pugo-soak: no pprof metrics endpoint answered \(tried http:\/\/127\.0\.0\.1:\d+\/debug\/pprof\/metrics, http:\/\/127\.0\.0\.1:\d+\/debug\/pprof\/metrics\); add @pugo\/pprof to the service \(fastify: `app\.register\(pprofPlugin\)`/,
    );
  }, 120_000);

  it('a service that crashes under load: exit 2 with its stderr', async () => {
    const r = await soak([
      '--cmd',
      fixtureCmd('crash'),
      '--cwd',
      fixtures,
      '--ready',
      '/healthz',
      ...quickFlags,
      '--no-report',
    ]);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe(
      'pugo-soak: the target exited with code 3 during load; its stderr ended with: fixture: connection pool exhausted, giving up',
    );
  }, 120_000);

  it('a target that dies at start-up or never answers: exit 2 with the reason', async () => {
    const dies = await soak([
      '--cmd',
      `node -e "console.error('boom: DATABASE_URL is not set'); process.exit(4)"`,
      '--no-report',
    ]);
    expect(dies.code).toBe(2);
    expect(lastLine(dies.stderr)).toBe(
      'pugo-soak: the target exited with code 4 during start-up; its stderr ended with: boom: DATABASE_URL is not set',
    );
    const silent = await soak([
      '--cmd',
      `node -e "setInterval(() => {}, 1000)"`,
      '--ready-timeout',
      '1s',
      '--no-report',
    ]);
    expect(silent.code).toBe(2);
    expect(lastLine(silent.stderr)).toMatch(
      /^pugo-soak: the target did not answer http:\/\/127\.0\.0\.1:\d+\/ within 1s \(last: ECONNREFUSED\); check --ready and --ready-timeout$/,
    );
  }, 120_000);

  it('an error rate above --max-error-rate: exit 2, the report still written', async () => {
    // The admin refuses edits without a login: every request is a 403.
    const r = await soak([
      '--cmd',
      fixtureCmd('admin'),
      '--cwd',
      fixtures,
      '--ready',
      '/healthz',
      '--duration',
      '3s',
      '--interval',
      '0.5s',
      '--drain',
      '0s',
      '-c',
      '2',
      '--rate',
      '100',
      '--json',
      '--routes',
      `${fixtures}admin-edit.routes.json`,
    ]);
    expect(r.code).toBe(2);
    expect(r.report?.verdict).toBe('error');
    expect(r.report?.error?.code).toBe('PUGO_ERR_SOAK_ERROR_RATE');
    expect(lastLine(r.stderr)).toMatch(
      /^pugo-soak: the error rate 100\.00% passed --max-error-rate 1% \(0 connection errors, \d+ unexpected statuses, most from POST \/admin\/posts\/1: 403×\d+\); .* \(report: .+\)$/,
    );
  }, 120_000);

  it('Ctrl-C during the load: exit 2 naming the phase, the target stopped', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'soak-abort-')), 'pid');
    const controller = new AbortController();
    let stderr = '';
    const code = await run(
      [
        '--cmd',
        `echo $$ > ${pidFile}; exec ${fixtureCmd('clean')}`,
        '--cwd',
        fixtures,
        '--ready',
        '/healthz',
        ...quickFlags,
        '--no-report',
      ],
      {
        stdout: { write: () => {} },
        stderr: {
          write: (text: string) => {
            stderr += text;
            if (text.startsWith('pugo-soak: load for')) controller.abort();
          },
        },
        signal: controller.signal,
      },
    );
    expect(code).toBe(2);
    expect(lastLine(stderr)).toBe(
      'pugo-soak: the soak was interrupted during load; the target was stopped and no verdict was reached',
    );
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    await sleep(100);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 120_000);

  it('--inject merges a scenario of the config (its env reaches the target); an unknown one is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soak-scenario-'));
    const config = join(dir, 'soak.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        cmd: `node -e "console.error('inject=' + process.env.PUGO_INJECT_LEAK + ' base=' + process.env.BASE); process.exit(5)"`,
        env: { BASE: 'kept', PUGO_INJECT_LEAK: '' },
        scenarios: {
          cache: { env: { PUGO_INJECT_LEAK: 'cache' } },
          listener: { env: { PUGO_INJECT_LEAK: 'listener' } },
        },
      }),
    );
    const r = await soak(['--config', config, '--inject', 'cache', '--no-report']);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe(
      'pugo-soak: the target exited with code 5 during start-up; its stderr ended with: inject=cache base=kept',
    );
    const unknown = await soak(['--config', config, '--scenario', 'timer', '--no-report']);
    expect(unknown.code).toBe(2);
    expect(lastLine(unknown.stderr)).toBe(
      `pugo-soak: no scenario "timer" in ${config}; known: cache, listener; run pugo-soak --help for usage`,
    );
  }, 60_000);

  it("a JS config's teardown runs once the soak is over, whatever its outcome", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soak-teardown-'));
    const marker = join(dir, 'made-by-config');
    const config = join(dir, 'soak.config.mjs');
    writeFileSync(
      config,
      `import { appendFileSync, writeFileSync } from 'node:fs';
export default () => {
  writeFileSync(${JSON.stringify(marker)}, 'made\\n');
  return {
    cmd: 'node -e "process.exit(3)"',
    scenarios: { other: {} },
    teardown: () => appendFileSync(${JSON.stringify(marker)}, 'removed\\n'),
  };
};
`,
    );
    const failed = await soak(['--config', config, '--no-report']);
    expect(failed.code).toBe(2);
    expect(readFileSync(marker, 'utf8')).toBe('made\nremoved\n');
    const usage = await soak(['--config', config, '--scenario', 'nope', '--no-report']);
    expect(usage.code).toBe(2);
    expect(readFileSync(marker, 'utf8')).toBe('made\nremoved\n');
    const bad = join(dir, 'bad.config.mjs');
    writeFileSync(
      bad,
      "export default { url: 'http://127.0.0.1:9', teardown: 'rm -rf /tmp/x' };\n",
    );
    const refused = await soak(['--config', bad, '--no-report']);
    expect(refused.code).toBe(2);
    expect(lastLine(refused.stderr)).toMatch(/"teardown" must be a function \(in a JS config\)$/);
  }, 60_000);

  it('the bin: --help with examples (exit 0), a bad flag on one line (exit 2)', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pugo-soak --cmd "node server.js" --ready /healthz --quick');
    expect(help.stdout).toMatch(/--max-retained SIZE .*\(default: 16\.0 MB\)/);
    const bad = await runBin(['--cmd', 'node x.js', '--interval', 'often']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'pugo-soak: --interval takes a duration such as 90s, 5m or 500ms, got "often"; run pugo-soak --help for usage\n',
    );
    expect(bad.stdout).toBe('');
  }, 60_000);
});
