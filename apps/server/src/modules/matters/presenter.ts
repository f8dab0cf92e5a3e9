import {
  isMatterOverdue,
  MATTER_STATE_ZH,
  type MatterAction,
  type MatterState,
  hasMaskableText,
  maskFreeText,
  maskPhone,
  NEVER,
  type PhotoType,
  reopenWindowEnds,
  resolveHours,
  respondHours,
  URGENCIES,
  type Urgency,
} from '@jiceng/shared';
import type { Actor } from '../../platform/context';
import type { z } from 'zod';
import type { CategoryRow, DispatchRow, EventRow, MatterRow } from './repository';
import type { categoryOut, matterDetailOut, matterSummaryOut, publicViewOut, reporterOut } from './schemas';

const iso = (d: Date | null) => (d && d.getTime() !== NEVER.getTime() ? d.toISOString() : null);
const hours = (f: (u: Urgency) => number) => Object.fromEntries(URGENCIES.map((u) => [u, f(u)])) as Record<Urgency, number>;

export function presentCategory(c: CategoryRow): z.output<typeof categoryOut> {
  return {
    code: c.code,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    active: c.active,
    defaultUrgency: c.defaultUrgency,
    sort: c.sort,
    // Effective limits (overrides or the defaults) and the raw overrides, for the admin form.
    respondHours: hours((u) => respondHours(u, c)),
    resolveHours: hours((u) => resolveHours(u, c)),
    overrides: {
      respondHoursUrgent: c.respondHoursUrgent,
      respondHoursOrdinary: c.respondHoursOrdinary,
      respondHoursComplex: c.respondHoursComplex,
      resolveHoursUrgent: c.resolveHoursUrgent,
      resolveHoursOrdinary: c.resolveHoursOrdinary,
      resolveHoursComplex: c.resolveHoursComplex,
    },
  };
}

/**
 * The reporter as a handler sees them: the phone always masked (a reveal is a separate, audited
 * act), and nobody named at all for handlers below the village when the reporter asked to be hidden.
 */
export function presentReporter(m: MatterRow, viewer: Actor | null): z.output<typeof reporterOut> {
  const below = !viewer || ['representative', 'groupLeader', 'zoneLeader'].includes(viewer.role);
  const hidden = m.hideReporter && below && viewer?.userId !== m.reporterUserId;
  return {
    kind: m.reporterKind,
    hidden: m.hideReporter,
    name: hidden ? null : m.reporterName,
    phone: hidden ? null : maskPhone(m.reporterPhone),
  };
}

/**
 * Free text as every handler sees it: phones and ID numbers typed into it are masked like the
 * structured fields (for every viewer, as the reporter's phone is); the full text stays stored and
 * comes only through the audited reveal (reveal.ts).
 */
const masked = maskFreeText;

/** Event data keeps reasons and comments as text: those are masked too. */
function maskedData(data: unknown): Record<string, unknown> | null {
  if (!data || typeof data !== 'object') return null;
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? maskFreeText(v) : v]));
}

export function presentSummary(m: MatterRow, viewer: Actor | null, now: Date, names: Map<string, string>): z.output<typeof matterSummaryOut> {
  const description = masked(m.description);
  return {
    id: m.id,
    trackingCode: m.trackingCode,
    unitCode: m.unitCode,
    unitName: names.get(m.unitCode) ?? null,
    categoryCode: m.categoryCode,
    urgency: m.urgency,
    state: m.state,
    stateZh: MATTER_STATE_ZH[m.state],
    description: description.length > 140 ? `${description.slice(0, 140)}…` : description,
    responsibleUnitCode: m.responsibleUnitCode,
    responsibleUnitName: names.get(m.responsibleUnitCode) ?? null,
    transferToUnitCode: m.transferToUnitCode,
    stageDeadline: iso(m.stageDeadline),
    respondBy: iso(m.respondBy),
    resolveBy: iso(m.resolveBy),
    overdue: isMatterOverdue(m, now),
    paused: m.pausedAt !== null,
    reporter: presentReporter(m, viewer),
    createdAt: m.createdAt.toISOString(),
    version: m.version,
  };
}

export interface DispatchView {
  dispatch: DispatchRow;
  departmentName: string;
}

