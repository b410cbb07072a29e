// Writes a core PprofResponse to a node:http ServerResponse, streaming bodies that are streams.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { PprofResponse } from '../core/pprof-response.js';

/** Sends `response` on `res`; nothing when the client already left (`body: null`). */
export function sendNodeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: PprofResponse,
) {
  const { body } = response;
  if (body === null || res.destroyed) {
    if (body !== null && typeof body === 'object' && 'destroy' in body) body.destroy();
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (req.method === 'HEAD') {
    body.destroy();
    res.end();
    return;
  }
  // A client that leaves mid-snapshot ends the pipeline; that is not an error worth reporting.
  pipeline(body, res).catch(() => {});
}
