// Forgets what a granularity does not keep (names, files, lines, addresses, inlining), in place.
import type { ReportProfile } from './samples.js';

/** Granularity of a report: which parts of a frame tell nodes apart. */
export type Granularity = 'functions' | 'filefunctions' | 'files' | 'lines' | 'addresses';

/** pprof's driver `aggregate` + `Profile.Aggregate`, with inline frames kept. */
export function aggregate(p: ReportProfile, granularity: Granularity): void {
  if (granularity === 'addresses') return; // With inlines kept, addresses keep everything.
  const fn = granularity !== 'files';
  const filename = granularity !== 'functions';
  const linenumber = granularity === 'lines';
  for (const m of p.mapping) {
    m.hasFunctions &&= fn;
    m.hasFilenames &&= filename;
    m.hasLineNumbers &&= linenumber;
  }
  if (!fn || !filename) {
    for (const f of p.function) {
      if (!fn) {
        f.name = '';
        f.systemName = '';
      }
      if (!filename) f.filename = '';
    }
  }
  for (const l of p.location) {
    if (!linenumber) for (const ln of l.line) ln.line = 0;
    l.address = 0;
  }
}
