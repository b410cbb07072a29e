// `/archive`: every published post by year and month, newest first.
import type { Context } from '@pugo/router';
import type { Site } from '../site.js';

/** The archive controller, bound to the site. */
export function archiveController(site: Site) {
  return class ArchiveController {
    async get(ctx: Context) {
      const snapshot = await site.state.get();
      const months = await site.storage.posts.archive(site.now());
      return site.render(
        'archive',
        snapshot,
        {
          title: 'Archive',
          section: 'archive',
          path: ctx.request.url,
          canonical: site.absolute(snapshot, '/archive'),
        },
        { months },
      );
    }
  };
}
