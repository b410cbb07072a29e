// The first-run content: seeded only into a database without posts, and what a newcomer sees.
import { openStorage, type Storage } from '@pugo/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { hasContent, seedWelcomeContent } from '../src/seed/welcome-content.js';

let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

describe('welcome content', () => {
  it('is seeded only into a database with no post, whatever the status', async () => {
    storage = await openStorage({ url: ':memory:' });
    expect(await hasContent(storage)).toBe(false);
    const draft = await storage.posts.create({ title: 'T', slug: 't', source: '', html: '' });
    await storage.posts.trash(draft.id);
    expect(await hasContent(storage)).toBe(true);
    await storage.posts.delete(draft.id);
    expect(await hasContent(storage)).toBe(false);
  });

  it('adds Hello World, four tagged posts, the About page in the menu and a comment thread', async () => {
    storage = await openStorage({ url: ':memory:' });
    await seedWelcomeContent(storage, new Date('2026-01-10T00:00:00.000Z'));
    expect(await hasContent(storage)).toBe(true);
    const home = await storage.posts.listPublished({ now: new Date('2026-01-10T00:00:00.000Z') });
    expect(home.items.map((p) => p.slug)).toEqual([
      'hello-world',
      'how-a-blog-grew-from-14-mb-to-228-mb',
      'pools-that-cannot-leak',
      'reading-a-heap-profile',
      'soak-tests-in-ci',
    ]);
    expect(home.items.every((p) => p.tags.length > 0 && p.excerpt !== '')).toBe(true);
    expect((await storage.pages.menu()).map((p) => p.slug)).toEqual(['about']);
    const hello = await storage.posts.getPublishedBySlug('hello-world', new Date('2026-02-01'));
    const thread = await storage.comments.tree({ postId: hello.id });
    expect(thread).toHaveLength(2);
    expect(thread[0]!.replies).toHaveLength(1);
  });
});
