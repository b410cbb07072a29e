// Turns the command line's sources into profiles: read or fetch, decode, merge, save fetched copies.
import { readFile, stat } from 'node:fs/promises';
import { decodeProfile, mergeProfiles, type Profile } from '@pugo/profile';
import { heapError } from '../errors.js';
import { adjustUrl, fetchProfile } from './fetch.js';
import { saveProfile } from './save.js';

/** Where and how to load profiles from. */
export interface LoadOptions {
  /** Profile files or URLs, merged. */
  readonly sources: readonly string[];
  /** Base profiles, merged; empty for none. */
  readonly base: readonly string[];
  /** `-seconds`; -1 when unset. */
  readonly seconds: number;
  /** `-timeout`; -1 when unset. */
  readonly timeout: number;
  /** Environment (PUGO_PROFILES_DIR, HOME). */
  readonly env: NodeJS.ProcessEnv;
  /** Progress and notes, one line each, for stderr. */
  readonly log: (line: string) => void;
}

/** The profile to report on and, with `-base`/`-diff_base`, the merged base. */
export interface LoadedProfiles {
  readonly profile: Profile;
  readonly base?: Profile;
}

/** Loads sources and bases concurrently, as pprof does. Throws HeapError or ProfileError. */
export async function loadProfiles(options: LoadOptions): Promise<LoadedProfiles> {
  const [profile, base] = await Promise.all([
    loadMerged(options.sources, options),
    options.base.length > 0 ? loadMerged(options.base, options) : undefined,
  ]);
  return base === undefined ? { profile } : { profile, base };
}

/**
 * The file to stream one report from: one local file and no base, so that the report's memory is
 * its tables and graph, not its samples. Anything else (several sources, a URL, a base) is
 * undefined: load it with {@link loadProfiles}.
 */
export async function streamableSource(
  options: Pick<LoadOptions, 'sources' | 'base'>,
): Promise<string | undefined> {
  const [source] = options.sources;
  if (options.sources.length !== 1 || options.base.length > 0 || source === undefined)
    return undefined;
  return (await isFile(source)) ? source : undefined;
}

async function loadMerged(sources: readonly string[], options: LoadOptions): Promise<Profile> {
  const profiles = await Promise.all(sources.map((source) => loadOne(source, options)));
  return profiles.length === 1 ? profiles[0]! : mergeProfiles(profiles);
}

async function loadOne(source: string, options: LoadOptions): Promise<Profile> {
  const remote = (await isFile(source))
    ? undefined
    : adjustUrl(source, options.seconds, options.timeout);
  if (remote === undefined) {
    return decodeProfile(await readSource(source), { source });
  }
  options.log(`Fetching profile over HTTP from ${remote.url}`);
  if (options.seconds > 0) options.log(`Please wait... (${goDuration(options.seconds)})`);
  const data = await fetchProfile(remote);
  const profile = decodeProfile(data, { source: remote.url });
  try {
    options.log(`Saved profile in ${saveProfile(data, profile, options.env, options.log)}`);
  } catch (error) {
    options.log(`Could not save profile: ${(error as Error).message}`);
  }
  return profile;
}

/** Whether `path` names a regular file (not a URL, a folder or nothing). */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readSource(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: 'no such file; check the path, or give a URL as http://host:port/debug/pprof/heap',
      EISDIR: 'it is a directory; pass a profile file',
      EACCES: 'permission denied; check the file permissions',
    };
    const reason = (code && reasons[code]) ?? `${(error as Error).message}`;
    throw heapError('PUGO_ERR_HEAP_READ', { source: path, reason }, error);
  }
}

/** Go's time.Duration.String for whole seconds: 30s, 1m30s, 1h0m0s. */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
