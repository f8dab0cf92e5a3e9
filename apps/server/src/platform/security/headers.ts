import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of the built web app (apps/web/dist): its pages load only their own
 * module scripts (no inline script, checked by security.api.test.ts against the build), antd
 * writes its CSS-in-JS into <style> elements (hence 'unsafe-inline' for styles only), photos are
 * previewed from blob: and data: URLs, and the service worker is /sw.js. Nothing is framed and
 * nothing frames us.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/api/docs) runs an inline initialiser and inline styles: its own, looser policy. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the security headers on every answer: pages, files, API answers and errors alike. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', req.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), geolocation=(self), microphone=()');
  });
}
