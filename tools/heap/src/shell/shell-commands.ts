// What one line typed at the (pprof) prompt means, following pprof's interactive.go: commands, options, shortcuts.

import { HeapError } from '../errors.js';
import type { Command } from '../settings/args.js';
import { type Config, configure, findSetting, settings } from '../settings/config.js';
import { reportCommands, unsupportedFlags } from '../settings/flags.js';
import { resolveSampleIndex } from '../settings/resolve-sample-index.js';

/** The profile facts the shell needs: its sample types. */
export interface ShellProfile {
  readonly sampleType: readonly { readonly type: string }[];
  readonly defaultSampleType?: string;
}

/** What a line asks for. */
export type Action =
  | { readonly type: 'nothing' }
  | { readonly type: 'quit' }
  | { readonly type: 'options' }
  | { readonly type: 'help'; readonly topic: string }
  | { readonly type: 'set'; readonly config: Config }
  | { readonly type: 'report'; readonly command: Command; readonly config: Config }
  | { readonly type: 'error'; readonly message: string };

const tailDigits = /[0-9]+$/;

/**
 * The lines `input` stands for: `:` clears the filters, a sample type name (`alloc_space`) selects
 * it; anything else is itself.
 */
export function expandShortcuts(input: string, profile: ShellProfile): string[] {
  const line = input.trim();
  if (line === ':') return ['focus=', 'ignore=', 'hide='];
  if (profile.sampleType.some((t) => t.type === line)) return [`sample_index=${line}`];
  return [line];
}

/** Interprets one (already expanded) line against the current settings, without changing them. */
export function interpret(input: string, current: Config, profile: ShellProfile): Action {
  const eq = input.indexOf('=');
  const name = (eq === -1 ? input : input.slice(0, eq)).trim();
  const setting = findSetting(name);
  if (setting !== undefined) {
    if (eq === -1 && setting.kind !== 'bool' && !setting.choices?.includes(name)) {
      return { type: 'error', message: `please specify a value, e.g. ${name}=<val>` };
    }
    let value = eq === -1 ? '' : input.slice(eq + 1);
    const comment = value.lastIndexOf('//:');
    if (comment !== -1) value = value.slice(0, comment);
    value = value.trim();
    const config = { ...current };
    try {
      if (name === 'sample_index') value = resolveSampleIndex(profile, value);
      configure(config, name, value);
      if (value === '' && setting.kind === 'string' && !setting.choices) {
        delete (config as Record<string, unknown>)[setting.key];
      }
    } catch (error) {
      return { type: 'error', message: messageOf(error) };
    }
    return { type: 'set', config };
  }

  const tokens = input.split(/\s+/).filter((t) => t !== '');
  const first = tokens[0];
  if (first === undefined) return { type: 'nothing' };
  switch (first) {
    case 'o':
    case 'options':
      return { type: 'options' };
    case 'exit':
    case 'quit':
    case 'q':
      return { type: 'quit' };
    case 'help':
      return { type: 'help', topic: tokens.slice(1).join(' ') };
  }
  return parseCommandLine(tokens, current);
}

/** A report command with its arguments: `top 10 -cum main -runtime >out.txt`, `peek RE`. */
export function parseCommandLine(tokens: readonly string[], current: Config): Action {
  let name = tokens[0]!;
  let args = tokens.slice(1);
  if (!Object.hasOwn(reportCommands, name)) {
    // Abbreviated counts: top10 is top 10.
    const digits = tailDigits.exec(name)?.[0];
    if (
      digits !== undefined &&
      digits !== name &&
      Object.hasOwn(reportCommands, name.slice(0, -digits.length))
    ) {
      name = name.slice(0, -digits.length);
      args = [digits, ...args];
    }
  }
  const spec = Object.hasOwn(reportCommands, name) ? reportCommands[name] : undefined;
  if (spec === undefined) {
    if (findSetting(name) !== undefined) {
      return { type: 'error', message: `did you mean: ${name}=${args[0] ?? '<val>'}` };
    }
    if (unsupportedFlags.has(name)) {
      return {
        type: 'error',
        message: `${JSON.stringify(name)} is a go tool pprof command pugo-heap does not support`,
      };
    }
    return { type: 'error', message: `unrecognized command: ${JSON.stringify(name)}` };
  }
  let regexp: string | undefined;
  if (spec.hasParam) {
    if (args.length === 0)
      return { type: 'error', message: `command ${name} requires an argument` };
    regexp = args[0];
    args = args.slice(1);
  }
  const config: Config = { ...current };
  let focus = '';
  let ignore = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^[+-]?\d+$/.test(arg) && Math.abs(Number(arg)) < 2 ** 31) {
      config.nodeCount = Number(arg);
      continue;
    }
    if (arg.startsWith('>')) {
      let file = arg.slice(1);
      if (file === '') {
        i++;
        if (i >= args.length) return { type: 'error', message: 'unexpected end of line after >' };
        file = args[i]!;
      }
      config.output = file;
    } else if (arg.startsWith('-')) {
      if (arg === '-cum' || arg === '--cum') config.sort = 'cum';
      else ignore = catRegex(ignore, arg.slice(1));
    } else {
      focus = catRegex(focus, arg);
    }
  }
  if (focus !== '') config.focus = focus;
  if (ignore !== '') config.ignore = ignore;
  const command: Command = regexp === undefined ? { kind: spec.kind } : { kind: spec.kind, regexp };
  return { type: 'report', command, config };
}

function catRegex(a: string, b: string): string {
  return a !== '' && b !== '' ? `${a}|${b}` : a + b;
}

/** The `o` listing: every setting with its value, pprof's layout (`  name = value //: choices`). */
export function formatOptions(config: Config, profile: ShellProfile): string {
  const lines: string[] = [];
  for (const setting of settings) {
    if (setting.name === 'source_path') continue;
    const value = (config as Record<string, unknown>)[setting.key];
    let text = value === undefined ? setting.defaultValue : String(value);
    let comment = '';
    if (setting.choices !== undefined) {
      comment = `[${[...setting.choices].sort().join(' | ')}]`;
    } else if (setting.name === 'sample_index') {
      const types = profile.sampleType.map((t) => t.type);
      if (text === '') text = types[types.length - 1] ?? '';
      comment = `[${types.join(' | ')}]`;
    } else if (setting.name === 'nodecount' && text === '-1') {
      comment = 'default';
    } else if (text === '') {
      text = '""';
    }
    if (comment !== '') comment = `//: ${comment}`;
    lines.push(`  ${setting.name.padEnd(25)} = ${text.padEnd(20)} ${comment}`);
  }
  return lines.sort().join('\n');
}

function messageOf(error: unknown): string {
  if (error instanceof HeapError)
    return error.message.replace(/; run pugo-heap --help for usage$/, '');
  return error instanceof Error ? error.message : String(error);
}
