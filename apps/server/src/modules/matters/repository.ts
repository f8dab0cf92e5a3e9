import { FINAL_STATES, type MatterState } from '@jiceng/shared';
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { toSnakeCase } from 'drizzle-orm/casing';
import { escapeLike } from '../../db/like';
import { publishCtes } from '../../platform/events/repository';
import { type AuditRow, auditInsertSelect } from '../audit/service';
import { departments, units } from '../org/tables';
import type { ReadScope } from './policy';
import { matterCategories, matterDispatches, matterEvents, matterFollowers, matterPhotos, matters } from './tables';

export type MatterRow = typeof matters.$inferSelect;
export type MatterInsert = typeof matters.$inferInsert;
export type CategoryRow = typeof matterCategories.$inferSelect;
export type EventRow = typeof matterEvents.$inferSelect;
export type DispatchRow = typeof matterDispatches.$inferSelect;

/** Every column the intake sets (null where unknown). */
export type NewMatterRow = Pick<
  MatterInsert,
  | 'trackingCode'
  | 'unitCode'
  | 'householdId'
  | 'categoryCode'
  | 'urgency'
  | 'state'
  | 'description'
  | 'lat'
  | 'lng'
  | 'reporterKind'
  | 'reporterName'
  | 'reporterPhone'
  | 'reporterUserId'
  | 'hideReporter'
  | 'responsibleUnitCode'
  | 'firstUnitCode'
  | 'respondBy'
  | 'resolveBy'
  | 'stageDeadline'
  | 'createdAt'
  | 'updatedAt'
  | 'clientKey'
>;

export interface ReportWrite {
  matter: NewMatterRow;
  event: { actorUserId: number | null; actorUnitCode: string | null; actorKind: string; data: Record<string, unknown> };
  follower: { userId: number | null; name: string | null; phone: string | null } | null;
  photo: { mime: string; size: number; data: Buffer } | null;
  /** The audit row (its entity id becomes the new matter's). */
  audit: AuditRow;
  /** The `matter.changed` event: its payload without the ids the statement makes. */
  published: { type: string; payload: Record<string, unknown>; snapshot: Record<string, unknown>; at: Date };
}

const MATTER_COLUMNS = Object.entries(getTableColumns(matters)).map(([key, column]) => ({ key, name: toSnakeCase(key), column }));

/** A `returning *` row of matters as drizzle would map it (snake_case names, driver values). */
function mapMatterRow(raw: Record<string, unknown>): MatterRow {
  const out: Record<string, unknown> = {};
  for (const { key, name, column } of MATTER_COLUMNS) {
    const v = raw[name];
    out[key] = v == null ? null : column.mapFromDriverValue(v);
  }
  return out as MatterRow;
}

/**
 * The report in one statement (one round trip, atomic by itself, no BEGIN/COMMIT): the matter,
 * its first event, reporter, photo, audit row and domain event, each a CTE reading the new ids,
 * and the new row read back with RETURNING. A client key seen before inserts nothing and answers
 * null (the caller then returns the first report).
 */
