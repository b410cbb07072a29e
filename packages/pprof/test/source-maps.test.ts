// sourceMaps: frames of compiled TypeScript point at the .ts file and line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PprofServer, startPprofServer } from '../src/index.js';
import { decodeProfile, get } from './helpers.js';

const source = `// compiled by the test
export function allocateFromTypeScript(count: number): number[][] {
  const kept: number[][] = [];
  for (let i = 0; i < count; i++) {
    kept.push(new Array<number>(128 * 1024).fill(0));
  }
  return kept;
}
`;
/** V8's heap sampler records each function at its declaration line. */
const declarationLine = 2;

let dir: string;
let server: PprofServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pugo-pprof-maps-'));
  const out = ts.transpileModule(source, {
    fileName: join(dir, 'leaky.ts'),
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      sourceMap: true,
    },
  });
  writeFileSync(join(dir, 'leaky.js'), out.outputText);
  writeFileSync(join(dir, 'leaky.js.map'), out.sourceMapText!);
  server = await startPprofServer({ port: 0, sourceMaps: [dir] });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sourceMaps', () => {
  it('maps heap frames of compiled code to the .ts file and its line', async () => {
    const leaky = createRequire(import.meta.url)(join(dir, 'leaky.js')) as {
      allocateFromTypeScript(count: number): number[][];
    };
    // The compiled line differs from the source line, so a mapped line proves the mapping.
    const compiledLines = readFileSync(join(dir, 'leaky.js'), 'utf8').split('\n');
    expect(
      compiledLines.findIndex((l) => l.includes('function allocateFromTypeScript')) + 1,
    ).not.toBe(declarationLine);
    const held = leaky.allocateFromTypeScript(16);
    const profile = decodeProfile((await get(`${server.url}/heap`)).body);
    const s = profile.stringTable.strings;
    const fn = profile.function.find((f) => s[Number(f.name)] === 'allocateFromTypeScript');
    expect(fn).toBeDefined();
    expect(s[Number(fn!.filename)]).toBe(join(dir, 'leaky.ts'));
    const lines = profile.location.flatMap((l) =>
      l.line
        .filter((line) => Number(line.functionId) === Number(fn!.id))
        .map((line) => Number(line.line)),
    );
    expect(lines).toContain(declarationLine);
    expect(held).toHaveLength(16);
  });
});
