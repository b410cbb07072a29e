// A separate process for the concurrency test: opens the same database file and writes to it.
import { openStorage } from '../src/index.js';

const [url, prefix, count, postId] = process.argv.slice(2);
const storage = await openStorage({ url: url!, busyTimeout: 20_000 });
for (let i = 0; i < Number(count); i++) {
  await storage.posts.create({
    title: `${prefix} ${i}`,
    slug: `${prefix}-${i}`,
    source: `written by ${prefix}`,
    html: '',
    tags: [prefix!, 'shared'],
  });
  await storage.posts.incrementHits(Number(postId));
}
await storage.close();
process.stdout.write('done\n');
