import { z } from 'zod';
import { MATTER_ACTIONS, type MatterAction, type MatterCommand } from '../matters/machine';
import { FIXED_VALUES, MATTER_STATES, REPORTER_KINDS, SATISFACTIONS, SETTLED_LEVELS, URGENCIES } from '../matters/states';
import { normalizePhone } from '../phone';
import { UNIT_LEVELS } from '../units';
import { PHOTO_TYPES } from '../visits';
import { type Out, time, unitCode } from './common';

const text = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(
      min,
      `${name}不能为空${min > 1 ? `，至少 ${min} 个字` : ''} / ${name === '说明' ? 'text' : 'this'} must not be empty${min > 1 ? ` (at least ${min} characters)` : ''}`,
    )
    .max(max, `不能超过 ${max} 个字 / at most ${max} characters`);

const phone = z
  .string()
  .trim()
  .transform((v, c) => {
    const r = normalizePhone(v);
    if (r.ok) return r.value;
    c.addIssue({ code: 'custom', message: `${r.zh} / ${r.en}` });
    return z.NEVER;
  });

export { unitCode };
export const categoryCode = z.string().trim().min(1, '请选择分类 / choose a category').max(40);
export const description = text('问题描述', 1, 2000);
// Base64 of at most ~9 MB, so a slightly-too-large photo gets PHOTO_TOO_LARGE, not a generic error.
const photo = z
  .string()
  .max(12 * 1024 * 1024, '照片过大 / the photo is too large')
  .nullable()
  .optional();

const reportFields = {
  categoryCode,
  urgency: z.enum(URGENCIES).optional(),
  description,
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  reporterName: z.string().trim().max(50, '姓名不能超过 50 个字 / at most 50 characters').nullable().optional(),
  reporterPhone: phone.nullable().optional(),
  hideReporter: z.boolean().optional(),
  photo,
  // One per draft on the reporting page: a retry after a lost answer returns the first report.
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, '草稿编号应为 16–64 位字母、数字、- 或 _ / clientKey is 16–64 letters, digits, - or _')
    .optional(),
};

export const reportBody = z.object({ ...reportFields, unitCode: unitCode.optional(), householdId: z.number().int().positive().optional() });
export const publicReportBody = z.object({
  ...reportFields,
  // Residents report as residents: urgency is the category's, the handlers may correct it.
  urgency: z.undefined().optional(),
  unitCode: unitCode.optional(),
  token: z.string().max(40).optional(),
});

export const ratingBody = z.object({
  satisfaction: z.enum(SATISFACTIONS),
  fixed: z.enum(FIXED_VALUES),
  comment: z.string().trim().max(500, '不能超过 500 个字 / at most 500 characters').optional(),
});
export const reopenBody = z.object({ reason: text('原因', 2, 500) });
export const followBody = z.object({ name: z.string().trim().max(50).nullable().optional(), phone });

const reason = text('原因', 2, 500);
const result = text('办理结果', 2, 2000);
const note = z.string().trim().max(500).optional();
export const actionVersion = z.number().int().positive('version 必填 / version is required');

/** One action's body: its name, the version the user saw, and its own payload. */
const action = <A extends MatterAction, S extends z.ZodRawShape>(name: A, payload: S) =>
  z.object({ action: z.literal(name), version: actionVersion, ...payload });

/**
 * The body of POST /api/matters/:id/actions: every action with its own payload, told apart by
 * `action` (a oneOf with a discriminator in the OpenAPI document).
 */
export const matterActionBody = z
  .discriminatedUnion('action', [
    action('transmit', { note }),
    action('triage', { note, categoryCode: categoryCode.optional(), urgency: z.enum(URGENCIES).optional() }),
    action('settleOnSpot', { result }),
    action('accept', { note }),
    action('escalate', { reason }),
    action('transfer', { targetUnitCode: unitCode, reason }),
    action('dispatch', {
      leadDepartmentId: z.number().int().positive(),
      cooperateDepartmentIds: z.array(z.number().int().positive()).max(10).optional(),
      note,
    }),
    action('checkIn', { note }),
    action('reply', { reply: text('回复', 2, 2000) }),
    action('resolve', { result }),
    action('feedback', { message: text('反馈内容', 2, 1000) }),
    action('rate', ratingBody.shape),
    action('reopen', { reason }),
    action('merge', { targetId: z.number().int().positive(), note }),
    action('close', { note }),
    action('closeUnresolved', { reason: text('未解决原因', 5, 500) }),
    action('pause', { reason }),
    action('resume', { note }),
  ])
  .meta({ discriminator: { propertyName: 'action' } });
export type MatterActionBody = z.input<typeof matterActionBody>;

// Every action has its body, and each body is the machine's command (plus the version).
type Covers<T extends true> = T;
export type ActionBodiesMatch = [
  Covers<[MatterAction] extends [z.output<typeof matterActionBody>['action']] ? true : false>,
  Covers<z.output<typeof matterActionBody> extends MatterCommand & { version: number } ? true : false>,
];

export const revealContactsOut = z.object({
  matterId: z.number(),
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable() }),
  followers: z.array(z.object({ name: z.string().nullable(), phone: z.string(), kind: z.enum(['reporter', 'follower', 'merged']) })),
  /** The texts as written, phones and ID numbers unmasked (the detail masks them). */
  texts: z.object({
    description: z.string(),
    resolution: z.string().nullable(),
    feedbackMessage: z.string().nullable(),
    closeReason: z.string().nullable(),
    events: z.array(z.object({ id: z.number(), note: z.string().nullable(), publicNote: z.string().nullable() })),
  }),
});

