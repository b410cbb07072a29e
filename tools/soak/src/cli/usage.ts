// The --help text of pugo-soak.
import { defaults } from '../config/options.js';
import { formatBytes } from '../units.js';

/** Usage, flags with their defaults, examples. */
export function usageText(): string {
  return `pugo-soak: sustained load against a Node service, a leak verdict from post-GC memory, and the code that grew.

Usage:
  pugo-soak --cmd "node server.js" [--ready /healthz] [--routes routes.json] [flags]
  pugo-soak --url http://127.0.0.1:3000 [--pprof http://127.0.0.1:6060/debug/pprof] [flags]
  pugo-soak --config soak.config.mjs [flags]

The target must serve @pugo/pprof (/debug/pprof/metrics and /debug/pprof/heap).

Target:
  --cmd CMD             start the target with the shell; {port} and {pprofPort} (and PORT, PPROF_PORT
                        in its environment) are free ports
  --cwd DIR             working directory of --cmd (default: the config's folder, else the current one)
  --env NAME=VALUE      extra environment for --cmd (repeatable)
  --url URL             a service that is already running, instead of --cmd
  --pprof URL           its /debug/pprof base (default: on PPROF_PORT, then under the service's port)
  --ready PATH          polled until it answers below 500 (default: ${defaults.ready})
  --ready-timeout DUR   (default: ${defaults.readyTimeoutMs / 1000}s)
  --config FILE         soak.config.json, .js or .mjs (flags override it)
  --scenario NAME       merge the config's scenarios.NAME over it (alias: --inject NAME)
  --routes FILE         JSON list of {method, path, weight, body, headers, expect} (default: GET /)

Load:
  --duration DUR        load phase (default: ${defaults.durationMs / 60_000}m)
  --quick               a ${defaults.quickDurationMs / 1000}s load, for CI
  --interval DUR        metrics poll with a full GC (default: ${defaults.intervalMs / 1000}s)
  --connections N, -c   concurrent connections (default: ${defaults.connections})
  --rate N              cap on requests per second (default: none)
  --warmup FRACTION     share of the load left out of the trend, 0.2 or 20% (default: ${defaults.warmup})
  --drain DUR           idle time before the final GCs (default: ${defaults.drainMs / 1000}s)

Verdict (provisional defaults, see the README):
  --max-growth SIZE     bytes per request a significant trend may grow (default: ${formatBytes(defaults.maxGrowth)})
  --max-retained SIZE   heap used + external kept after the drain (default: ${formatBytes(defaults.maxRetained)})
  --max-error-rate X    failed requests above this fail the soak, exit 2 (default: ${defaults.maxErrorRate})
  --alpha P             Mann–Kendall significance level (default: ${defaults.alpha})
  --top N               growing allocation sites listed (default: ${defaults.top})

Output:
  --json                print report.json on stdout instead of the summary
  --out DIR             report folder; a <timestamp>/ is created in it (default: soak-report)
  --no-report           write no report folder
  -h, --help            this help

Exit status: 0 no leak, 1 leak, 2 the soak failed (bad flags, target did not start or died,
no metrics endpoint, error rate above the limit).

Examples:
  pugo-soak --cmd "node server.js" --ready /healthz --quick
  pugo-soak --cmd "node dist/main.js --port {port}" --routes routes.json --duration 10m
  pugo-soak --url http://127.0.0.1:3000 --pprof http://127.0.0.1:6060/debug/pprof --json > soak.json
  pugo-soak --config apps/blog/soak.config.mjs --quick --env PUGO_INJECT_LEAK=cache
`;
}
