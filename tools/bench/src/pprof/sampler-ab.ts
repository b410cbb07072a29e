// Child of `pnpm bench pprof`: the route's work in-process, heap sampling toggled off/on in short
// alternating slices, so both sides see the same machine load. Prints {"ratio": on/off CPU}.
import { startPprofServer } from '@pugo/pprof';

const pairs = Number(process.argv[2] ?? 30);
const iterations = Number(process.argv[3] ?? 3000);

/** The JSON route's handler body: build 20 posts and serialise them. */
function renderPosts(n: number): string {
  return JSON.stringify({
    posts: Array.from({ length: 20 }, (_, i) => ({
      id: i + n,
      slug: `post-${i}`,
      title: `Post number ${i}`,
      tags: ['go', 'node', 'pprof'],
      publishedAt: new Date(1_700_000_000_000 + i * 86_400_000).toISOString(),
    })),
  });
}

let sink = 0;
/** CPU microseconds (user + system) for one slice of `iterations` renders. */
function slice(): number {
  const start = process.cpuUsage();
  for (let i = 0; i < iterations; i++) sink += renderPosts(i).length;
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

for (let i = 0; i < 5; i++) slice(); // warm up the JIT
const ratios: number[] = [];
/** One slice with the package running: heap sampler at 512 KiB, GC and event-loop monitors. */
async function sliceWithPprof(): Promise<number> {
  const server = await startPprofServer({ port: 0 });
  try {
    return slice();
  } finally {
    await server.close();
  }
}
for (let pair = 0; pair < pairs; pair++) {
  // Alternate which side goes first, so a drift in machine load favours neither.
  if (pair % 2 === 0) {
    const off = slice();
    ratios.push((await sliceWithPprof()) / off);
  } else {
    const on = await sliceWithPprof();
    ratios.push(on / slice());
  }
}
process.stdout.write(`${JSON.stringify({ ratio: median(ratios), sink: sink > 0 })}\n`);