export function presentDetail(
  m: MatterRow,
  viewer: Actor | null,
  now: Date,
  names: Map<string, string>,
  events: EventRow[],
  dispatches: DispatchView[],
  photos: { id: number; mime: PhotoType; size: number }[],
  followerCount: number,
  /** Followers other than the reporter who left a phone: what the audited reveal would add. */
  followerPhones: number,
  /** The viewer's actions now (policy.ts `allowedActions`). */
  allowedActions: MatterAction[],
): z.output<typeof matterDetailOut> {
  return {
    ...presentSummary(m, viewer, now, names),
    description: masked(m.description),
    householdId: m.householdId,
    lat: m.lat,
    lng: m.lng,
    firstUnitCode: m.firstUnitCode,
    acceptedLevel: m.acceptedLevel,
    settledLevel: m.settledLevel,
    pausedAt: iso(m.pausedAt),
    pausedReason: masked(m.pausedReason),
    mergedIntoId: m.mergedIntoId,
    resolution: masked(m.resolution),
    resolvedAt: iso(m.resolvedAt),
    feedbackMessage: masked(m.feedbackMessage),
    answeredAt: iso(m.answeredAt),
    rating: m.ratedAt ? { satisfaction: m.ratingSatisfaction, fixed: m.ratingFixed, comment: masked(m.ratingComment), at: iso(m.ratedAt) } : null,
    closeReason: masked(m.closeReason),
    reopenCount: m.reopenCount,
    escalationCount: m.escalationCount,
    closedAt: iso(m.closedAt),
    followerCount,
    followerPhones,
    textsMasked: hasMaskableText(
      [
        m.description,
        m.pausedReason,
        m.resolution,
        m.feedbackMessage,
        m.ratingComment,
        m.closeReason,
        ...events.flatMap((e) => [e.note, e.publicNote]),
        ...dispatches.map((d) => d.dispatch.reply),
      ].join('\n'),
    ),
    allowedActions,
    photos: photos.map((p) => ({ ...p, url: `/api/matters/${m.id}/photos/${p.id}` })),
    dispatches: dispatches.map(({ dispatch: d, departmentName }) => ({
      departmentId: d.departmentId,
      departmentName,
      role: d.role,
      active: d.active,
      dispatchedAt: d.dispatchedAt.toISOString(),
      checkInBy: d.checkInBy.toISOString(),
      checkedInAt: iso(d.checkedInAt),
      replyBy: d.replyBy.toISOString(),
      repliedAt: iso(d.repliedAt),
      reply: masked(d.reply),
      overdue: d.active && ((!d.checkedInAt && now > d.checkInBy) || (!d.repliedAt && now > d.replyBy)),
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorKind: e.actorKind,
      actorUserId: e.actorUserId,
      actorUnitCode: e.actorUnitCode,
      note: masked(e.note),
      publicNote: masked(e.publicNote),
      at: e.at.toISOString(),
      data: maskedData(e.data),
    })),
  };
}

/**
 * The resident's view through the tracking code: every step with its time and unit, the answer,
 * and nothing internal (no notes, no handler names, no other person's data).
 */
export function presentPublic(
  m: MatterRow,
  now: Date,
  names: Map<string, string>,
  events: EventRow[],
  categoryName: string | null,
  mergedIntoCode: string | null,
): z.output<typeof publicViewOut> {
  const windowEnds = m.answeredAt ? reopenWindowEnds(m.answeredAt) : null;
  const inWindow = windowEnds !== null && now <= windowEnds;
  return {
    trackingCode: m.trackingCode,
    state: m.state as MatterState,
    stateZh: MATTER_STATE_ZH[m.state],
    categoryCode: m.categoryCode,
    categoryName,
    unitName: names.get(m.unitCode) ?? null,
    description: m.description,
    createdAt: m.createdAt.toISOString(),
    resolveBy: m.closedAt ? null : iso(m.resolveBy),
    overdue: isMatterOverdue(m, now),
    answer: m.feedbackMessage,
    answeredAt: iso(m.answeredAt),
    closeReason: m.state === 'closedUnresolved' ? m.closeReason : null,
    rating: m.ratedAt ? { satisfaction: m.ratingSatisfaction, fixed: m.ratingFixed, at: iso(m.ratedAt) } : null,
    canRate: m.state === 'answered' && inWindow,
    canReopen: ['answered', 'rated', 'closed'].includes(m.state) && inWindow,
    rateUntil: inWindow ? iso(windowEnds) : null,
    mergedInto: mergedIntoCode,
    steps: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      state: e.toState,
      stateZh: MATTER_STATE_ZH[e.toState],
      unitName: e.actorUnitCode ? (names.get(e.actorUnitCode) ?? null) : null,
      message: e.publicNote,
    })),
  };
}
