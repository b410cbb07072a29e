// A generated report: text as go tool pprof prints it, and the same report as data (`--json`).
import type { ReportKind } from './options.js';

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
