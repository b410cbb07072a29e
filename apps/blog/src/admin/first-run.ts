// First run: an admin account from PUGO_ADMIN_EMAIL/PUGO_ADMIN_PASSWORD, or (development) a
// generated password printed once.
import type { Storage } from '@pugo/storage';
import { blogError } from '../errors.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export interface FirstRunResult {
  /** What happened, for the start-up line; empty when there were users already. */
  readonly note: string;
}

/** Creates the first admin when there are no users. Throws with a clear message on bad input. */
export async function ensureAdmin(
  storage: Pick<Storage, 'users'>,
  env: { email?: string | undefined; password?: string | undefined; development: boolean },
  print: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<FirstRunResult> {
  if ((await storage.users.count()) > 0) return { note: '' };
  const email = env.email?.trim() || (env.development ? 'admin@localhost' : '');
  let password = env.password ?? '';
  if (!email || (!password && !env.development)) {
    return {
      note: 'no admin user yet: set PUGO_ADMIN_EMAIL and PUGO_ADMIN_PASSWORD, or run `pnpm --filter @pugo/blog user add`',
    };
  }
  let generated = false;
  if (!password) {
    password = generatePassword();
    generated = true;
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    // A configuration error: main prints it on one line and exits with 2.
    throw blogError('PUGO_ERR_BLOG_CONFIG', {
      name: 'PUGO_ADMIN_PASSWORD',
      value: '(hidden)',
      expected: `a password of at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  await storage.users.create({
    name: 'Admin',
    email,
    passwordHash: await hashPassword(password),
    role: 'admin',
  });
  if (generated) {
    print(
      `pugo blog: admin account ${email} created with password ${password} (shown once; change it with \`pnpm --filter @pugo/blog user passwd ${email}\`)`,
    );
  }
  return { note: `admin ${email} created` };
}
