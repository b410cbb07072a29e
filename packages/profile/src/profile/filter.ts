// Focus, ignore, hide and show: pprof's FilterSamplesByName, plus the label helpers of diffs.
import type { Line, Location, Profile } from './model.js';
import { filterSamples, type ReportProfile } from './samples.js';

/** Compiled name filters; each matches a function name, a file name or a mapping's file. */
export interface NameFilters {
  focus?: RegExp | undefined;
  ignore?: RegExp | undefined;
  hide?: RegExp | undefined;
  show?: RegExp | undefined;
}

/** Which filters matched at least one location (pprof warns about the others). */
export interface FilterMatches {
  focus: boolean;
  ignore: boolean;
  hide: boolean;
  show: boolean;
}

function lineMatches(ln: Line, re: RegExp): boolean {
  return re.test(ln.function.name) || re.test(ln.function.filename);
}

function matchesName(l: Location, re: RegExp): boolean {
  if (l.line.some((ln) => lineMatches(ln, re))) return true;
  return l.mapping !== undefined && re.test(l.mapping.file);
}

/**
 * Keeps samples with a focused and no ignored frame; removes hidden frames (and frames not
 * shown) from stacks, dropping samples left with none. Mutates the profile.
 */
export function filterSamplesByName(p: ReportProfile, f: NameFilters): FilterMatches {
  const m: FilterMatches = { focus: false, ignore: false, hide: false, show: false };
  if (!f.focus && !f.ignore && !f.hide && !f.show) {
    // Without filters every location is focused: only samples without a stack go.
    m.focus = p.location.length > 0;
    p.sample = filterSamples(p.sample, (s) => s.location.length > 0);
    return m;
  }
  const focusOrIgnore = new Map<number, boolean>();
  const hidden = new Set<number>();
  for (const l of p.location) {
    if (f.ignore !== undefined && matchesName(l, f.ignore)) {
      m.ignore = true;
      focusOrIgnore.set(l.id, false);
    } else if (f.focus === undefined || matchesName(l, f.focus)) {
      m.focus = true;
      focusOrIgnore.set(l.id, true);
    }
    if (f.hide !== undefined && matchesName(l, f.hide)) {
      m.hide = true;
      const hide = f.hide;
      l.line =
        l.mapping !== undefined && hide.test(l.mapping.file)
          ? []
          : l.line.filter((ln) => !lineMatches(ln, hide));
      if (l.line.length === 0) hidden.add(l.id);
    }
    if (f.show !== undefined) {
      const show = f.show;
      if (!(l.mapping !== undefined && show.test(l.mapping.file))) {
        l.line = l.line.filter((ln) => lineMatches(ln, show));
      }
      if (l.line.length === 0) hidden.add(l.id);
      else m.show = true;
    }
  }
  p.sample = filterSamples(p.sample, (s) => {
    let focused = false;
    for (const l of s.location) {
      const v = focusOrIgnore.get(l.id);
      if (v === false) return false;
      if (v === true) focused = true;
    }
    if (!focused) return false;
    if (hidden.size > 0) {
      const locs = s.location.filter((l) => !hidden.has(l.id));
      if (locs.length === 0) return false;
      s.location = locs;
    }
    return true;
  });
  return m;
}

/** Sets a label on every sample. */
export function setLabel(p: Profile, key: string, value: string[]): void {
  // Label records may be shared between samples: replace, never mutate.
  for (const s of p.sample) s.label = { ...s.label, [key]: [...value] };
}

/** Removes a label from every sample. */
export function removeLabel(p: Profile, key: string): void {
  for (const s of p.sample) {
    if (key in s.label) {
      const { [key]: _removed, ...rest } = s.label;
      s.label = rest;
    }
  }
}

/** The label that marks the base samples of a `-diff_base` comparison. */
export const DIFF_BASE_LABEL = 'pprof::base';

/** Whether a sample came from the base of a `-diff_base` comparison. */
export function isDiffBaseSample(s: { label: Record<string, string[]> }): boolean {
  return s.label[DIFF_BASE_LABEL]?.includes('true') ?? false;
}
