// /admin/backup: download a .tar.gz (consistent SQLite copy + media); import markdown from a folder.
import type { FastifyInstance } from 'fastify';
import { type AdminContext, page, record } from '../admin-context.js';
import { createBackup } from '../backup/backup.js';
import { formOf } from '../form-values.js';
import { importMarkdownFolder } from '../import/import-folder.js';

export function backupRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get('/backup', async (request, reply) =>
    page(ctx, request, reply, 'backup', {
      title: 'Backup',
      section: 'backup',
      report: null,
      folder: '',
    }),
  );

  app.post('/backup', async (request, reply) => {
    const now = ctx.now();
    const archive = await createBackup(ctx.storage, ctx.mediaDir, now);
    try {
      const { media } = archive.manifest;
      const mib = (archive.tarBytes / 1024 / 1024).toFixed(1);
      const summary = `${media} media file${media === 1 ? '' : 's'}, ${mib} MiB before compression`;
      await record(ctx, request, 'backup.made', 'backup', null, summary);
    } catch (error) {
      archive.stream.destroy(); // nobody will read it: end it, which removes the database copy
      throw error;
    }
    const name = `pugo-backup-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.tar.gz`;
    // Streamed as it is made: a blog with gigabytes of media neither buffers them nor blocks.
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${name}"`)
      .type('application/gzip')
      .send(archive.stream);
  });

  app.post('/import', async (request, reply) => {
    const folder = formOf(request).text('folder').trim();
    const report = await importMarkdownFolder(ctx.storage, folder, {
      authorId: null,
      now: ctx.now(),
    });
    await record(
      ctx,
      request,
      'import.done',
      'post',
      null,
      `${report.imported.length} imported, ${report.skipped.length} skipped from ${folder}`,
    );
    return page(
      ctx,
      request,
      reply,
      'backup',
      { title: 'Backup', section: 'backup', report, folder },
      report.error ? 422 : 200,
    );
  });
}
