// Entry point of the pugo-heap command: runs the driver on this process's argv and streams.
import { run } from './run.js';

// A closed pipe (`pugo-heap -traces p.pb.gz | head`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
