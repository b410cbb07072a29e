// A minimal HTTP/1.1 client for load in tests: pipelines GETs on one keep-alive socket, counts replies.
// Hand-written so the memory test measures the server: fetch and fastify.inject keep kilobytes per call
// in the test process itself, and a bare socket keeps nothing.
import { connect, type Socket } from 'node:net';

export interface PipelinedClient {
  /** Sends every path at once and resolves when all answered; rejects if any was not a 200. */
  get(paths: readonly string[]): Promise<void>;
  close(): void;
}

/**
 * Connects to `127.0.0.1:port`. Replies are counted by their status lines, so it is only for
 * responses whose bodies do not contain "HTTP/1.1 " (the tests' own routes).
 */
export async function pipelinedClient(port: number): Promise<PipelinedClient> {
  const socket: Socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let pending = 0;
  let buffered = '';
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('latin1');
    for (;;) {
      const at = buffered.indexOf('HTTP/1.1 ');
      if (at === -1 || buffered.length < at + 12) break;
      const status = buffered.slice(at + 9, at + 12);
      if (status !== '200') failure ??= `status ${status}`;
      buffered = buffered.slice(at + 12);
      pending--;
    }
    if (pending === 0) wake?.();
  });
  socket.on('error', (error) => {
    failure ??= error.message;
    wake?.();
  });
  return {
    get(paths) {
      pending += paths.length;
      const done = new Promise<void>((resolve, reject) => {
        wake = () => {
          wake = undefined;
          if (failure !== undefined) reject(new Error(`a request failed: ${failure}`));
          else resolve();
        };
      });
      socket.write(paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`).join(''));
      return done;
    },
    close() {
      socket.destroy();
    },
  };
}
