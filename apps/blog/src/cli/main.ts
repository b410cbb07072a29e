// Entry of the admin CLIs (`user`, `restore`): PUGO_DB from the config, then the command parses its own arguments.
import { loadConfig } from '../config.js';
import { BlogError } from '../errors.js';
import { processIo } from './cli-io.js';
import { runRestore } from './restore-cli.js';
import { runUserCommand } from './user-cli.js';

const [command, ...args] = process.argv.slice(2);
let db: string;
try {
  db = loadConfig().db;
} catch (error) {
  if (!(error instanceof BlogError)) throw error;
  process.stderr.write(`pugo ${command === 'restore' ? 'restore' : 'user'}: ${error.message}\n`);
  process.exit(2);
}
const run = command === 'restore' ? runRestore : runUserCommand;
process.exitCode = await run(args, db, processIo);
