// Benches other workspace packages declare (`"pugo": { "benches": [...] }` in their package.json),
// run through that package's own `bench` script: the bench tool never imports an app.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A bench that lives in another workspace package. */
export interface DeclaredBench {
  /** The bench's name, e.g. `blog`. */
  readonly name: string;
  /** The package that declares it, e.g. `@pugo/blog`. */
  readonly packageName: string;
  /** Its folder. */
  readonly dir: string;
}

/** The benches each package in `packages` declares, by name (the first declaration wins). */
export function declaredBenches(
  packages: readonly { readonly name: string; readonly path: string }[],
): Map<string, DeclaredBench> {
  const found = new Map<string, DeclaredBench>();
  for (const { name: packageName, path: dir } of packages) {
    let manifest: { pugo?: { benches?: unknown } };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue; // the workspace root or a folder without a readable manifest
    }
    const benches = manifest.pugo?.benches;
    if (!Array.isArray(benches)) continue;
    for (const name of benches) {
      if (typeof name === 'string' && !found.has(name)) {
        found.set(name, { name, packageName, dir });
      }
    }
  }
  return found;
}

/** Every bench declared in the workspace, found through pnpm's own list of workspace packages. */
export async function workspaceBenches(): Promise<Map<string, DeclaredBench>> {
  const { stdout } = await run('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return declaredBenches(JSON.parse(stdout) as { name: string; path: string }[]);
}

/**
 * Runs `pnpm --filter <package> bench <argv…>` with this terminal, and resolves to its exit code.
 * The package's `bench` script builds what it needs and runs the bench with this harness.
 */
export function runDeclaredBench(bench: DeclaredBench, argv: readonly string[]): Promise<number> {
  const child = spawn(
    'pnpm',
    ['--filter', bench.packageName, '--silent', 'run', 'bench', ...argv.filter((w) => w !== '--')],
    { stdio: 'inherit' },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // A child killed by a signal exits as a shell would report it: 128 + the signal's number.
    child.once('exit', (code, signal) =>
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal])),
    );
  });
}
