// `pnpm --filter @pugo/blog user add|passwd|list`: the blog's accounts from the command line.
import { isStorageError, openStorage, type UserRole } from '@pugo/storage';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../admin/passwords.js';
import { blogError, isBlogError } from '../errors.js';
import { ArgsError, parseCommandLine } from './cli-args.js';
import type { CliIo } from './cli-io.js';

export const USER_HELP = `usage: pnpm --filter @pugo/blog user <command>

  add EMAIL [--name NAME] [--role admin|editor|author]   create an account (role default: admin)
  passwd EMAIL                                           set a new password (signs out its sessions)
  list                                                   every account

The password is read from PUGO_PASSWORD, else asked for (hidden) on a terminal, else read from
stdin's first line. The database is PUGO_DB (default ./data/pugo.db).
`;

const ROLES: readonly UserRole[] = ['admin', 'editor', 'author'];

/** Runs one command against the database at `db`; returns the exit code. */
export async function runUserCommand(
  argv: readonly string[],
  db: string,
  io: CliIo,
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h') {
      io.out(USER_HELP.trimEnd());
      return command === undefined ? 2 : 0;
    }
    const { positional, flags } = parse(rest);
    if (command === 'list') return await list(db, io);
    const email = positional[0]?.trim().toLowerCase() ?? '';
    if (!/^[^\s@]+@[^\s@]+$/.test(email))
      throw commandError(
        `${command}: give the account's email address, e.g. user ${command} ada@example.com`,
      );
    if (command === 'add') {
      const role = (flags.role ?? 'admin') as UserRole;
      if (!ROLES.includes(role))
        throw commandError(
          `add: --role must be one of ${ROLES.join(', ')}, not ${JSON.stringify(flags.role)}`,
        );
      const password = await readNewPassword(io);
      const storage = await openStorage({ url: db });
      try {
        const user = await storage.users.create({
          name: flags.name ?? email.split('@')[0] ?? email,
          email,
          passwordHash: await hashPassword(password),
          role,
        });
        io.out(`created ${user.role} ${user.email} (id ${user.id})`);
      } catch (error) {
        if (isStorageError(error, 'PUGO_ERR_EMAIL_TAKEN'))
          throw commandError(
            `add: ${email} already has an account; use \`user passwd ${email}\` to change its password`,
          );
        throw error;
      } finally {
        await storage.close();
      }
      return 0;
    }
    if (command === 'passwd') {
      const storage = await openStorage({ url: db });
      try {
        const user = await storage.users.findByEmail(email);
        if (!user)
          throw commandError(
            `passwd: no account for ${email}; see \`user list\` or create it with \`user add\``,
          );
        const password = await readNewPassword(io);
        await storage.users.update(user.id, { passwordHash: await hashPassword(password) });
        const revoked = await storage.sessions.revokeAllForUser(user.id);
        io.out(
          `password changed for ${email}; ${revoked} session${revoked === 1 ? '' : 's'} signed out`,
        );
      } finally {
        await storage.close();
      }
      return 0;
    }
    throw commandError(`unknown command ${JSON.stringify(command)}: use add, passwd or list`);
  } catch (error) {
    if (!isBlogError(error, 'PUGO_ERR_BLOG_COMMAND')) throw error;
    io.err(`pugo user: ${error.message}`);
    return 2;
  }
}

async function list(db: string, io: CliIo): Promise<number> {
  const storage = await openStorage({ url: db });
  try {
    const users = await storage.users.list({ page: 1, pageSize: 1000 });
    if (users.items.length === 0) io.out('no accounts yet: create one with `user add EMAIL`');
    for (const u of users.items) {
      const last = u.lastLoginAt
        ? u.lastLoginAt.toISOString().slice(0, 16).replace('T', ' ')
        : 'never';
      io.out(`${u.id}\t${u.email}\t${u.name}\t${u.role}\t${u.status}\tlast sign-in ${last}`);
    }
  } finally {
    await storage.close();
  }
  return 0;
}

async function readNewPassword(io: CliIo): Promise<string> {
  const password = (await io.readPassword('New password: ')).replace(/\r?\n$/, '');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw commandError(`the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

function parse(args: readonly string[]) {
  try {
    const { values, positionals } = parseCommandLine({
      args: [...args],
      options: { name: { type: 'string' }, role: { type: 'string' } },
      allowPositionals: true,
    });
    return { positional: positionals, flags: values };
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error;
    throw commandError(
      error.problem === 'unknown-option'
        ? `unknown option ${error.arg}; see --help`
        : `${error.arg} needs a value`,
    );
  }
}

/** A usage or input problem (PUGO_ERR_BLOG_COMMAND): one line on stderr, exit code 2. */
function commandError(reason: string) {
  return blogError('PUGO_ERR_BLOG_COMMAND', { reason });
}
