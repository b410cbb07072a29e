// What the admin CLIs touch of the process: output, the password prompt, and the exit code.
import { createInterface } from 'node:readline';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Reads a password: PUGO_PASSWORD, else a hidden prompt on a terminal, else stdin's first line. */
  readPassword(prompt: string): Promise<string>;
}

/** The real process. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async readPassword(prompt) {
    if (process.env.PUGO_PASSWORD) return process.env.PUGO_PASSWORD;
    const rl = createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: process.stdin.isTTY === true,
    });
    if (process.stdin.isTTY) {
      process.stderr.write(prompt);
      // Echo nothing while typing: readline writes through this once the prompt is out.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    const line = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    rl.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
    return line;
  },
};
