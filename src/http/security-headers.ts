import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers helmet sets for these options, computed once. They do not depend on the
 * request (no nonces, no per-request directives), and the Fastify plugin for helmet rebuilt the
 * whole helmet configuration, CSP parsing included, on every request: ~40 µs each, more than a
 * bare route costs in all.
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return Object.freeze(headers);
}

/**
 * Pages of the web app (the single-page app, its assets, the API docs, the report as HTML): nothing from
 * elsewhere, no framing, forms only to itself.
 */
export const DOCUMENT_HEADERS = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
});

/**
 * Answers of the API (JSON, problems, downloads): the set the OWASP REST Security Cheat Sheet names for API
 * responses. `no-store`: social data (§ 35 SGB I) must not stay in the browser's or a proxy's cache on a
 * shared office computer. A JSON answer loads nothing, so its policy allows nothing (`default-src 'none'`)
 * instead of the page's; the headers that only matter for documents (cross-origin opener, origin-agent-
 * cluster, legacy IE/Flash switches) are left out: fewer bytes and header checks on every call.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': DOCUMENT_HEADERS['strict-transport-security'] as string,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

/** Which set a request's answer gets: the API's, but a page for the API docs. */
export function headersFor(url: string): Readonly<Record<string, string>> {
  return url.startsWith('/api/') && !url.startsWith('/api/docs') ? API_HEADERS : DOCUMENT_HEADERS;
}
