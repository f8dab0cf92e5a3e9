// The API's answers come from the server's schemas: `import type` from @jiceng/shared/schemas/<module>.

/** GET /api/audit (the audit module declares its schema in its routes). */
export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
}
