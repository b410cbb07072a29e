#!/usr/bin/env node
// Starts pugo-heap: the built CLI when there is one, else (in a fresh checkout) its TypeScript source via tsx.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
// PUGO_HEAP_SOURCE=1 runs the source even when a build exists, so tests never run a stale dist.
if (existsSync(fileURLToPath(built)) && process.env.PUGO_HEAP_SOURCE !== '1') {
  await import(built.href);
} else {
  try {
    const { register: registerTsx } = await import('tsx/esm/api');
    registerTsx();
  } catch {
    process.stderr.write('pugo-heap: not built; run `pnpm --filter @pugo/heap build` first\n');
    process.exit(2);
  }
  // From source, workspace packages resolve to their sources too (the "@pugo/source" export
  // condition), so a fresh checkout runs without building @pugo/profile first.
  const hook = `export function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: ['@pugo/source', ...context.conditions] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