export async function insertReport(db: Executor, w: ReportWrite): Promise<{ matter: MatterRow; eventId: number } | null> {
  const r = w.matter;
  const statement = sql`with m as (
      insert into ${matters} (tracking_code, unit_code, household_id, category_code, urgency, state, description, lat, lng, reporter_kind,
        reporter_name, reporter_phone, reporter_user_id, hide_reporter, responsible_unit_code, first_unit_code, respond_by, resolve_by,
        stage_deadline, created_at, updated_at, client_key)
      values (${r.trackingCode}, ${r.unitCode}, ${r.householdId ?? null}::bigint, ${r.categoryCode}, ${r.urgency}, ${r.state}, ${r.description},
        ${r.lat ?? null}::double precision, ${r.lng ?? null}::double precision, ${r.reporterKind}, ${r.reporterName ?? null}::text,
        ${r.reporterPhone ?? null}::text, ${r.reporterUserId ?? null}::integer, ${r.hideReporter ?? false}, ${r.responsibleUnitCode},
        ${r.firstUnitCode}, ${r.respondBy}::timestamptz, ${r.resolveBy}::timestamptz, ${r.stageDeadline}::timestamptz,
        ${r.createdAt}::timestamptz, ${r.updatedAt}::timestamptz, ${r.clientKey ?? null}::text)
      on conflict (client_key) where client_key is not null do nothing
      returning *
    ), ev as (
      insert into ${matterEvents} (matter_id, from_state, to_state, action, actor_user_id, actor_unit_code, actor_kind, at, data)
      select m.id, null, m.state, 'report', ${w.event.actorUserId}::integer, ${w.event.actorUnitCode}::text, ${w.event.actorKind},
        m.created_at, ${JSON.stringify(w.event.data)}::jsonb from m
      returning id
    ), f as (
      insert into ${matterFollowers} (matter_id, kind, user_id, name, phone, created_at)
      select m.id, 'reporter', ${w.follower?.userId ?? null}::integer, ${w.follower?.name ?? null}::text, ${w.follower?.phone ?? null}::text,
        m.created_at from m where ${w.follower !== null}
      on conflict do nothing
    ), p as (
      insert into ${matterPhotos} (matter_id, mime, size, data, created_at)
      select m.id, ${w.photo?.mime ?? null}::text, ${w.photo?.size ?? null}::integer, ${w.photo?.data ?? null}::bytea, m.created_at
      from m where ${w.photo !== null}
    ), a as (${auditInsertSelect(w.audit, sql`m.id::text`, sql`from m`)}), ${publishCtes(
      'pub',
      w.published.type,
      sql`${JSON.stringify(w.published.payload)}::jsonb || jsonb_build_object('matterId', m.id, 'eventId', ev.id, 'matter', ${JSON.stringify(w.published.snapshot)}::jsonb || jsonb_build_object('id', m.id))`,
      w.published.at,
      sql`from m, ev`,
    )}
    select m.*, ev.id as "event_id_" from m, ev`;
  const res = (await db.execute(statement)) as unknown as { rows: Record<string, unknown>[] };
  const raw = res.rows[0];
  if (!raw) return null;
  return { matter: mapMatterRow(raw), eventId: Number(raw.event_id_) };
}

export async function findMatterByClientKey(db: Executor, clientKey: string): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.clientKey, clientKey));
  return row ?? null;
}

export async function findMatter(db: Executor, id: number): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.id, id));
  return row ?? null;
}

export async function findMatterByCode(db: Executor, code: string): Promise<MatterRow | null> {
  const [row] = await db.select().from(matters).where(eq(matters.trackingCode, code));
  return row ?? null;
}

/** Optimistic concurrency: the update lands only if nobody changed the matter since `version`. */
export async function updateIfVersion(db: Executor, id: number, version: number, patch: Partial<MatterInsert>): Promise<MatterRow | null> {
  const [row] = await db
    .update(matters)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(matters.id, id), eq(matters.version, version)))
    .returning();
  return row ?? null;
}

export type NewEventRow = Omit<typeof matterEvents.$inferInsert, 'id'>;

export async function insertEvent(db: Executor, row: NewEventRow): Promise<number> {
  const [created] = await db.insert(matterEvents).values(row).returning({ id: matterEvents.id });
  return (created as { id: number }).id;
}

export function listEvents(db: Executor, matterId: number) {
  return db.select().from(matterEvents).where(eq(matterEvents.matterId, matterId)).orderBy(asc(matterEvents.id));
}

// — categories —
export function listCategories(db: Executor, activeOnly: boolean) {
  return db
    .select()
    .from(matterCategories)
    .where(activeOnly ? eq(matterCategories.active, true) : undefined)
    .orderBy(asc(matterCategories.sort), asc(matterCategories.code));
}

