// Seeds the benchmark database with the blog's renderer: `node seed.ts FILE POSTS` prints a post slug.
import { openStorage, seedSampleContent } from '@pugo/storage';
import type * as Content from '../../../../apps/blog/src/content/index.js';
import { importBlog } from './blog-dist.js';

const [file, posts] = process.argv.slice(2);
const { renderContent } = await importBlog<typeof Content>('content/index.js');
const storage = await openStorage({ url: file! });
await seedSampleContent(storage, {
  posts: Number(posts),
  commentsPerPost: 3,
  render: renderContent,
});
// A post in the middle: neighbours on both sides, a few comments.
const middle = await storage.posts.listPublished({
  page: Math.ceil(Number(posts) / 20),
  pageSize: 10,
});
process.stdout.write(`${JSON.stringify({ slug: middle.items[0]!.slug })}\n`);
await storage.close();
