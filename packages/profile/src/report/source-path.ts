// Finding source files for `list`: pprof's trimPath and search along -source_path.
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';

function splitList(s: string): string[] {
  return s === '' ? [] : s.split(':');
}

/** Removes a search-path or -trim_path prefix (and /proc/self/cwd/) from a recorded file name. */
export function trimPath(path: string, trim: string, searchPath: string): string {
  return pathTrimmer(trim, searchPath)(path);
}

/** {@link trimPath} with its settings parsed once, for trimming many names. */
export function pathTrimmer(trim: string, searchPath: string): (path: string) => string {
  const wants = trim === '' ? splitList(searchPath).map((dir) => `/${basename(dir)}/`) : [];
  const prefixes = [...splitList(trim), '/proc/self/cwd/./', '/proc/self/cwd/'].map((p) =>
    p.endsWith('/') ? p : `${p}/`,
  );
  return (path) => {
    for (const want of wants) {
      const found = path.indexOf(want);
      if (found !== -1) return path.slice(found + want.length);
    }
    for (const prefix of prefixes) {
      if (path.startsWith(prefix)) return path.slice(prefix.length);
    }
    return path;
  };
}

/** The lines of a source file, or the error pprof reports when it cannot be found. */
export function readSourceLines(
  path: string,
  searchPath: string,
  trim: string,
): { lines: string[] } | { error: string } {
  const trimmed = trimPath(path, trim, searchPath);
  const candidates: string[] = [];
  if (isAbsolute(trimmed)) {
    candidates.push(trimmed);
  } else {
    for (let dir of splitList(searchPath)) {
      for (;;) {
        candidates.push(join(dir, trimmed));
        const parent = dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
  }
  for (const file of candidates) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (isAbsolute(trimmed)) {
        const code = (error as { code?: string }).code;
        const reason =
          code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message);
        return { error: `open ${trimmed}: ${reason}` };
      }
      continue;
    }
    // bufio.Scanner's lines: split on \n, drop a trailing \r, no empty last line.
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return { lines: lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) };
  }
  return { error: `could not find file ${trimmed} on path ${searchPath}` };
}
