// The options of a report: what to print and how, each mirroring a go tool pprof flag.
import type { Granularity } from '../profile/aggregate.js';
import type { Profile } from '../profile/model.js';

/** The report kinds, as go tool pprof names them. */
export type ReportKind = 'top' | 'peek' | 'tree' | 'traces' | 'list' | 'dot';

/** What to report and how; every field mirrors a go tool pprof flag. */
export interface ReportOptions {
  kind: ReportKind;
  /** The RE of `-peek=RE` / `-list=RE`; required for those kinds, ignored by the others. */
  regexp?: string;
  /** Sort by cumulative value (`-cum`). Default: false (flat). */
  cum?: boolean;
  /**
   * Show at most this many nodes (`-nodecount`); 0 = all. Default: all for top, 80 for tree and
   * dot; peek and list are never trimmed.
   */
  nodeCount?: number;
  /** Drop nodes below this fraction of the total (`-nodefraction`). Default: 0.005. */
  nodeFraction?: number;
  /** Drop edges below this fraction of the total (`-edgefraction`). Default: 0.001. */
  edgeFraction?: number;
  /** Only samples with a frame matching this (`-focus`). Default: none. */
  focus?: string;
  /** Drop samples with a frame matching this (`-ignore`). Default: none. */
  ignore?: string;
  /** Remove matching frames from stacks (`-hide`). Default: none. */
  hide?: string;
  /** Keep only matching frames in stacks (`-show`). Default: none. */
  show?: string;
  /** Sample type by name (`inuse_space`, `alloc_objects`, `cpu`…) or index. Default: the profile's default type, else the last. */
  sampleIndex?: string;
  /** What tells nodes apart. Default: 'functions'. */
  granularity?: Granularity;
  /** Subtract this profile (`-base`). Default: none. */
  base?: Profile;
  /**
   * Compare against this profile (`-diff_base`): base samples negated, percentages of the base.
   * Default: none.
   */
  diffBase?: Profile;
  /** Scale the profile to the base's totals first (`-normalize`). Default: false. */
  normalize?: boolean;
  /** Where `list` looks for sources (`-source_path`). Default: [process.cwd()]. */
  sourcePath?: readonly string[];
  /** Path prefixes to remove from recorded file names (`-trim_path`). Default: none. */
  trimPath?: string;
}
