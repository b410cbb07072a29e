// `pnpm --filter @pugo/blog restore FILE`: a backup into an empty data folder (PUGO_DB's folder).
import { restoreBackup } from '../admin/backup/restore.js';
import { isBlogError } from '../errors.js';
import { ArgsError, parseCommandLine } from './cli-args.js';
import type { CliIo } from './cli-io.js';

export const RESTORE_HELP = `usage: pnpm --filter @pugo/blog restore FILE.tar.gz

Restores a backup downloaded from /admin/backup: the database to PUGO_DB (default ./data/pugo.db)
and the media beside it. The data folder must be empty or missing: a restore never overwrites.
`;

/** Restores the one file `argv` names; returns the exit code. */
export async function runRestore(argv: readonly string[], db: string, io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const { values, positionals } = parseCommandLine({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      io.out(RESTORE_HELP.trimEnd());
      return 0;
    }
    if (positionals.length === 1) file = positionals[0];
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    io.err(
      error.problem === 'unknown-option'
        ? `pugo restore: unknown option ${error.arg}; see --help`
        : `pugo restore: ${error.arg} takes no value; see --help`,
    );
    return 2;
  }
  if (file === undefined) {
    io.err(
      'pugo restore: give exactly one backup file, e.g. restore pugo-backup.tar.gz; see --help',
    );
    return 2;
  }
  if (db === ':memory:') {
    io.err('pugo restore: PUGO_DB is :memory:; set it to the database file to restore into');
    return 2;
  }
  try {
    const result = await restoreBackup(file, db);
    io.out(`restored ${result.db} and ${result.media} media file${result.media === 1 ? '' : 's'}`);
    return 0;
  } catch (error) {
    if (!isBlogError(error, 'PUGO_ERR_BLOG_RESTORE')) throw error;
    io.err(`pugo restore: ${error.message}`);
    return 2;
  }
}
