#!/usr/bin/env node
// Starts pugo-heap: the built CLI when there is one, else (in a fresh checkout) its TypeScript source via tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
  } catch {
    process.stderr.write('pugo-heap: not built; run `pnpm --filter @pugo/heap build` first\n');
    process.exit(2);
  }
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
