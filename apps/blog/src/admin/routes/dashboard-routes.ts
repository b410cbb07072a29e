// /admin: counts, the activity feed and quick links.
import type { FastifyInstance } from 'fastify';
import { type AdminContext, page } from '../admin-context.js';

export function dashboardRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/', async (request, reply) => {
    const [counts, activity] = await Promise.all([
      ctx.storage.dashboard.counts(ctx.now()),
      ctx.storage.activity.list({ page: 1, pageSize: 20 }),
    ]);
    return page(ctx, request, reply, 'dashboard', {
      title: 'Dashboard',
      section: 'dashboard',
      counts,
      activity: activity.items,
    });
  });
}
