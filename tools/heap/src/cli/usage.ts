// The text of `pugo-heap --help`: forms, flags, sources, environment and examples.

export const usage = `pugo-heap: go tool pprof's reports and pictures for any pprof profile (Go's, Node's, any profile.proto).

Usage:
  pugo-heap -<format> [options] <source> ...   print a report, byte for byte as go tool pprof does
  pugo-heap <format> [options] <source> ...    the same, format first: top, tree, traces, peek RE, list RE
  pugo-heap [options] <source> ...             open the interactive (pprof) shell

Flags take Go's forms: -flag=value, -flag value, --flag=value, --flag value.

Output formats (at most one):
  -top, -text          Outputs top entries in text form
  -tree                Outputs a text rendering of call graph
  -traces              Outputs all profile samples in text form
  -peek=RE             Output callers/callees of functions matching RE
  -list=RE             Output annotated source for functions matching RE
  -dot, -svg           Outputs a graph in DOT / SVG format (Graphviz in WebAssembly)
  -web                 Writes the graph as SVG to a temp file and opens it in a browser
  -flame               Outputs a self-contained HTML flame graph
  --json               Print the report's data as JSON instead of text (text reports)

Web UI:
  -http=HOST:PORT      Serve the web UI (graph, top, flame graph, peek, source) on HOST:PORT
  -no_browser          Do not open a browser (with -http or -web)
  -http_remote         Allow -http on a host that is not loopback (no authentication!)

Options:
  -cum | -flat         Sort entries by cumulative or own weight (default -flat)
  -nodecount=N         Max number of nodes to show (default: all for top, 80 for tree)
  -nodefraction=F      Hide nodes below F*total (default 0.005)
  -edgefraction=F      Hide edges below F*total (default 0.001)
  -focus=RE            Restricts to samples going through a node matching RE
  -ignore=RE           Skips paths going through any nodes matching RE
  -hide=RE             Skips nodes matching RE
  -show=RE             Only show nodes matching RE
  -sample_index=NAME   Sample value to report, by name or 0-based index (default: the profile's)
  -inuse_space, -inuse_objects, -alloc_space, -alloc_objects
                       Same as -sample_index=<that name>
  -functions | -filefunctions | -files | -lines | -addresses
                       Aggregation level (default -functions)
  -source_path=PATHS   Search path for source files of -list
  -trim_path=PATH      Path to trim from source paths before search
  -output=FILE         Write the report to FILE instead of standard output

Sources:
  profile.pb.gz        A profile.proto file, gzipped or not
  http://host/path     A URL to fetch, e.g. http://localhost:3000/debug/pprof/heap
  -seconds=N           Duration for time-based profiles (sets ?seconds=N on the URL)
  -timeout=N           Timeout in seconds for fetching (default: 60 s, or 1.5 × seconds)
  -base=SOURCE         Subtract this profile (repeatable; merged)
  -diff_base=SOURCE    Compare against this profile (repeatable; merged)
  -normalize           Scale the profile to the base's total first
  Several sources are merged into one profile.

Environment:
  PUGO_PROFILES_DIR    Where fetched profiles are saved (default ~/.pugo/profiles)
  PUGO_HEAP_HISTORY    History file of the interactive shell (default ~/.pugo/heap_history;
                       empty to keep none)

Examples:
  pugo-heap -top heap.pb.gz
  pugo-heap top --cum heap.pb.gz
  pugo-heap -peek 'reflect\\.Value\\.call' heap.pb.gz
  pugo-heap -top -base start.pb.gz end.pb.gz
  pugo-heap -top -sample_index=alloc_space http://localhost:3000/debug/pprof/heap
  pugo-heap -top -seconds=10 http://localhost:3000/debug/pprof/profile
  pugo-heap tree --json heap.pb.gz
  pugo-heap -svg -output=heap.svg -diff_base start.pb.gz end.pb.gz
  pugo-heap -http=localhost:8080 heap.pb.gz
  pugo-heap heap.pb.gz                     then: top 10, peek RE, sample_index=alloc_space, o, help, quit

Exit status: 0 success, 2 bad usage or input (one line on standard error).
`;