export async function findCategory(db: Executor, code: string): Promise<CategoryRow | null> {
  const [row] = await db.select().from(matterCategories).where(eq(matterCategories.code, code));
  return row ?? null;
}

export async function upsertCategory(db: Executor, row: typeof matterCategories.$inferInsert) {
  const { code: _code, ...rest } = row;
  await db.insert(matterCategories).values(row).onConflictDoUpdate({ target: matterCategories.code, set: rest });
}

export async function insertCategoriesIfMissing(db: Executor, rows: (typeof matterCategories.$inferInsert)[]) {
  await db.insert(matterCategories).values(rows).onConflictDoNothing();
}

// — dispatches —
export async function insertDispatches(db: Executor, rows: (typeof matterDispatches.$inferInsert)[]) {
  if (rows.length) await db.insert(matterDispatches).values(rows);
}

export async function deactivateDispatches(db: Executor, matterId: number) {
  await db
    .update(matterDispatches)
    .set({ active: false })
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true)));
}

export function listDispatches(db: Executor, matterId: number) {
  return db
    .select({ dispatch: matterDispatches, departmentName: departments.name, departmentUnitCode: departments.unitCode })
    .from(matterDispatches)
    .innerJoin(departments, eq(departments.id, matterDispatches.departmentId))
    .where(eq(matterDispatches.matterId, matterId))
    .orderBy(asc(matterDispatches.id));
}

export async function findActiveDispatch(db: Executor, matterId: number, departmentId: number): Promise<DispatchRow | null> {
  const [row] = await db
    .select()
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.departmentId, departmentId), eq(matterDispatches.active, true)));
  return row ?? null;
}

/** Every dispatch (active or past) of a matter to one department: what the read and act policies need. */
export function dispatchesOfDepartment(db: Executor, matterId: number, departmentId: number) {
  return db
    .select({ departmentId: matterDispatches.departmentId, active: matterDispatches.active, checkedInAt: matterDispatches.checkedInAt })
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.departmentId, departmentId)));
}

export async function updateDispatch(db: Executor, id: number, patch: Partial<typeof matterDispatches.$inferInsert>) {
  await db.update(matterDispatches).set(patch).where(eq(matterDispatches.id, id));
}

/** Earliest open check-in deadline of the active dispatches, or null when all checked in. */
export async function pendingCheckIn(db: Executor, matterId: number): Promise<Date | null> {
  const [row] = await db
    .select({ by: sql<string | null>`min(${matterDispatches.checkInBy})` })
    .from(matterDispatches)
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true), isNull(matterDispatches.checkedInAt)));
  return row?.by ? new Date(row.by) : null;
}

/** Shifts the active dispatches' deadlines after a pause. */
export async function shiftDispatchDeadlines(db: Executor, matterId: number, ms: number) {
  const interval = `${Math.round(ms)} milliseconds`;
  await db
    .update(matterDispatches)
    .set({ checkInBy: sql`${matterDispatches.checkInBy} + ${interval}::interval`, replyBy: sql`${matterDispatches.replyBy} + ${interval}::interval` })
    .where(and(eq(matterDispatches.matterId, matterId), eq(matterDispatches.active, true)));
}

// — followers and photos —
export async function addFollower(db: Executor, row: typeof matterFollowers.$inferInsert): Promise<boolean> {
  const created = await db.insert(matterFollowers).values(row).onConflictDoNothing().returning({ id: matterFollowers.id });
  return created.length > 0;
}

export function listFollowers(db: Executor, matterIds: number[]) {
  return db.select().from(matterFollowers).where(inArray(matterFollowers.matterId, matterIds));
}

