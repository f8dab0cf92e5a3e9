/** Shapes of the webhooks API (apps/server/src/modules/webhooks/schemas.ts). */
export interface Endpoint {
  id: number;
  unitCode: string;
  name: string;
  url: string;
  kind: string;
  enabled: boolean;
  createdAt: string;
}

export interface OutboxItem {
  id: number;
  endpointId: number;
  unitCode: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}
