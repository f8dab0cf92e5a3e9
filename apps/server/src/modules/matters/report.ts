import { initialDeadlines, levelOfCode, type MatterState, type ReporterKind, stageDeadline, type Urgency } from '@jiceng/shared';
import { isForeignKeyViolation } from '../../db/errors';
import { type Ctx, requirePermission, requireScope } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { wake } from '../../platform/events/wake';
import { ttlCache } from '../../platform/ttl-cache';
import { auditRowOf } from '../audit/service';
import { loadHousehold } from '../households/access';
import * as householdLookup from '../households/lookup';
import * as orgLookup from '../org/lookup';
import { requireCategory } from './categories';
import { newTrackingCode, PHOTO_MAX_BYTES, sniffImage, verifyHouseholdReportToken } from './codes';
import { type MatterSnapshot, matterChanged, snapshotOf } from './events';
import type { CategoryRow, MatterRow } from './repository';
import * as repo from './repository';

export interface ReportInput {
  unitCode?: string;
  householdId?: number;
  categoryCode: string;
  urgency?: Urgency;
  description: string;
  lat?: number | null;
  lng?: number | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  hideReporter?: boolean;
  /** Base64 of one JPEG/PNG/WebP image, at most 5 MB once decoded. */
  photo?: string | null;
  /** The reporting page's key for this draft: a retry with it returns the first report. */
  clientKey?: string | null;
}

/** Decodes and checks a photo by its bytes, not by what the client claims. */
export function decodePhoto(photo: string | null | undefined) {
  if (!photo) return null;
  const data = Buffer.from(photo.replace(/^data:[^,]*,/, ''), 'base64');
  if (data.length > PHOTO_MAX_BYTES) throw new AppError('PHOTO_TOO_LARGE', { maxMb: PHOTO_MAX_BYTES / 1024 / 1024 }, { field: 'photo' });
  const mime = sniffImage(data);
  if (!mime) throw new AppError('PHOTO_TYPE', {}, { field: 'photo' });
  return { data, mime };
}

// Every public report names its unit; units change rarely. A unit deleted or re-coded since it
// was cached is still refused: the matter's foreign key fails and createMatter says UNIT_NOT_FOUND.
const knownUnits = ttlCache<boolean>(10_000);
const unitMissing = (unitCode: string) => new AppError('UNIT_NOT_FOUND', { code: unitCode }, { field: 'unitCode' });

/** A matter lives in a village or below, in a unit that exists. */
async function requireMatterUnit(ctx: Ctx, unitCode: string): Promise<void> {
  const level = levelOfCode(unitCode);
  if (!level) throw new AppError('UNIT_CODE_INVALID', { code: unitCode }, { field: 'unitCode' });
  if (level === 'district' || level === 'township') throw new AppError('MATTER_UNIT_LEVEL', {}, { field: 'unitCode' });
  // Only units found are kept: one created a moment ago must not wait for an entry to expire.
  const exists = await knownUnits.get(ctx, unitCode, async () => (await orgLookup.findUnit(ctx, unitCode)) !== null, Boolean);
  if (!exists) throw unitMissing(unitCode);
}

interface NewMatter extends ReportInput {
  unitCode: string;
  reporterKind: ReporterKind;
  reporterUserId: number | null;
  initialState: MatterState;
}

/** Inserts a matter with its first event, audit row, reporter follower, photo and notifications. */
export async function createMatter(ctx: Ctx, input: NewMatter) {
  const category = await requireCategory(ctx, input.categoryCode);
  const photo = decodePhoto(input.photo);
  try {
    return await insertNewMatter(ctx, input, category, photo);
  } catch (err) {
    if (isForeignKeyViolation(err, 'matters_unit_code_units_code_fk')) throw unitMissing(input.unitCode);
    throw err;
  }
}

