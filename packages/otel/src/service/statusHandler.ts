import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DiagOnce } from '../diagnostics.js';

const UNAVAILABLE = '{"error":"SLO status unavailable"}';
const NOT_ALLOWED = '{"error":"method not allowed: use GET or HEAD"}';

/**
 * Serves a JSON payload on a plain Node response: `GET` gets the body, `HEAD` the same headers
 * without it, anything else `405` with `allow: GET, HEAD`. Always `cache-control: no-store` (a
 * budget read through a cache could let a release past a spent budget). Never throws: a payload
 * that fails to build answers `500` and is reported once through `diag`. Internal.
 *
 * @param req - the request
 * @param res - the response
 * @param payload - builds the payload (called only for GET and HEAD)
 * @param diag - where faults are reported
 */
export function serveJson(
  req: IncomingMessage,
  res: ServerResponse,
  payload: () => unknown,
  diag: DiagOnce,
): void {
  try {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, NOT_ALLOWED, false, true);
      return;
    }
    send(res, 200, JSON.stringify(payload()), method === 'HEAD', false);
  } catch (error) {
    diag.error('status', 'serving the SLO status failed', error);
    try {
      if (!res.headersSent) send(res, 500, UNAVAILABLE, req.method === 'HEAD', false);
      else res.end();
    } catch {
      // the response is beyond repair; nothing may escape to the server
    }
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  head: boolean,
  allow: boolean,
): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(body));
  if (allow) res.setHeader('allow', 'GET, HEAD');
  if (head) res.end();
  else res.end(body);
}
