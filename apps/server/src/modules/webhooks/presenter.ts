import type { z } from 'zod';
import type { endpointOut, outboxOut } from './schemas';
import type { outbox, webhookEndpoints } from './tables';

/** A robot URL's `key` is a bearer secret: show enough to recognise it, never enough to use it. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const [k, v] of u.searchParams) if (v.length > 0) u.searchParams.set(k, v.length > 8 ? `${v.slice(0, 4)}****${v.slice(-4)}` : '****');
    return u.toString();
  } catch {
    return '****';
  }
}

export function presentEndpoint(row: typeof webhookEndpoints.$inferSelect): z.output<typeof endpointOut> {
  return {
    id: row.id,
    unitCode: row.unitCode,
    name: row.name,
    url: maskUrl(row.url),
    kind: row.kind,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentOutbox(row: typeof outbox.$inferSelect): z.output<typeof outboxOut> {
  return {
    id: row.id,
    endpointId: row.endpointId,
    unitCode: row.unitCode,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    payload: row.payload,
  };
}
