// seedSampleContent(): many Pugo-flavoured posts, tags and comments, fast, for demos, load and benches.
import type { Kysely } from 'kysely';
import type { Storage } from '../open-storage.js';
import type { Database } from '../schema.js';
import { markdown, random, SAMPLE_TAGS, title, words } from './sample-text.js';
import { slugify } from './slugify.js';

/** Options of {@link seedSampleContent}. */
export interface SeedOptions {
  /** Posts to add. Default: 12 */
  readonly posts?: number;
  /** Comments per post on average (a fifth of them replies, a tenth pending). Default: 3 */
  readonly commentsPerPost?: number;
  /** The same seed gives the same content. Default: 1 */
  readonly seed?: number;
  /** The newest post is published at this time, each older one 7 hours earlier. Default: now */
  readonly now?: Date;
  /** Markdown → HTML and excerpt HTML (the blog passes its renderer). Default: paragraphs, escaped */
  readonly render?: (source: string) => { html: string; excerpt: string };
  /** Author of the posts. Default: null */
  readonly authorId?: number | null;
  /** Slugs are `${slugPrefix}${n}-${title}`, so seeding twice with another prefix adds more. Default: '' */
  readonly slugPrefix?: string;
}

/** What {@link seedSampleContent} added. */
export interface SeedResult {
  readonly posts: number;
  readonly comments: number;
  readonly tags: number;
}

const CHUNK = 250;

/**
 * Adds `posts` published posts with 1 to 3 tags each, code blocks, `<!--more-->` excerpts and
 * comments (some nested, some pending), in transactions of 250 posts. 10,000 posts take a few
 * seconds. Slugs must be free: use `slugPrefix` to seed a database twice.
 *
 * The text is the Pugo blog's (leak hunting, 20 tags such as "Go" and "pprof"). It writes rows in
 * bulk rather than through the repositories, which is why it lives here and not in the blog.
 */
export async function seedSampleContent(
  storage: Pick<Storage, 'transaction'>,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const total = options.posts ?? 12;
  const perPost = options.commentsPerPost ?? 3;
  const next = random(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const render = options.render ?? renderPlain;
  let comments = 0;
  const tagIds = await storage.transaction(async (_, db) => ensureTags(db));
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK);
    comments += await storage.transaction(async (_, db) => {
      const rows = [];
      for (let i = start; i < end; i++) {
        const name = title(next);
        const source = markdown(next, 3 + Math.floor(next() * 4));
        const { html, excerpt } = render(source);
        const at = new Date(now - i * 7 * 3_600_000).toISOString();
        rows.push({
          title: name,
          slug: `${options.slugPrefix ?? ''}${i + 1}-${slugify(name)}`,
          source,
          html,
          excerpt,
          status: 'published',
          comment_status: 'open',
          author_id: options.authorId ?? null,
          created_at: at,
          updated_at: at,
          published_at: at,
        });
      }
      const ids = await db.insertInto('posts').values(rows).returning('id').execute();
      const links = ids.flatMap(({ id }) => {
        const picked = new Set<number>();
        const count = 1 + Math.floor(next() * 3);
        // Low tag numbers come up more often, as real tag clouds do.
        while (picked.size < count) picked.add(tagIds[Math.floor(next() ** 2 * tagIds.length)]!);
        return [...picked].map((tag_id) => ({ post_id: id, tag_id }));
      });
      await db.insertInto('post_tags').values(links).execute();
      return addComments(db, ids, rows, perPost, next);
    });
  }
  return { posts: total, comments, tags: tagIds.length };
}

async function ensureTags(db: Kysely<Database>): Promise<number[]> {
  const tags = SAMPLE_TAGS.map((name) => ({ name, slug: slugify(name) }));
  await db
    .insertInto('tags')
    .values(tags)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where(
      'slug',
      'in',
      tags.map((t) => t.slug),
    )
    .execute();
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return tags.map((t) => bySlug.get(t.slug)!);
}

async function addComments(
  db: Kysely<Database>,
  ids: { id: number }[],
  posts: { published_at: string }[],
  perPost: number,
  next: () => number,
): Promise<number> {
  let added = 0;
  const roots = [];
  for (const [i, { id }] of ids.entries()) {
    const count = Math.floor(next() * (2 * perPost + 1));
    const base = Date.parse(posts[i]!.published_at);
    for (let c = 0; c < count; c++) {
      const n = Math.floor(next() * 50);
      roots.push({
        post_id: id,
        author_name: `Reader ${n}`,
        author_email: `reader${n}@example.com`,
        author_url: null,
        body: `${words(next, 8 + Math.floor(next() * 20))}.`,
        status: next() < 0.1 ? 'pending' : 'approved',
        created_at: new Date(base + (c + 1) * 600_000).toISOString(),
      });
    }
  }
  if (roots.length === 0) return 0;
  const inserted = [];
  for (let i = 0; i < roots.length; i += 500) {
    const chunk = roots.slice(i, i + 500);
    inserted.push(
      ...(await db
        .insertInto('comments')
        .values(chunk)
        .returning(['id', 'post_id', 'created_at'])
        .execute()),
    );
  }
  added += inserted.length;
  const replies = inserted
    .filter(() => next() < 0.25)
    .map((parent) => ({
      post_id: parent.post_id,
      parent_id: parent.id,
      author_name: 'Author',
      author_email: 'author@example.com',
      author_url: null,
      body: `Thanks! ${words(next, 6)}.`,
      status: 'approved',
      created_at: new Date(Date.parse(parent.created_at) + 300_000).toISOString(),
    }));
  for (let i = 0; i < replies.length; i += 500) {
    await db
      .insertInto('comments')
      .values(replies.slice(i, i + 500))
      .execute();
  }
  return added + replies.length;
}

/** The default renderer: escaped paragraphs and code blocks, the excerpt up to `<!--more-->`. */
function renderPlain(source: string): { html: string; excerpt: string } {
  const esc = (s: string) =>
    s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const blocks = source.split(/\n{2,}/).map((block) => {
    if (block === '<!--more-->') return block;
    const code = /^```(\w*)\n([\s\S]*)\n```$/.exec(block);
    if (code !== null) {
      return `<pre><code class="language-${code[1]}">${esc(code[2]!)}</code></pre>`;
    }
    return `<p>${esc(block)}</p>`;
  });
  const html = blocks.join('\n');
  const more = blocks.indexOf('<!--more-->');
  return { html, excerpt: more === -1 ? html : blocks.slice(0, more).join('\n') };
}
