import {
  FIXED_VALUES,
  MATTER_ACTIONS,
  MATTER_STATES,
  type MatterAction,
  normalizePhone,
  PHOTO_TYPES,
  REPORTER_KINDS,
  SATISFACTIONS,
  SETTLED_LEVELS,
  UNIT_LEVELS,
  URGENCIES,
} from '@jiceng/shared';
import { z } from 'zod';

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

export const unitCode = z
  .string()
  .regex(/^\d{6}(\d{3})?(\d{3})?(\d{2})?(\d{2})?$/, '单位代码应为 6、9、12、14 或 16 位数字 / a unit code has 6, 9, 12, 14 or 16 digits');
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

export const trackingParam = z.object({ trackingCode: z.string().trim().min(6).max(20) });
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const transferTargetsQuery = z.object({ q: z.string().trim().max(40).optional() });
export const actionParam = idParam.extend({ action: z.enum(MATTER_ACTIONS as [MatterAction, ...MatterAction[]]) });

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

/** Each action's payload (besides `version`). */
export const ACTION_BODIES: Record<MatterAction, z.ZodObject> = {
  transmit: z.object({ note }),
  triage: z.object({ note, categoryCode: categoryCode.optional(), urgency: z.enum(URGENCIES).optional() }),
  settleOnSpot: z.object({ result }),
  accept: z.object({ note }),
  escalate: z.object({ reason }),
  transfer: z.object({ targetUnitCode: unitCode, reason }),
  dispatch: z.object({ leadDepartmentId: z.number().int().positive(), cooperateDepartmentIds: z.array(z.number().int().positive()).max(10).optional(), note }),
  checkIn: z.object({ note }),
  reply: z.object({ reply: text('回复', 2, 2000) }),
  resolve: z.object({ result }),
  feedback: z.object({ message: text('反馈内容', 2, 1000) }),
  rate: ratingBody,
  reopen: z.object({ reason }),
  merge: z.object({ targetId: z.number().int().positive(), note }),
  close: z.object({ note }),
  closeUnresolved: z.object({ reason: text('未解决原因', 5, 500) }),
  pause: z.object({ reason }),
  resume: z.object({ note }),
};

export const actionBody = z.looseObject({ version: z.number().int().positive('version 必填 / version is required') });

export const queueQuery = z.object({
  unitCode: unitCode.optional(),
  state: z
    .union([z.enum(MATTER_STATES), z.array(z.enum(MATTER_STATES))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const hoursOverride = z
  .number()
  .int()
  .min(1)
  .max(24 * 365)
  .nullable()
  .optional();
export const categoryBody = z.object({
  nameZh: z.string().trim().min(1).max(30),
  nameEn: z.string().trim().min(1).max(80),
  active: z.boolean().default(true),
  defaultUrgency: z.enum(URGENCIES).default('ordinary'),
  sort: z.number().int().min(0).max(100_000).default(0),
  respondHoursUrgent: hoursOverride,
  respondHoursOrdinary: hoursOverride,
  respondHoursComplex: hoursOverride,
  resolveHoursUrgent: hoursOverride,
  resolveHoursOrdinary: hoursOverride,
  resolveHoursComplex: hoursOverride,
});
export const categoryParam = z.object({ code: z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, '分类代码为小写字母、数字 / lower-case letters and digits') });

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
// name, so schemas-match.ts checks both ways at compile time).

// The presenters' ISO strings; the format is documented, not re-checked on every response.
const time = z.string().meta({ format: 'date-time' });
const state = z.enum(MATTER_STATES);
const urgency = z.enum(URGENCIES);
const perUrgency = z.object({ urgent: z.number(), ordinary: z.number(), complex: z.number() });
const override = z.number().nullable();

export const categoryOut = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  defaultUrgency: urgency,
  sort: z.number(),
  respondHours: perUrgency,
  resolveHours: perUrgency,
  overrides: z.object({
    respondHoursUrgent: override,
    respondHoursOrdinary: override,
    respondHoursComplex: override,
    resolveHoursUrgent: override,
    resolveHoursOrdinary: override,
    resolveHoursComplex: override,
  }),
});

/** POST /public/matters, the benchmarked intake: three fields, nothing more to encode. */
export const publicReportOut = z.object({ trackingCode: z.string(), state, statusUrl: z.string() });
export const reportOut = z.object({ id: z.number(), trackingCode: z.string(), state, version: z.number() });
export const actionOut = z.object({ id: z.number(), state, version: z.number() });
export const reportLinkOut = z.object({ token: z.string(), url: z.string() });
export const reportPlaceOut = z.object({ unitCode: z.string(), unitName: z.string() });
export const transferTargetOut = z.object({ code: z.string(), name: z.string(), level: z.enum(UNIT_LEVELS), townshipName: z.string().nullable() });

const reporterOut = z.object({ kind: z.enum(REPORTER_KINDS), hidden: z.boolean(), name: z.string().nullable(), phone: z.string().nullable() });

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
