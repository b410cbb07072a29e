// Argon2id password hashing (OWASP's parameters) through @node-rs/argon2's prebuilt napi binaries.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** OWASP 2024: Argon2id, 19 MiB, 2 iterations, 1 lane. */
// algorithm 2 is Argon2id (a const enum, which verbatimModuleSyntax cannot import).
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Minimum password length the admin and the CLI accept. */
export const MIN_PASSWORD_LENGTH = 10;

/** The PHC string (`$argon2id$v=19$…`) for a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

/** Whether `password` matches `phc`; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

// A hash of a password no one knows: verifying against it when the account does not exist takes
// as long as a real check, so timing does not tell which emails have accounts.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A random password for first runs: 20 characters from a 64-symbol alphabet (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
