// ETag and Last-Modified on pages and feeds, and 304 Not Modified when the client's copy is current.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const CACHEABLE =
  /^(text\/html|application\/(rss\+xml|atom\+xml|feed\+json|xml|json)|text\/(plain|xml))/;

/**
 * In onSend (before compression, so the tag names the content, not its encoding): for a 200 to a GET
 * or HEAD with a string body, sets a strong ETag from the body's hash unless the handler set one,
 * then answers 304 when If-None-Match matches, or, without If-None-Match, when If-Modified-Since is
 * not older than Last-Modified.
 */
export function registerConditionalGet(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!CACHEABLE.test(type)) return payload;
    if (!reply.hasHeader('etag')) {
      const hash = createHash('sha1').update(payload).digest('base64url').slice(0, 22);
      reply.header('etag', `"${hash}"`);
    }
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
    if (notModified(request, reply)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

/** Whether the request's validators match the response's (RFC 9110 §13.2.2 order). */
export function notModified(request: FastifyRequest, reply: FastifyReply): boolean {
  const inm = request.headers['if-none-match'];
  const etag = String(reply.getHeader('etag') ?? '');
  if (inm !== undefined) {
    if (etag === '') return false;
    const bare = etag.replace(/^W\//, '');
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === bare);
  }
  const ims = request.headers['if-modified-since'];
  const lm = reply.getHeader('last-modified');
  if (ims === undefined || lm === undefined) return false;
  const since = Date.parse(ims);
  const modified = Date.parse(String(lm));
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
}

/** An HTTP date for Last-Modified, to the second (HTTP dates have no milliseconds). */
export function httpDate(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toUTCString();
}
