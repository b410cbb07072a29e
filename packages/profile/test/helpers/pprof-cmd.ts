// Test helper: turns a golden `.cmd` (a go tool pprof command line) into sources and ReportOptions.
import type { Granularity, ReportOptions } from '../../src/index.js';

/** Splits a POSIX shell command into words (quotes and backslash escapes, no expansions). */
export function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (c === "'") {
      const end = cmd.indexOf("'", i + 1);
      cur += cmd.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < cmd.length && cmd[i] !== '"') {
        if (cmd[i] === '\\' && '"\\$`'.includes(cmd[i + 1] ?? '')) i++;
        cur += cmd[i];
        i++;
      }
      inWord = true;
    } else if (c === '\\') {
      cur += cmd[i + 1] ?? '';
      i++;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** A parsed command: the report options plus the files they name. */
export interface ParsedCommand {
  sources: string[];
  base?: string[];
  diffBase?: string[];
  options: Omit<ReportOptions, 'base' | 'diffBase'>;
}

const BOOL = new Set([
  'top',
  'tree',
  'traces',
  'cum',
  'flat',
  'normalize',
  'inuse_space',
  'inuse_objects',
  'alloc_space',
  'alloc_objects',
  'functions',
  'filefunctions',
  'files',
  'lines',
  'addresses',
]);

/** Parses `go tool pprof FLAGS SOURCES` as pprof's flag package does (`-f v` and `-f=v`). */
export function parsePprofCommand(cmd: string): ParsedCommand {
  const words = shellWords(cmd.trim());
  const args = words.slice(words.indexOf('pprof') + 1);
  const parsed: ParsedCommand = { sources: [], options: { kind: 'top' } };
  const o = parsed.options;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) {
      parsed.sources.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    let value = eq >= 0 ? body.slice(eq + 1) : undefined;
    if (!BOOL.has(name) && value === undefined) value = args[++i]!;
    switch (name) {
      case 'top':
      case 'tree':
      case 'traces':
        o.kind = name;
        break;
      case 'peek':
      case 'list':
        o.kind = name;
        o.regexp = value!;
        break;
      case 'cum':
        o.cum = true;
        break;
      case 'flat':
        o.cum = false;
        break;
      case 'nodecount':
        o.nodeCount = Number(value);
        break;
      case 'nodefraction':
        o.nodeFraction = Number(value);
        break;
      case 'edgefraction':
        o.edgeFraction = Number(value);
        break;
      case 'focus':
      case 'ignore':
      case 'hide':
      case 'show':
        o[name] = value!;
        break;
      case 'sample_index':
        o.sampleIndex = value!;
        break;
      case 'inuse_space':
      case 'inuse_objects':
      case 'alloc_space':
      case 'alloc_objects':
        o.sampleIndex = name;
        break;
      case 'functions':
      case 'filefunctions':
      case 'files':
      case 'lines':
      case 'addresses':
        o.granularity = name as Granularity;
        break;
      case 'base':
        parsed.base = [...(parsed.base ?? []), value!];
        break;
      case 'diff_base':
        parsed.diffBase = [...(parsed.diffBase ?? []), value!];
        break;
      case 'normalize':
        o.normalize = true;
        break;
      case 'source_path':
        o.sourcePath = value!.split(':');
        break;
      case 'trim_path':
        o.trimPath = value!;
        break;
      default:
        throw new Error(`golden command uses an unsupported flag: ${a}`);
    }
  }
  return parsed;
}
