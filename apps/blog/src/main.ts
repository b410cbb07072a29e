// Entry point of `pnpm dev` and `pnpm --filter @pugo/blog start`: config, start, one line, signals.
import { loadConfig } from './config.js';
import { BlogError } from './errors.js';
import { startBlog } from './server.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof BlogError)) throw error;
  process.stderr.write(`pugo blog: ${error.message}\n`);
  process.exit(2);
}

try {
  const blog = await startBlog(config);
  process.stderr.write(`${blog.summary}\n`);
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      blog.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  const reason =
    err.code === 'EADDRINUSE'
      ? `port ${config.port} on ${config.host} is in use; stop the other server or set PORT`
      : err.message;
  process.stderr.write(`pugo blog: cannot start: ${reason}\n`);
  process.exit(err.code === 'EADDRINUSE' || /^PUGO_ERR_/.test(String(err.code)) ? 2 : 1);
}
