// Saves a fetched profile under ~/.pugo/profiles (or $PUGO_PROFILES_DIR) with pprof's file names.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What naming a saved profile needs: the main binary and the sample types. */
export interface NamedProfile {
  readonly mapping: readonly { readonly file: string }[];
  readonly sampleType: readonly { readonly type: string }[];
}

/**
 * The folders to try, in order: `$PUGO_PROFILES_DIR`, `~/.pugo/profiles`, the system temp folder
 * (pprof's PPROF_TMPDIR, ~/pprof, temp).
 */
export function profileDirs(env: NodeJS.ProcessEnv): string[] {
  const dirs: string[] = [];
  if (env.PUGO_PROFILES_DIR) dirs.push(env.PUGO_PROFILES_DIR);
  const home = env.HOME || homedir();
  if (home) dirs.push(join(home, '.pugo', 'profiles'));
  dirs.push(tmpdir());
  return dirs;
}

/** pprof's prefix: `pprof.<binary>.<type>.<type>.` (`pprof.minitango.alloc_objects.….`). */
export function profilePrefix(profile: NamedProfile): string {
  let prefix = 'pprof.';
  const file = profile.mapping[0]?.file ?? '';
  if (file !== '') prefix += `${basename(file)}.`;
  for (const type of profile.sampleType) prefix += `${type.type}.`;
  return prefix;
}

/**
 * Writes `data` (gzipped if it is not already) as `<prefix>NNN.pb.gz` in the first usable folder,
 * NNN the first free number from 001 as pprof numbers them, and returns the path. `onSkip` hears
 * about folders that could not be used. Throws when no folder or name is usable.
 */
export function saveProfile(
  data: Uint8Array,
  profile: NamedProfile,
  env: NodeJS.ProcessEnv,
  onSkip: (message: string) => void = () => {},
): string {
  const gzipped = data[0] === 0x1f && data[1] === 0x8b ? data : gzipSync(data);
  const prefix = profilePrefix(profile);
  for (const dir of profileDirs(env)) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      onSkip(`Could not use temp dir ${dir}: ${(error as Error).message}`);
      continue;
    }
    for (let index = 1; index < 10000; index++) {
      const path = join(dir, `${prefix}${String(index).padStart(3, '0')}.pb.gz`);
      let fd: number;
      try {
        fd = openSync(path, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      try {
        writeSync(fd, gzipped);
      } finally {
        closeSync(fd);
      }
      return path;
    }
    throw new Error(`could not create file of the form ${prefix}001.pb.gz in ${dir}`);
  }
  throw new Error('failed to identify temp dir');
}
