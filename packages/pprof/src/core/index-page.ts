// The HTML index of /debug/pprof/, laid out like Go's net/http/pprof index.

/** The profiles this package serves, with Go-style descriptions, in the index's order. */
export const profileDescriptions: Readonly<Record<string, string>> = {
  cmdline: 'The command line invocation of the current program (process.argv, NUL-separated).',
  heap: 'A sampling of memory allocations of live objects (V8 sampling heap profiler). You can specify the gc GET parameter to run a full GC before taking the heap sample, and seconds=N for a delta profile.',
  heapsnapshot:
    'A full V8 heap snapshot for Chrome DevTools and memlab. Refused when free memory is under twice the heap in use.',
  metrics:
    'Memory, V8 heap spaces, GC counts and pauses by kind, event-loop delay, uptime and registered stats providers, as JSON. You can specify gc=1 to collect first.',
  profile:
    'CPU profile. You can specify the duration in the seconds GET parameter. After you get the profile file, use the go tool pprof command to investigate the profile.',
  resources:
    "Active handles and requests by type (process.getActiveResourcesInfo()), Node's nearest thing to the goroutine profile.",
};

/** The index page for the endpoints under `base`; `counts` fills the Count column where cheap. */
export function renderIndexPage(base: string, counts: Readonly<Record<string, number>>): string {
  const title = escapeHtml(`${base}/`);
  const rows = Object.keys(profileDescriptions)
    .map(
      (name) =>
        `<tr><td>${counts[name] ?? ''}</td><td><a href='${name}?debug=1'>${name}</a></td></tr>`,
    )
    .join('\n');
  const descriptions = Object.entries(profileDescriptions)
    .map(([name, text]) => `<li><div class=profile-name>${name}: </div> ${escapeHtml(text)}</li>`)
    .join('\n');
  return `<html>
<head>
<title>${title}</title>
<style>
.profile-name{
	display:inline-block;
	width:6rem;
}
</style>
</head>
<body>
${title}
<br>
<p>Set debug=1 as a query parameter to export in legacy text format</p>
<br>
Types of profiles available:
<table>
<thead><td>Count</td><td>Profile</td></thead>
${rows}
</table>
<br>
<p>
Profile Descriptions:
<ul>
${descriptions}
</ul>
</p>
</body>
</html>
`;
}

/** Five characters to escape in one page: not worth a dependency. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
