import path from 'node:path';
import type { FastifyReply } from 'fastify';

/**
 * How long a browser may keep each file of the built web app. The pages (HTML), the service
 * worker and its precache list name the content-hashed assets of one build: they must be asked
 * again every time (`no-cache`), or a page kept from before a deploy points to deleted assets.
 * Hashed assets never change under their name: kept a year, never revalidated.
 */
export function webCacheControl(file: string): string {
  const rel = file.split(path.sep).join('/');
  if (/(^|\/)assets\//.test(rel)) return 'public, max-age=31536000, immutable';
  if (/\.html$/.test(rel) || /(^|\/)(sw\.js|precache\.json)$/.test(rel)) return 'no-cache';
  // Anything else (icons, robots.txt): short, and revalidated after.
  return 'public, max-age=3600';
}

/** @fastify/static options: its own max-age off, ours per file. */
export const webStaticCacheOptions = {
  cacheControl: false,
  setHeaders: (reply: FastifyReply, file: string) => {
    reply.header('cache-control', webCacheControl(file));
  },
} as const;
