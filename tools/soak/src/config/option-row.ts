// The shape of one row of the option table: how a value is written, where it is accepted, its help line.
import type { RouteSpec } from './route-spec.js';
import type { SetupHook, SetupStep } from './setup-spec.js';

/** How an option's value is written, and what it becomes once read. */
export type OptionKind =
  /** A string as given (a command, a path on the service). */
  | 'text'
  /** An http(s) URL; trailing slashes are dropped. */
  | 'url'
  /** A folder or file; in a config file, relative to the file's folder. */
  | 'path'
  /** NAME=VALUE pairs: a repeatable flag, or an object of strings in a config file. */
  | 'env'
  /** Milliseconds, written `90s`, `5m`, `500ms` (a bare number is seconds). */
  | 'duration'
  /** Bytes, written `64`, `2KB`, `16MB` (binary units; a bare number is bytes). */
  | 'size'
  /** A plain number. */
  | 'number'
  /** A number; a flag may also write it as a percentage (`20%`). */
  | 'fraction'
  /** A flag without a value. */
  | 'switch'
  /** The request mix: a JSON file (flag), a list or a file (config file). */
  | 'routes'
  /** Setup steps, or a hook in a JS config. */
  | 'setup'
  /** A function (JS config files only). */
  | 'function'
  /** Named option sets merged over the file's options. */
  | 'scenarios';

/** What a value of each kind is once read. */
export type KindValue<K extends OptionKind> = K extends 'text' | 'url' | 'path'
  ? string
  : K extends 'env'
    ? Readonly<Record<string, string>>
    : K extends 'duration' | 'size' | 'number' | 'fraction'
      ? number
      : K extends 'switch'
        ? boolean
        : K extends 'routes'
          ? readonly RouteSpec[]
          : K extends 'setup'
            ? readonly SetupStep[] | SetupHook
            : K extends 'function'
              ? () => unknown
              : unknown;

/** The sections of `--help`, in order. */
export type HelpSection = 'Target' | 'Load' | 'Verdict' | 'Output';

/** One option: every surface that accepts it reads this row, so none can drift from another. */
export interface OptionRow {
  readonly kind: OptionKind;
  /**
   * `cli`: read by the command's driver only (its own flags, and a config file's `out`, `scenarios`
   * and `teardown`). Default: a key of SoakOptions, defaulted and checked by resolveOptions.
   */
  readonly scope?: 'cli';
  /** The flag, without `--`. None: not on the command line. */
  readonly flag?: string;
  /** The one-letter flag, without `-`. */
  readonly short?: string;
  /** Another spelling of the flag (`--inject` for `--scenario`). */
  readonly alias?: string;
  /** The key in a config file. None: not in config files. */
  readonly configKey?: string;
  /** Accepted at a config file's top level only, not inside one of its scenarios. */
  readonly topLevelOnly?: true;
  /** Where `--help` lists the flag. */
  readonly section?: HelpSection;
  /** The value's name in `--help` (`DUR`, `SIZE`). */
  readonly metavar?: string;
  /** The `--help` text; `(default: …)` follows it, or replaces `{default}` within it. */
  readonly help?: string;
  /** The value when none is given. */
  readonly default?: unknown;
  /** How `--help` shows the default, when the value alone would not say it. */
  readonly showDefault?: string | ((value: never) => string);
}
