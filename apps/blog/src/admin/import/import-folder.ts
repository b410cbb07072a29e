// Imports a folder of markdown files with front matter as posts, reporting what it skipped and why.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type Storage, slugify } from '@pugo/storage';
import { renderContent } from '../../content/index.js';
import { parseFrontMatter } from './front-matter.js';

/** What an import did. */
export interface ImportReport {
  readonly imported: { file: string; title: string; slug: string; status: string }[];
  readonly skipped: { file: string; reason: string }[];
  /** Set when the folder itself could not be read. */
  readonly error?: string;
}

export interface ImportOptions {
  /** Author of the imported posts. Default: null */
  readonly authorId?: number | null;
  /** Posts without a date are dated now. Default: `new Date()` */
  readonly now?: Date;
}

/** Imports every `.md`/`.markdown` file in `folder` (subfolders included) as a post. */
export async function importMarkdownFolder(
  storage: Pick<Storage, 'posts'>,
  folder: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const imported: ImportReport['imported'] = [];
  const skipped: ImportReport['skipped'] = [];
  let files: string[];
  try {
    if (!folder || !(await stat(folder)).isDirectory()) throw new Error('not a folder');
    files = await listFiles(folder);
  } catch {
    return {
      imported,
      skipped,
      error: `cannot read the folder ${JSON.stringify(folder)}: give the path of a folder of markdown files on the server`,
    };
  }
  for (const file of files) {
    if (!/\.(md|markdown)$/i.test(file)) {
      skipped.push({ file, reason: 'not a markdown file (.md or .markdown)' });
      continue;
    }
    let text: string;
    try {
      text = await readFile(join(folder, file), 'utf8');
    } catch (error) {
      skipped.push({ file, reason: `cannot be read (${(error as NodeJS.ErrnoException).code})` });
      continue;
    }
    const parsed = parseFrontMatter(text);
    if (parsed.kind === 'none') {
      skipped.push({ file, reason: 'no front matter (YAML ---, TOML +++ or JSON { })' });
      continue;
    }
    if (parsed.kind === 'invalid') {
      skipped.push({ file, reason: parsed.reason });
      continue;
    }
    const { data, body } = parsed;
    const title = str(data.title).trim();
    if (!title) {
      skipped.push({ file, reason: 'no title in the front matter' });
      continue;
    }
    // Jekyll names posts YYYY-MM-DD-slug.md: the date and slug come from the name when not given.
    const stem = basename(file, extname(file));
    const jekyll = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(stem);
    const slug = slugify(str(data.slug) || (jekyll?.[2] ?? '') || title);
    const date = dateOf(data.date) ?? dateOf(jekyll?.[1]) ?? options.now ?? new Date();
    if (Number.isNaN(date.getTime())) {
      skipped.push({ file, reason: `the date ${JSON.stringify(str(data.date))} is not a date` });
      continue;
    }
    if (await storage.posts.findBySlug(slug)) {
      skipped.push({ file, reason: `a post with the slug "${slug}" already exists` });
      continue;
    }
    const draft = data.draft === true || data.published === false || str(data.status) === 'draft';
    const tags = [...list(data.tags), ...list(data.categories)];
    const rendered = renderContent(body);
    await storage.posts.create({
      title: title.slice(0, 300),
      slug,
      source: body,
      html: rendered.html,
      excerpt: rendered.excerpt,
      status: draft ? 'draft' : 'published',
      publishedAt: draft ? null : date,
      tags: [...new Set(tags)].slice(0, 30),
      authorId: options.authorId ?? null,
    });
    imported.push({ file, title, slug, status: draft ? 'draft' : 'published' });
  }
  return { imported, skipped };
}

/** A scalar field as text: YAML gives numbers and dates where the author meant words too. */
function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, '');
  return '';
}

/** YAML dates arrive as Dates, TOML and JSON ones as text; a missing or empty one is undefined. */
function dateOf(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  const text = str(v).trim();
  return text ? new Date(text) : undefined;
}

/** Tags and categories: a list, or one string of comma-separated names. */
function list(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(str) : typeof v === 'string' ? v.split(',') : [];
  return items.map((s) => s.trim()).filter(Boolean);
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(join(dir, prefix))).sort()) {
    if (name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(join(dir, rel))).isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}
