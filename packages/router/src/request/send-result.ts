// Sends a handler's result the tango way: string → HTML, object → JSON, bytes and streams as is.
import type { FastifyReply } from 'fastify';
import type { ResponseResult } from '../types.js';

const HTML = 'text/html; charset=utf-8';
const RESPONSE_KEYS = new Set(['status', 'body', 'headers']);

/**
 * Whether `value` is a `{ status, body, headers }` response: a plain object with at least one of
 * those keys and no other, `status` (when present) a number and `headers` (when present) an object.
 * Any other object is JSON; to send JSON shaped like a response, return `{ body: value }`.
 */
export function isResponseResult(value: object): value is ResponseResult {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let keys = 0;
  for (const key in value) {
    if (!RESPONSE_KEYS.has(key)) return false;
    keys++;
  }
  if (keys === 0) return false;
  const { status, headers } = value as ResponseResult;
  if (status !== undefined && typeof status !== 'number') return false;
  return headers === undefined || (typeof headers === 'object' && headers !== null);
}

/** Sends `result` on `reply`; `undefined` means the handler replied itself, so nothing is sent. */
export function sendResult(reply: FastifyReply, result: unknown): void {
  if (result === undefined || reply.sent) return;
  if (typeof result === 'string') {
    sendBody(reply, result);
    return;
  }
  if (
    result !== null &&
    typeof result === 'object' &&
    !Array.isArray(result) &&
    isResponseResult(result)
  ) {
    if (result.status !== undefined) reply.code(result.status);
    if (result.headers !== undefined) reply.headers(result.headers);
    sendBody(reply, result.body);
    return;
  }
  // Buffers, typed arrays and streams go out as they are; everything else is JSON.
  reply.send(result);
}

/** Sends a response's `body`: a string as HTML (unless a content type is set), the rest as is. */
function sendBody(reply: FastifyReply, body: unknown): void {
  if (typeof body === 'string' && !reply.hasHeader('content-type')) {
    reply.header('content-type', HTML);
  }
  reply.send(body);
}

/** The status a result will be sent with (for logs written before it is sent). */
export function resultStatus(reply: FastifyReply, result: unknown): number {
  if (
    result !== null &&
    typeof result === 'object' &&
    !Array.isArray(result) &&
    isResponseResult(result) &&
    result.status !== undefined
  ) {
    return result.status;
  }
  return reply.statusCode;
}
