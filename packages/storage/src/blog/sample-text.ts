// Deterministic sample text for seeding: a small PRNG and words from the world of leak hunting.

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same content. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'memory heap leak profile goroutine allocation pool slab router controller request response ' +
  'garbage collector pprof flame graph sample stack trace retain release pointer slice reflect ' +
  'tango fastify node go runtime inuse space objects growth baseline soak load latency p99 ' +
  'template render cache session cookie database sqlite index query migration backup restore ' +
  'diff filter focus ignore peek top list weblist callgraph symbol binary mapping function line'
).split(' ');

const TITLES = [
  'Finding a leak in',
  'Why the heap grew in',
  'Profiling',
  'Notes on',
  'A week with',
  'Reading the flame graph of',
  'Pooling',
  'What pprof says about',
];

/** Tag names the seeder uses, most common first. */
export const SAMPLE_TAGS = [
  'Go',
  'Node.js',
  'pprof',
  'Memory',
  'Performance',
  'SQLite',
  'Fastify',
  'Testing',
  'Debugging',
  'Benchmarks',
  'Release notes',
  'Tutorial',
  'Internals',
  'Garbage collection',
  'Profiling',
  'Soak tests',
  'Routers',
  'Templates',
  'Security',
  'Meta',
];

// Filler words made of syllables, so that most words are rare, as in real prose, and a search
// for two technical words finds a few percent of the posts rather than all of them.
const SYLLABLES = 'ka lo mi ne ru sa te vo an el is on ur ba de fi go hu ja ko li ma nu pe'.split(
  ' ',
);
const FILLER: string[] = [];
for (const a of SYLLABLES)
  for (const b of SYLLABLES) for (const c of ['', 'n', 'r', 's']) FILLER.push(a + b + c);

/** A few words picked at random: one in twenty technical, the rest filler with a Zipf-like skew. */
export function words(next: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      next() < 0.05
        ? WORDS[Math.floor(next() * WORDS.length)]!
        : FILLER[Math.floor(next() ** 3 * FILLER.length)]!,
    );
  }
  return out.join(' ');
}

/** A post title, e.g. "Profiling slab router". */
export function title(next: () => number): string {
  const topic = [0, 1].map(() => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
  return `${TITLES[Math.floor(next() * TITLES.length)]} ${topic} ${words(next, 1)}`;
}

/** Markdown with paragraphs, a `<!--more-->` marker after the first and a code block. */
export function markdown(next: () => number, paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = words(next, 25 + Math.floor(next() * 40));
    parts.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
    if (i === 0) parts.push('<!--more-->');
    if (i === 1)
      parts.push('```go\nfunc newPool(size int) *pool {\n\treturn &pool{size: size}\n}\n```');
  }
  return parts.join('\n\n');
}
