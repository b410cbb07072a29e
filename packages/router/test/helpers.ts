// Test helpers: a fastify app serving a router, with its log lines captured.
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Router } from '../src/index.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestApp {
  app: FastifyInstance;
  logs: LogLine[];
}

/** A fastify app with `router` registered and every log line (JSON) collected in `logs`. */
export async function serve(
  router: Router,
  setup?: (app: FastifyInstance) => Promise<void> | void,
): Promise<TestApp> {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '') logs.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  const app = Fastify({ logger: { level: 'trace', stream } });
  await setup?.(app);
  await app.register(router.plugin());
  await app.ready();
  return { app, logs };
}
