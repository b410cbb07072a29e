// Runs a TypeScript entry of the blog in a child Node process (tsx, source condition) and collects what it said.
import { execFile } from 'node:child_process';

export interface NodeRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `node [nodeArgs] --conditions=@pugo/source --import tsx ...args` with `env` over the test's
 * environment. Never rejects: a non-zero exit is in `code`.
 */
export function runNode(
  args: readonly string[],
  env: Record<string, string> = {},
  options: { nodeArgs?: readonly string[]; timeoutMs?: number } = {},
): Promise<NodeRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), '--conditions=@pugo/source', '--import', 'tsx', ...args],
      {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