// The whole report is one statement (repository.insertReport): matter, first event, reporter,
// photo, audit row and the `matter.changed` event; inbox, chats, metrics and the similar index
// react to that event after the commit.
async function insertNewMatter(ctx: Ctx, input: NewMatter, category: CategoryRow, photo: ReturnType<typeof decodePhoto>) {
  const now = ctx.clock.now();
  const urgency = input.urgency ?? category.defaultUrgency;
  const { respondBy, resolveBy } = initialDeadlines(now, urgency, category);
  const responsible = input.initialState === 'triaged' ? input.unitCode.slice(0, 12) : input.unitCode;
  const row = {
    trackingCode: newTrackingCode(),
    unitCode: input.unitCode,
    householdId: input.householdId ?? null,
    categoryCode: category.code,
    urgency,
    state: input.initialState,
    description: input.description,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    reporterKind: input.reporterKind,
    reporterName: input.reporterName ?? null,
    reporterPhone: input.reporterPhone ?? null,
    reporterUserId: input.reporterUserId,
    hideReporter: input.hideReporter ?? false,
    responsibleUnitCode: responsible,
    firstUnitCode: responsible,
    respondBy,
    resolveBy,
    stageDeadline: stageDeadline(input.initialState, now, { urgency, category, resolveBy }),
    createdAt: now,
    updatedAt: now,
    clientKey: input.clientKey ?? null,
  };
  const snapshot = { ...snapshotOf({ ...row, id: 0, transferToUnitCode: null } as MatterRow) } as Partial<MatterSnapshot>;
  delete snapshot.id;
  const payload = { action: 'report', fromState: null, toState: row.state, actorUserId: ctx.actor?.userId ?? null, data: null, notifyAlso: [] };
  const audit = auditRowOf(ctx, {
    action: 'matter.report',
    entityType: 'matter',
    unitCode: row.unitCode,
    after: { trackingCode: row.trackingCode, categoryCode: row.categoryCode, urgency, state: row.state, reporterKind: row.reporterKind },
  });
  const created = await repo.insertReport(ctx.db, {
    matter: row,
    event: {
      actorUserId: ctx.actor?.userId ?? null,
      actorUnitCode: ctx.actor?.unitCode ?? null,
      actorKind: ctx.actor ? 'user' : input.reporterKind === 'api' ? 'api' : 'resident',
      data: { categoryCode: category.code, urgency, photo: photo !== null, householdId: input.householdId ?? null },
    },
    follower:
      input.reporterPhone || input.reporterUserId
        ? { userId: input.reporterUserId, name: input.reporterName ?? null, phone: input.reporterPhone ?? null }
        : null,
    photo: photo ? { mime: photo.mime, size: photo.data.length, data: photo.data } : null,
    audit,
    published: { type: matterChanged.type, payload, snapshot, at: now },
  });
  if (created) {
    wake();
    return created.matter;
  }
  return sameDraft(ctx, input);
}

/** The report a retried draft already filed: the same answer, never a second matter. */
async function sameDraft(ctx: Ctx, input: NewMatter): Promise<MatterRow> {
  const first = input.clientKey ? await repo.findMatterByClientKey(ctx.db, input.clientKey) : null;
  const same =
    first !== null &&
    first.unitCode === input.unitCode &&
    first.description === input.description &&
    first.categoryCode === input.categoryCode &&
    first.reporterUserId === input.reporterUserId;
  if (!first || !same) throw new AppError('MATTER_CLIENT_KEY_REUSED', {}, { field: 'clientKey' });
  return first;
}

/**
 * A representative or cadre reports on behalf of a household or at a unit in scope. What the
 * reporter's own level already did is not asked again: a representative's report arrives
 * transmitted (代表传导), a village cadre's arrives triaged at the village.
 */
export async function reportAsHandler(ctx: Ctx, input: ReportInput) {
  const actor = requirePermission(ctx, 'matter:report');
  let unitCode = input.unitCode;
  if (input.householdId) {
    const { household } = await loadHousehold(ctx, input.householdId);
    unitCode = household.unitCode;
  }
  if (!unitCode) throw new AppError('VALIDATION', { summaryZh: 'unitCode：必填', summaryEn: 'unitCode: required' }, { field: 'unitCode' });
  requireScope(ctx, unitCode);
  await requireMatterUnit(ctx, unitCode);
  const field = ['representative', 'groupLeader', 'zoneLeader'].includes(actor.role);
  const m = await createMatter(ctx, {
    ...input,
    unitCode,
    reporterKind: field ? 'representative' : 'cadre',
    reporterUserId: actor.userId,
    initialState: field ? 'transmitted' : 'triaged',
  });
  return { id: m.id, trackingCode: m.trackingCode, state: m.state, version: m.version };
}

/** A resident reports without an account: at a unit they picked, or through their contact card's QR token. */
export async function reportAsResident(ctx: Ctx, input: ReportInput & { token?: string }, secret: Buffer) {
  let unitCode = input.unitCode;
  let householdId: number | undefined;
  if (input.token) {
    const id = verifyHouseholdReportToken(secret, input.token);
    const found = id === null ? null : await householdLookup.findHousehold(ctx, id);
    if (!found) throw new AppError('MATTER_REPORT_TOKEN', {}, { field: 'token' });
    unitCode = found.household.unitCode;
    householdId = found.household.id;
  }
  if (!unitCode)
    throw new AppError(
      'VALIDATION',
      { summaryZh: 'unitCode：必填（或扫描联心卡二维码）', summaryEn: 'unitCode: required (or scan the contact card QR)' },
      { field: 'unitCode' },
    );
  await requireMatterUnit(ctx, unitCode);
  const m = await createMatter(ctx, { ...input, unitCode, householdId, reporterKind: 'resident', reporterUserId: null, initialState: 'reported' });
  return { trackingCode: m.trackingCode, state: m.state, statusUrl: `/report/track/${m.trackingCode}` };
}
