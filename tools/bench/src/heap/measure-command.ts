// Runs a command to completion and measures its wall time and peak RSS (GNU time's %M, else /proc polling).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  /** Wall time from spawn to exit, in seconds. */
  readonly wallSeconds: number;
  /** Peak resident set size of the process and its children, in MB (2^20 bytes). */
  readonly peakRssMB: number;
}

const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs `command args` with stdout to `stdoutFile` (stderr inherited) and measures it. Peak RSS
 * comes from GNU time (wait4's ru_maxrss, which covers children such as `go tool`'s pprof) when
 * /usr/bin/time exists, else from polling /proc/<pid>/status VmHWM every 10 ms.
 */
export async function measureCommand(
  command: string,
  args: readonly string[],
  stdoutFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), 'pugo-bench-time-'));
  const timeFile = join(dir, 'time.txt');
  const out = openSync(stdoutFile, 'w');
  const [file, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { stdio: ['ignore', out, 'inherit'], env });
  let polled = 0;
  const poll = gnuTime
    ? undefined
    : setInterval(() => {
        try {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
          polled = Math.max(polled, kb);
        } catch {
          // The process is gone; the last reading stands.
        }
      }, 10);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (poll) clearInterval(poll);
  closeSync(out);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
  const kb = gnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : polled;
  rmSync(dir, { recursive: true, force: true });
  return { wallSeconds, peakRssMB: kb / 1024 };
}
