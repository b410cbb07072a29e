// /admin/media: multipart upload (size limit from settings, type from content), list, delete.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type AdminContext, page, record, sessionOf } from '../admin-context.js';
import { rejectCsrf } from '../auth.js';
import { positiveInt } from '../form-values.js';
import { sniffMediaType } from '../media-type.js';
import { safeEqual } from '../tokens.js';

export function mediaRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: { page?: string } }>('/media', async (request, reply) => {
    const pageNo = positiveInt(request.query.page, 1);
    const list = await ctx.storage.media.list({ page: pageNo, pageSize: 40 });
    return page(ctx, request, reply, 'media', {
      title: 'Media',
      section: 'media',
      media: list.items,
      page: pageNo,
      pageCount: list.pageCount,
      maxBytes: await ctx.storage.settings.get('mediaMaxBytes'),
    });
  });

  app.post('/media', async (request, reply) => {
    if (!request.isMultipart()) return fail(reply, 400, 'Upload a file as multipart/form-data.');
    const session = sessionOf(request);
    const max = await ctx.storage.settings.get('mediaMaxBytes');
    let csrfSeen = false;
    for await (const part of request.parts({ limits: { fileSize: max, files: 1, fields: 5 } })) {
      if (part.type === 'field') {
        if (part.fieldname === '_csrf' && typeof part.value === 'string') {
          csrfSeen = safeEqual(part.value, session.csrf);
        }
        continue;
      }
      // The token must come before the file: nothing is read from a forged request.
      if (!csrfSeen) {
        part.file.resume();
        return rejectCsrf(reply);
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated)
        return fail(
          reply,
          413,
          `The file is larger than the limit of ${formatBytes(max)}; shrink it or raise the limit in settings.`,
        );
      const body = Buffer.concat(chunks);
      const type = sniffMediaType(body.subarray(0, 16));
      if (!type)
        return fail(
          reply,
          415,
          'That file is not a PNG, JPEG, GIF, WebP, AVIF or PDF (checked by its content, not its name).',
        );
      const sha256 = createHash('sha256').update(body).digest('hex');
      const existing = await ctx.storage.media.findBySha256(sha256);
      if (existing)
        return done(reply, request.headers.accept, existing.storedPath, 'Already uploaded');
      const now = ctx.now();
      const folder = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
      const storedPath = `${folder}/${sha256}.${type.ext}`;
      const file = join(ctx.mediaDir, storedPath);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      const originalName = (part.filename || 'upload').slice(0, 255);
      const media = await ctx.storage.media.create({
        originalName,
        storedPath,
        mime: type.mime,
        size: body.length,
        sha256,
        uploadedBy: session.user.id,
      });
      await record(ctx, request, 'media.uploaded', 'media', media.id, originalName);
      return done(reply, request.headers.accept, storedPath, 'Uploaded');
    }
    return fail(reply, 400, 'No file in the upload: choose one and try again.');
  });

  app.post<{ Params: { id: string } }>('/media/:id/delete', async (request, reply) => {
    const media = await ctx.storage.media.find(positiveInt(request.params.id, 0));
    if (!media) return fail(reply, 404, 'No such file.');
    await ctx.storage.media.delete(media.id);
    // Another row may share nothing (paths are unique by content hash), so the file goes too.
    await rm(join(ctx.mediaDir, media.storedPath), { force: true });
    await record(ctx, request, 'media.deleted', 'media', media.id, media.originalName);
    return reply.redirect('/admin/media?notice=Deleted', 303);
  });
}

function done(reply: FastifyReply, accept: string | undefined, storedPath: string, notice: string) {
  const url = `/media/${storedPath}`;
  if (accept?.includes('application/json')) return reply.code(201).send({ url });
  return reply.redirect(`/admin/media?notice=${encodeURIComponent(`${notice}: ${url}`)}`, 303);
}

function fail(reply: FastifyReply, status: number, message: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/plain; charset=utf-8')
    .send(message);
}

/** `10 MiB`, `512 KiB`, `300 B`. */
export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${+(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