export async function moveFollowers(db: Executor, fromId: number, toId: number, viaTrackingCode: string, now: Date) {
  // A follower of the duplicate follows the kept matter; its own code stays valid through mergedIntoId.
  await db.execute(sql`
    insert into matter_followers (matter_id, kind, user_id, name, phone, via_tracking_code, created_at)
    select ${toId}, 'merged', user_id, name, phone, ${viaTrackingCode}, ${now}
    from matter_followers where matter_id = ${fromId}
    on conflict do nothing`);
}

export async function insertPhoto(db: Executor, row: typeof matterPhotos.$inferInsert) {
  const [created] = await db.insert(matterPhotos).values(row).returning({ id: matterPhotos.id });
  return (created as { id: number }).id;
}

export function listPhotoMeta(db: Executor, matterId: number) {
  return db
    .select({ id: matterPhotos.id, mime: matterPhotos.mime, size: matterPhotos.size })
    .from(matterPhotos)
    .where(eq(matterPhotos.matterId, matterId))
    .orderBy(asc(matterPhotos.id));
}

export async function findPhoto(db: Executor, matterId: number, photoId: number) {
  const [row] = await db
    .select()
    .from(matterPhotos)
    .where(and(eq(matterPhotos.matterId, matterId), eq(matterPhotos.id, photoId)));
  return row ?? null;
}

export function unitNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.select({ code: units.code, name: units.name }).from(units).where(inArray(units.code, codes));
}

// — queue —
export interface QueueCursor {
  deadline: Date;
  id: number;
}

const afterCursor = (c: QueueCursor | null): SQL | undefined =>
  c ? sql`(${matters.stageDeadline}, ${matters.id}) > (${c.deadline.toISOString()}::timestamptz, ${c.id})` : undefined;

/**
 * Open matters whose responsible unit lies in `prefix` (or that are being transferred to it), by
 * deadline then id. Each side pages ids through its index, then that page's rows are fetched; the
 * two sides are merged rather than OR-ed (an OR defeats the indexes).
 */
export async function queueByUnit(db: Executor, prefix: string, states: MatterState[] | null, cursor: QueueCursor | null, limit: number) {
  const like = `${escapeLike(prefix)}%`;
  // Village and township scopes match the expression indexes matters_queue_village/_township.
  const ownScope =
    prefix === ''
      ? undefined
      : prefix.length <= 12 && !states?.length
        ? sql`left(${matters.responsibleUnitCode}, ${sql.raw(String(prefix.length))}) = ${prefix}`
        : sql`${matters.responsibleUnitCode} like ${like}`;
  const side = (scope: SQL | undefined) =>
    db
      .select({ id: matters.id })
      .from(matters)
      .where(and(isNull(matters.closedAt), scope, states?.length ? inArray(matters.state, states) : undefined, afterCursor(cursor)))
      .orderBy(asc(matters.stageDeadline), asc(matters.id))
      .limit(limit);
  const [own, incoming] = await Promise.all([side(ownScope), prefix === '' ? Promise.resolve([]) : side(sql`${matters.transferToUnitCode} like ${like}`)]);
  const ids = [...new Set([...own, ...incoming].map((r) => r.id))];
  if (ids.length === 0) return [];
  const rows = await db.select().from(matters).where(inArray(matters.id, ids));
  return rows.sort((a, b) => a.stageDeadline.getTime() - b.stageDeadline.getTime() || a.id - b.id).slice(0, limit);
}

/**
 * Open matters with an active dispatch to the department, by deadline. Written as EXISTS so the
 * planner can either walk the open-deadline index probing dispatches (a busy department) or start
 * from the department's few dispatches (a quiet one).
 */
export function queueByDepartment(db: Executor, departmentId: number, cursor: QueueCursor | null, limit: number) {
  const dispatched = sql`exists (select 1 from ${matterDispatches} d where d.matter_id = ${matters.id} and d.department_id = ${departmentId} and d.active)`;
  const page = db
    .select({ id: matters.id })
    .from(matters)
    .where(and(isNull(matters.closedAt), dispatched, afterCursor(cursor)))
    .orderBy(asc(matters.stageDeadline), asc(matters.id))
    .limit(limit);
  return db.select().from(matters).where(inArray(matters.id, page)).orderBy(asc(matters.stageDeadline), asc(matters.id));
}

