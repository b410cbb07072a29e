// Entry point of the pugo-soak command: runs the driver on this process's argv; Ctrl-C stops the target.
import { run } from './run.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
// autocannon and fetch keep-alive sockets must not hold the verdict back.
setTimeout(() => process.exit(), 200).unref();
