// The sample content a new blog starts with: Hello World, an About page, tagged posts, comments.
import type { Storage } from '@pugo/storage';
import { renderContent } from '../content/index.js';

/** What a newcomer sees on first start (about the story Pugo is named after). */
const POSTS: ReadonlyArray<{ title: string; slug: string; tags: string[]; source: string }> = [
  {
    title: 'How a blog grew from 14 MB to 228 MB in a day',
    slug: 'how-a-blog-grew-from-14-mb-to-228-mb',
    tags: ['go', 'memory', 'pprof'],
    source: `In 2015 the Go blog engine Pugo started at 14 MB and sat at 228 MB a day later.
Nothing was obviously wrong: no goroutines piling up, no caches that grew.

<!--more-->

The first step was to ask the process itself:

\`\`\`go
import _ "net/http/pprof"
\`\`\`

Then \`go tool pprof http://localhost:6060/debug/pprof/heap\`, \`top -10\`, and \`peek reflect.Value.Call\`.
The heap belonged to the web framework's router pool: **800 controller structs per route and per
method**, allocated eagerly, handed out without being cleared.

> Every slot kept the last request's render data until the slab rolled over.

The fix in the framework made the slab lazy and the size 10.`,
  },
  {
    title: 'Pools that cannot leak',
    slug: 'pools-that-cannot-leak',
    tags: ['node', 'memory'],
    source: `A pool should make requests cheaper, not keep them alive.

<!--more-->

@pugo/router pools controllers lazily, keeps at most a few idle instances per route, and resets
every field before an instance goes back:

\`\`\`ts
class PostController {
  post?: Post;
  async get(ctx: Context) {
    this.post = await posts.findBySlug(ctx.params.slug);
    return render('post', this.post);
  }
}
\`\`\`

In development, the retention guard compares a released instance with a fresh one and names the
field that still holds request data.`,
  },
  {
    title: 'Reading a heap profile',
    slug: 'reading-a-heap-profile',
    tags: ['pprof', 'tools'],
    source: `\`pugo-heap\` prints what \`go tool pprof\` prints, for any pprof profile.

<!--more-->

\`\`\`sh
pnpm exec pugo-heap top -10 http://127.0.0.1:6060/debug/pprof/heap
\`\`\`

| flat | flat% | sum% | function |
| ---: | ---: | ---: | --- |
| 12MB | 40% | 40% | reflect.MakeSlice |
| 6MB | 20% | 60% | newPool |

The columns mean what they mean in Go: *flat* is what a function allocated itself.`,
  },
  {
    title: 'Soak tests in CI',
    slug: 'soak-tests-in-ci',
    tags: ['tools', 'node'],
    source: `A leak that takes a day to show needs a test that runs long enough to see it.

<!--more-->

\`pugo-soak\` drives a steady load, samples the heap and decides whether it *trends* up, then
diffs two profiles to name the code that grew.

- warm up
- measure
- compare`,
  },
];

const ABOUT = `Pugo is a blog that runs on a leak-hunting toolkit for Node: Go-compatible \`/debug/pprof\`
endpoints, go tool pprof's reports in TypeScript, and a soak tester.

This page is an example: edit it in the admin, or add your own pages to the menu.`;

/** Whether the database has any post, in any status (seeding only happens on an empty one). */
export async function hasContent(storage: Pick<Storage, 'posts'>): Promise<boolean> {
  return (await storage.posts.count()) > 0;
}

/** Adds the welcome content: 5 posts, the About page, comments with one nested reply. */
export async function seedWelcomeContent(storage: Storage, now: Date = new Date()): Promise<void> {
  const hour = 3_600_000;
  const helloSource =
    'Welcome to Pugo. This is your first post: edit or delete it, then start writing.\n\n<!--more-->\n\n' +
    'Posts are written in **markdown**; code is highlighted when a post is saved:\n\n' +
    '```js\nconsole.log("hello, world");\n```\n';
  const hello = renderContent(helloSource);
  const helloPost = await storage.posts.create({
    title: 'Hello World',
    slug: 'hello-world',
    source: helloSource,
    html: hello.html,
    excerpt: hello.excerpt,
    status: 'published',
    publishedAt: new Date(now.getTime() - 1000),
    tags: ['pugo'],
  });
  for (const [i, post] of POSTS.entries()) {
    const rendered = renderContent(post.source);
    await storage.posts.create({
      title: post.title,
      slug: post.slug,
      source: post.source,
      html: rendered.html,
      excerpt: rendered.excerpt,
      status: 'published',
      publishedAt: new Date(now.getTime() - (i + 1) * 26 * hour),
      tags: post.tags,
    });
  }
  const about = renderContent(ABOUT);
  await storage.pages.create({
    title: 'About',
    slug: 'about',
    source: ABOUT,
    html: about.html,
    status: 'published',
    inMenu: true,
    menuOrder: 1,
  });
  const first = await storage.comments.create({
    postId: helloPost.id,
    authorName: 'Ada Lovelace',
    authorEmail: 'ada@example.com',
    authorUrl: 'https://example.com/ada',
    body: 'Congratulations on the new blog!\n\nLooking forward to the next post.',
    status: 'approved',
  });
  await storage.comments.create({
    postId: helloPost.id,
    parentId: first.id,
    authorName: 'Pugo',
    authorEmail: 'admin@example.com',
    body: 'Thank you, Ada. More soon: see https://example.com/pugo for the story.',
    status: 'approved',
  });
  await storage.comments.create({
    postId: helloPost.id,
    authorName: 'Grace Hopper',
    authorEmail: 'grace@example.com',
    body: 'Does it leak? <b>asking for a friend</b>',
    status: 'approved',
  });
}