/** Open, running matters past their stage deadline, oldest first (for the sweep). */
export function findOverdue(db: Executor, now: Date, limit: number) {
  return db
    .select()
    .from(matters)
    .where(and(isNull(matters.closedAt), isNull(matters.pausedAt), sql`${matters.stageDeadline} < ${now.toISOString()}::timestamptz`))
    .orderBy(asc(matters.stageDeadline), asc(matters.id))
    .limit(limit);
}

export const FINAL: readonly MatterState[] = FINAL_STATES;

/** What a notice or a chat card shows of each matter (handlers read it after the change committed). */
export async function textsOf(db: Executor, ids: number[]): Promise<Map<number, { trackingCode: string; description: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: matters.id, trackingCode: matters.trackingCode, description: matters.description })
    .from(matters)
    .where(inArray(matters.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The matters as they stand now (handlers of state: metrics facts, the similar index). */
export async function findMatters(db: Executor, ids: number[]): Promise<MatterRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(matters)
    .where(inArray(matters.id, [...new Set(ids)]));
}

// — The read rule's SQL (matters/policy.ts decides; these build the conditions) —

export type { SQL } from 'drizzle-orm';

const under = (column: SQL, prefix: string) => sql`${column} like ${`${escapeLike(prefix)}%`}`;

/** Matters dispatched (ever, or actively) to a department, as a condition on a matter id. */
export function dispatchedTo(departmentId: number, matterId: SQL, activeOnly = false): SQL {
  return sql`exists (select 1 from ${matterDispatches} d where d.matter_id = ${matterId} and d.department_id = ${departmentId}${activeOnly ? sql` and d.active` : sql``})`;
}

/** A read scope (policy.ts `readScope`) as a condition on the `matters` table (null: no restriction). */
export function readScopeCondition(scope: ReadScope): SQL | null {
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'department') return dispatchedTo(scope.departmentId, sql`${matters.id}`);
  if (scope.prefix === '') return null;
  return sql`(${under(sql`${matters.unitCode}`, scope.prefix)} or ${under(sql`${matters.responsibleUnitCode}`, scope.prefix)} or ${under(sql`${matters.transferToUnitCode}`, scope.prefix)})`;
}

/** A condition on the `matters` table as a condition on another table's matter id. */
export function matterIdWhere(matterId: SQL, where: SQL): SQL {
  return sql`exists (select 1 from ${matters} where ${matters.id} = ${matterId} and ${where})`;
}

/** What the integrations' feed asks for (matters/feed.ts). */
export interface FeedWhere {
  /** A unit code prefix: matters placed in that unit or below ('' for all). */
  scope: string;
  /** Internal ids (Open311 resolves its public ids to these first). */
  ids?: number[];
  categoryCode?: string;
  from?: Date;
  to?: Date;
  states?: readonly string[];
  limit: number;
}

/** Matters newest first, filtered as `q` says. */
export function selectMattersFeed(db: Executor, q: FeedWhere): Promise<MatterRow[]> {
  const where: SQL[] = [like(matters.unitCode, `${escapeLike(q.scope)}%`)];
  if (q.from) where.push(gte(matters.createdAt, q.from));
  if (q.to) where.push(lte(matters.createdAt, q.to));
  if (q.ids) where.push(inArray(matters.id, q.ids));
  if (q.categoryCode) where.push(inArray(matters.categoryCode, [q.categoryCode]));
  if (q.states) where.push(inArray(matters.state, q.states as never[]));
  return db
    .select()
    .from(matters)
    .where(and(...where))
    .orderBy(desc(matters.createdAt), desc(matters.id))
    .limit(q.limit);
}
