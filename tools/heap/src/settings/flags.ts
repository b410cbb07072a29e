// go tool pprof's command-line flags that pugo-heap takes, and the ones it knows but does not support.

/** The reports pugo-heap makes; `text` is pprof's other name for `top`; dot…web draw (src/web). */
export type ReportKind =
  | 'top'
  | 'peek'
  | 'tree'
  | 'traces'
  | 'list'
  | 'dot'
  | 'svg'
  | 'flame'
  | 'web';

/** Report commands by name: whether they take a regexp, and their help line (pprof's words). */
export const reportCommands: Readonly<
  Record<string, { kind: ReportKind; hasParam: boolean; help: string }>
> = {
  top: { kind: 'top', hasParam: false, help: 'Outputs top entries in text form' },
  text: { kind: 'top', hasParam: false, help: 'Outputs top entries in text form' },
  tree: { kind: 'tree', hasParam: false, help: 'Outputs a text rendering of call graph' },
  traces: { kind: 'traces', hasParam: false, help: 'Outputs all profile samples in text form' },
  peek: {
    kind: 'peek',
    hasParam: true,
    help: 'Output callers/callees of functions matching regexp',
  },
  list: {
    kind: 'list',
    hasParam: true,
    help: 'Output annotated source for functions matching regexp',
  },
  dot: { kind: 'dot', hasParam: false, help: 'Outputs a graph in DOT format' },
  svg: { kind: 'svg', hasParam: false, help: 'Outputs a graph in SVG format' },
  web: { kind: 'web', hasParam: false, help: 'Visualize graph through web browser' },
  flame: {
    kind: 'flame',
    hasParam: false,
    help: 'Outputs a self-contained HTML flame graph',
  },
};

/** Flags that choose a sample value, in the order pprof lets them win, with the value they choose. */
export const legacySampleFlags: readonly (readonly [flag: string, sampleIndex: string])[] = [
  ['total_delay', 'delay'],
  ['contentions', 'contentions'],
  ['inuse_space', 'inuse_space'],
  ['inuse_objects', 'inuse_objects'],
  ['alloc_space', 'alloc_space'],
  ['alloc_objects', 'alloc_objects'],
];

/** Source flags: how profiles are found and fetched. */
export const sourceFlags = {
  base: { kind: 'list', help: 'Source of base profile for profile subtraction' },
  diff_base: { kind: 'list', help: 'Source of base profile for comparison' },
  seconds: { kind: 'int', help: 'Duration for time-based profile collection' },
  timeout: { kind: 'int', help: 'Timeout in seconds for fetching a profile' },
} as const;

/**
 * go tool pprof flags pugo-heap does not support (graphical formats, symbolization, tags, the web
 * UI): named so that using one says so plainly instead of "flag provided but not defined".
 */
export const unsupportedFlags: ReadonlySet<string> = new Set([
  // Output formats.
  'callgrind',
  'comments',
  'disasm',
  'eog',
  'evince',
  'gif',
  'gv',
  'kcachegrind',
  'pdf',
  'png',
  'proto',
  'ps',
  'raw',
  'tags',
  'topproto',
  'weblist',
  // Settings.
  'call_tree',
  'relative_percentages',
  'unit',
  'compact_labels',
  'intel_syntax',
  'mean',
  'divide_by',
  'drop_negative',
  'trim',
  'prune_from',
  'show_from',
  'tagfocus',
  'tagignore',
  'tagshow',
  'taghide',
  'tagroot',
  'tagleaf',
  'noinlines',
  // Sources and the rest.
  'symbolize',
  'buildid',
  'add_comment',
  'tools',
  'mean_delay',
]);
