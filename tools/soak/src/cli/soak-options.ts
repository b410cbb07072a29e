// What the command line and the config file ask for together: the file, then its scenario, then the flags.
import { resolve } from 'node:path';
import { loadRoutesFile, type SoakFileOptions } from '../config/config-file.js';
import { defaults, type SoakOptions } from '../config/options.js';
import { usageError } from '../errors.js';
import type { CliArgs } from './args.js';

/**
 * The soak's options from `file` (a loaded config, or `{}`), its `--scenario` merged over it (`env`
 * key by key), and the flags over both. A flag's `--url` replaces the file's `cmd` and the other way
 * round; `--quick` shortens the load unless `--duration` is given; `--routes` is read here.
 */
export async function soakOptions(args: CliArgs, file: SoakFileOptions): Promise<SoakOptions> {
  const { out: _out, scenarios, teardown: _teardown, ...base } = file;
  let fromFile: SoakOptions = base;
  if (args.scenario !== undefined) {
    const known = Object.keys(scenarios ?? {});
    const scenario = scenarios?.[args.scenario];
    if (scenario === undefined)
      throw usageError(
        `no scenario "${args.scenario}" in ${args.config ?? 'the command line (pass --config)'}${known.length ? `; known: ${known.join(', ')}` : ''}`,
      );
    fromFile = { name: args.scenario, ...base, ...scenario, env: { ...base.env, ...scenario.env } };
  }
  const flags = args.options;
  const options: SoakOptions = { ...fromFile, ...flags };
  if (flags.env || fromFile.env) options.env = { ...fromFile.env, ...flags.env };
  if (flags.cwd) options.cwd = resolve(flags.cwd);
  if (flags.url && fromFile.cmd) delete options.cmd;
  if (flags.cmd && fromFile.url) delete options.url;
  if (args.quick && flags.durationMs === undefined) options.durationMs = defaults.quickDurationMs;
  if (args.routes) options.routes = await loadRoutesFile(args.routes);
  return options;
}
