// The options of a report and the report itself: text as go tool pprof prints it, plus data.
import type { Granularity } from '../profile/aggregate.js';
import type { Profile } from '../profile/model.js';

/** The report kinds, as go tool pprof names them. */
export type ReportKind = 'top' | 'peek' | 'tree' | 'traces' | 'list' | 'dot';

/** What to report and how; every field mirrors a go tool pprof flag. */
export interface ReportOptions {
  kind: ReportKind;
  /** The RE of `-peek=RE` / `-list=RE`; required for those kinds. */
  regexp?: string;
  /** Sort by cumulative value (`-cum`). Default: false (flat). */
  cum?: boolean;
  /** Show at most this many nodes (`-nodecount`). Default: all for top, 80 for tree; 0 = all. */
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
  /** Subtract this profile (`-base`). */
  base?: Profile;
  /** Compare against this profile (`-diff_base`): base samples negated, percentages of the base. */
  diffBase?: Profile;
  /** Scale the profile to the base's totals first (`-normalize`). Default: false. */
  normalize?: boolean;
  /** Where `list` looks for sources (`-source_path`). Default: [process.cwd()]. */
  sourcePath?: readonly string[];
  /** Path prefixes to remove from recorded file names (`-trim_path`). Default: none. */
  trimPath?: string;
}

/** A generated report: `text` is byte for byte go tool pprof's; `data` is the same as JSON-able data. */
export interface Report {
  text: string;
  data: ReportData;
  /** Notes go tool pprof prints on stderr (e.g. "Focus expression matched no samples"). */
  warnings: string[];
}

/** One row of `top`. */
export interface TopRow {
  name: string;
  /** '' | '(inline)' | '(partial-inline)' */
  inline: string;
  flat: number;
  flatPercent: number;
  sumPercent: number;
  cum: number;
  cumPercent: number;
}

/** A caller or callee of a tree/peek node. */
export interface TreeEdge {
  name: string;
  value: number;
  /** Share of the node's cum, in percent. */
  percent: number;
  inline: boolean;
}

/** One node of `tree`/`peek`. */
export interface TreeEntry {
  name: string;
  flat: number;
  flatPercent: number;
  sumPercent: number;
  cum: number;
  cumPercent: number;
  callers: TreeEdge[];
  callees: TreeEdge[];
}

/** One sample of `traces`, leaf first. */
export interface TraceEntry {
  labels: Record<string, string[]>;
  numLabels: Record<string, string[]>;
  value: number;
  frames: Array<{ name: string; inline: boolean }>;
}

/** One function in one file of `list`. */
export interface ListRoutine {
  function: string;
  file: string;
  flat: number;
  cum: number;
  cumPercent: number;
  /** Set when the source file could not be read; `lines` is then empty. */
  error?: string;
  lines: Array<{ line: number; flat: number; cum: number; source: string }>;
}

/** The data of a report (`--json`). Values are in `unit`, the sample type's unit. */
export interface ReportData {
  kind: ReportKind;
  /** The header lines (File, Type, Time, Duration, Active filters, Showing…). */
  labels: string[];
  sampleType: string;
  /** Unit of every raw value below, e.g. 'bytes', 'nanoseconds', 'count'. */
  unit: string;
  /** Unit the text uses, e.g. 'kB'. */
  outputUnit: string;
  total: number;
  /** Graph reports: node counts. */
  nodes?: { shown: number; total: number; dropped: number };
  top?: TopRow[];
  tree?: TreeEntry[];
  traces?: TraceEntry[];
  list?: ListRoutine[];
  /** For list: functions matched but without file information. */
  noSource?: string[];
  /** For dot: the drawn nodes (ids as in the DOT text) and edges. */
  graph?: DotGraphData;
}

/** The call graph a `dot` report draws: node ids match the DOT text's `N1`, `N2`… */
export interface DotGraphData {
  nodes: Array<{ id: number; name: string; flat: number; cum: number }>;
  edges: Array<{ from: number; to: number; weight: number; residual: boolean; inline: boolean }>;
}
