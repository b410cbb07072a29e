// The culprit: the final heap profile minus the baseline, summed by allocation site, with callers.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Line, Profile } from '@pugo/profile';
import { subtractProfile } from '@pugo/profile';

/** A frame, as printed: `function file:line`. */
export interface Frame {
  readonly function: string;
  readonly file: string;
  readonly line: number;
}

/** An allocation site whose live memory grew between the two profiles. */
export interface Grower extends Frame {
  /** Growth of in-use bytes (sampled, scaled by the profiler). */
  readonly bytes: number;
  /** Growth of in-use objects. */
  readonly objects: number;
  /** The innermost frame when it is runtime code (`node:`…) and the site is its first user caller. */
  readonly allocatedIn?: Frame;
  /** Who called the site, by growth, largest first (at most three). */
  readonly callers: readonly (Frame & { readonly bytes: number })[];
}

/**
 * The `top` sites that grew most from `baseline` to `final`. A site is the innermost frame that is
 * not runtime code (`node:` modules, `internal/`, V8 builtins without a file; a stack of runtime
 * frames only, such as `(external)`, keeps its innermost frame), so `Buffer.alloc` in a leaking cache points at the cache.
 */
export function topGrowers(
  baseline: Profile,
  final: Profile,
  top: number,
  cwd = process.cwd(),
): Grower[] {
  const diff = subtractProfile(final, baseline);
  const space = typeIndex(diff, 'space');
  const count = typeIndex(diff, 'objects');
  type Acc = {
    frame: Frame;
    bytes: number;
    objects: number;
    leaf?: Frame;
    callers: Map<string, Frame & { bytes: number }>;
  };
  const sites = new Map<string, Acc>();
  for (const sample of diff.sample) {
    const bytes = space < 0 ? 0 : (sample.value[space] ?? 0);
    const objects = count < 0 ? 0 : (sample.value[count] ?? 0);
    if (bytes === 0 && objects === 0) continue;
    const frames: Line[] = sample.location.flatMap((l) => l.line);
    if (frames.length === 0) continue;
    let at = frames.findIndex((f) => !isRuntime(f.function.filename));
    if (at < 0) at = 0;
    const site = toFrame(frames[at]!, cwd);
    const key = frameKey(site);
    let acc = sites.get(key);
    if (acc === undefined) {
      acc = { frame: site, bytes: 0, objects: 0, callers: new Map() };
      if (at > 0) acc.leaf = toFrame(frames[0]!, cwd);
      sites.set(key, acc);
    }
    acc.bytes += bytes;
    acc.objects += objects;
    const caller = frames[at + 1];
    if (caller !== undefined) {
      const c = toFrame(caller, cwd);
      const ck = frameKey(c);
      const entry = acc.callers.get(ck) ?? { ...c, bytes: 0 };
      entry.bytes += bytes;
      acc.callers.set(ck, entry);
    }
  }
  return [...sites.values()]
    .filter((a) => a.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || b.objects - a.objects)
    .slice(0, top)
    .map((a) => ({
      ...a.frame,
      bytes: Math.round(a.bytes),
      objects: Math.round(a.objects),
      ...(a.leaf ? { allocatedIn: a.leaf } : {}),
      callers: [...a.callers.values()]
        .filter((c) => c.bytes > 0)
        .sort((x, y) => y.bytes - x.bytes)
        .slice(0, 3)
        .map((c) => ({ ...c, bytes: Math.round(c.bytes) })),
    }));
}

/** `file:line`, or the function alone when there is no file. */
export function frameLocation(f: Frame): string {
  return f.file === '' ? '' : f.line > 0 ? `${f.file}:${f.line}` : f.file;
}

function typeIndex(p: Profile, suffix: string): number {
  return p.sampleType.findIndex((t) => t.type === suffix || t.type.endsWith(`_${suffix}`));
}

function isRuntime(file: string): boolean {
  // No file: a V8 builtin (`repeat`, `push`) or a pseudo-frame (`(external)`, `(program)`).
  if (file === '') return true;
  return file.startsWith('node:') || file.startsWith('internal/');
}

function toFrame(line: Line, cwd: string): Frame {
  return {
    function: line.function.name || '(anonymous)',
    file: shortFile(line.function.filename, cwd),
    line: line.line,
  };
}

function frameKey(f: Frame): string {
  return `${f.function}\0${f.file}\0${f.line}`;
}

/** A file URL or absolute path, relative to `cwd` when under it. */
function shortFile(file: string, cwd: string): string {
  let path = file;
  if (path.startsWith('file://')) {
    try {
      path = fileURLToPath(path);
    } catch {
      return file;
    }
  }
  if (isAbsolute(path)) {
    const rel = relative(cwd, path);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return path;
}
