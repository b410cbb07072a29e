// Drops uninteresting frames below the profile's drop_frames (pprof's Prune/RemoveUninteresting).
import { compileRegExp } from '../regexp.js';
import { mapSamples, type ReportProfile } from './samples.js';

const reservedNames = ['(anonymous namespace)', 'operator()'];

/** Cuts a C++/Java signature at its argument list, keeping reserved names. */
function simplifyFunc(f: string): string {
  let name = f.startsWith('.') ? f.slice(1) : f;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  for (let m = re.exec(name); m !== null; m = re.exec(name)) {
    if (!reservedNames.includes(m[0])) {
      name = name.slice(0, m.index);
      break;
    }
  }
  return name;
}

/** Removes frames matching `drop` (unless `keep` matches) and everything called from them. */
export function prune(p: ReportProfile, drop: RegExp, keep?: RegExp): void {
  const pruneLoc = new Set<number>();
  const pruneBeneath = new Set<number>();
  for (const loc of p.location) {
    let i: number;
    for (i = loc.line.length - 1; i >= 0; i--) {
      const fn = loc.line[i]!.function;
      if (fn.name !== '') {
        const name = simplifyFunc(fn.name);
        if (drop.test(name) && (keep === undefined || !keep.test(name))) break;
      }
    }
    if (i >= 0) {
      pruneBeneath.add(loc.id);
      if (i === loc.line.length - 1) pruneLoc.add(loc.id);
      else loc.line = loc.line.slice(i + 1);
    }
  }
  if (pruneBeneath.size === 0) return;
  p.sample = mapSamples(p.sample, (s) => {
    let foundUser = false;
    for (let i = s.location.length - 1; i >= 0; i--) {
      const id = s.location[i]!.id;
      if (!pruneLoc.has(id) && !pruneBeneath.has(id)) {
        foundUser = true;
        continue;
      }
      if (!foundUser) continue;
      if (pruneLoc.has(id)) {
        s.location = s.location.slice(i + 1);
        break;
      }
      if (pruneBeneath.has(id)) {
        s.location = s.location.slice(i);
        break;
      }
    }
    return s;
  });
}

/** Applies the profile's own drop_frames/keep_frames, as pprof does after fetching. */
export function removeUninteresting(p: ReportProfile): void {
  if (p.dropFrames === '') return;
  const drop = compileRegExp(`^(${p.dropFrames})$`, 'drop_frames');
  const keep =
    p.keepFrames !== '' ? compileRegExp(`^(${p.keepFrames})$`, 'keep_frames') : undefined;
  prune(p, drop, keep);
}