// ---- Responses: exactly what the presenters and services return (zod drops a key it does not
// name, so the server's matters/schemas-match.ts checks both ways at compile time).

const state = z.enum(MATTER_STATES);
const urgency = z.enum(URGENCIES);

/** POST /public/matters, the benchmarked intake: three fields, nothing more to encode. */
export const publicReportOut = z.object({ trackingCode: z.string(), state, statusUrl: z.string() });
export const reportOut = z.object({ id: z.number(), trackingCode: z.string(), state, version: z.number() });
export const actionOut = z.object({ id: z.number(), state, version: z.number() });
export const reportLinkOut = z.object({ token: z.string(), url: z.string() });
export const reportPlaceOut = z.object({ unitCode: z.string(), unitName: z.string() });
export const transferTargetOut = z.object({ code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS), townshipName: z.string().nullable() });

export const reporterOut = z.object({ kind: z.enum(REPORTER_KINDS), hidden: z.boolean(), name: z.string().nullable(), phone: z.string().nullable() });
export const matterSummaryOut = z.object({
  id: z.number(),
  trackingCode: z.string(),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  categoryCode: z.string(),
  urgency,
  state,
  stateZh: z.string(),
  description: z.string(),
  responsibleUnitCode: z.string(),
  responsibleUnitName: z.string().nullable(),
  transferToUnitCode: z.string().nullable(),
  stageDeadline: time.nullable(),
  respondBy: time.nullable(),
  resolveBy: time.nullable(),
  overdue: z.boolean(),
  paused: z.boolean(),
  reporter: reporterOut,
  createdAt: time,
  version: z.number(),
});
export const queueOut = z.object({ items: z.array(matterSummaryOut), nextAfter: z.string().nullable() });

const satisfaction = z.enum(SATISFACTIONS).nullable();
const fixed = z.enum(FIXED_VALUES).nullable();
const level = z.enum(SETTLED_LEVELS).nullable();

export const matterDetailOut = matterSummaryOut.extend({
  householdId: z.number().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  firstUnitCode: z.string(),
  acceptedLevel: level,
  settledLevel: level,
  pausedAt: time.nullable(),
  pausedReason: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: time.nullable(),
  feedbackMessage: z.string().nullable(),
  answeredAt: time.nullable(),
  rating: z.object({ satisfaction, fixed, comment: z.string().nullable(), at: time.nullable() }).nullable(),
  closeReason: z.string().nullable(),
  reopenCount: z.number(),
  escalationCount: z.number(),
  closedAt: time.nullable(),
  followerCount: z.number(),
  followerPhones: z.number(),
  /** Phones or ID numbers were masked in this matter's texts: the audited reveal shows them. */
  textsMasked: z.boolean(),
  /** What this user may do now, decided by the server's policy (matters/policy.ts `canAct`). */
  allowedActions: z.array(z.enum(MATTER_ACTIONS as [MatterAction, ...MatterAction[]])),
  photos: z.array(z.object({ id: z.number(), mime: z.enum(PHOTO_TYPES), size: z.number(), url: z.string() })),
  dispatches: z.array(
    z.object({
      departmentId: z.number(),
      departmentName: z.string(),
      role: z.enum(['lead', 'cooperate']),
      active: z.boolean(),
      dispatchedAt: time,
      checkInBy: time,
      checkedInAt: time.nullable(),
      replyBy: time,
      repliedAt: time.nullable(),
      reply: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      fromState: state.nullable(),
      toState: state,
      actorKind: z.enum(['user', 'resident', 'system', 'api']),
      actorUserId: z.number().nullable(),
      actorUnitCode: z.string().nullable(),
      note: z.string().nullable(),
      publicNote: z.string().nullable(),
      at: time,
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

export const publicViewOut = z.object({
  trackingCode: z.string(),
  state,
  stateZh: z.string(),
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  unitName: z.string().nullable(),
  description: z.string(),
  createdAt: time,
  resolveBy: time.nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: time.nullable(),
  closeReason: z.string().nullable(),
  rating: z.object({ satisfaction, fixed, at: time.nullable() }).nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  rateUntil: time.nullable(),
  mergedInto: z.string().nullable(),
  steps: z.array(z.object({ at: time, action: z.string(), state, stateZh: z.string(), unitName: z.string().nullable(), message: z.string().nullable() })),
});

/** Following by tracking code; by followToken the same without the (private) tracking code. */
export const followByTokenOut = z.object({ following: z.boolean(), added: z.boolean(), followerCount: z.number() });
export const followOut = followByTokenOut.extend({ trackingCode: z.string() });

export type Reporter = Out<typeof reporterOut>;
export type MatterSummary = Out<typeof matterSummaryOut>;
export type MatterQueue = Out<typeof queueOut>;
export type MatterDetail = Out<typeof matterDetailOut>;
export type Dispatch = MatterDetail['dispatches'][number];
export type MatterEvent = MatterDetail['events'][number];
export type PublicView = Out<typeof publicViewOut>;
export type RevealedContacts = Out<typeof revealContactsOut>;
export type TransferTarget = Out<typeof transferTargetOut>;
