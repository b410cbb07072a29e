// `pnpm dev` until the blog lands (issue 6): a page on HOST:PORT that says what is coming and where.
import Fastify from 'fastify';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(
    `pugo blog: PORT must be an integer from 0 to 65535, got "${process.env.PORT}"\n`,
  );
  process.exit(2);
}

const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Pugo</title>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Pugo</h1>
<p>The blog is not built yet: this placeholder stands in for it until it lands.
The platform under it is in <code>packages/</code> and <code>tools/</code>; see the README.</p>
</body>
</html>
`;

const app = Fastify({ logger: false });
app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
app.get('/healthz', async () => ({ ok: true }));

try {
  const address = await app.listen({ host, port });
  process.stderr.write(`pugo blog (placeholder) listening on ${address}\n`);
} catch (error) {
  process.stderr.write(
    `pugo blog: cannot listen on ${host}:${port}: ${(error as Error).message}\n`,
  );
  process.exit(2);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
