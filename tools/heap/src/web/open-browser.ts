// Opens a URL or file in the user's browser where there is one: $BROWSER, else xdg-open / open / start.
import { spawn } from 'node:child_process';

/**
 * The command that would open a browser, or undefined when none can: no $BROWSER and, on Linux,
 * no display (a server, a container, CI).
 */
export function browserCommand(
  env: NodeJS.ProcessEnv,
  platform = process.platform,
): string[] | undefined {
  const configured = env.BROWSER?.trim();
  if (configured !== undefined && configured !== '') return configured.split(/\s+/);
  if (env.BROWSER === '') return undefined;
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ['xdg-open'];
  return undefined;
}

/** Starts the browser on `target` without waiting; returns whether one was started. */
export function openBrowser(target: string, env: NodeJS.ProcessEnv): boolean {
  const command = browserCommand(env);
  if (command === undefined) return false;
  try {
    const child = spawn(command[0]!, [...command.slice(1), target], {
      stdio: 'ignore',
      detached: true,
      env,
    });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
