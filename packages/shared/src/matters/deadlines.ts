import type { MatterState, Urgency } from './states';

const HOUR = 3_600_000;

/** Per-urgency hours. Defaults follow the 12345 hotline norms: urgent 2 h / 24 h, ordinary 24 h / 7 d, complex 24 h / 15 d. */
export interface UrgencyHours {
  urgent: number;
  ordinary: number;
  complex: number;
}

export interface TimeLimits {
  respond: UrgencyHours;
  resolve: UrgencyHours;
  /** Each hand-over (transmit, triage) has its own limit. */
  handover: UrgencyHours;
  /** A department must check in ("报到") within this after a dispatch. */
  checkIn: UrgencyHours;
  /** After a result, the reporter must be answered within this. */
  feedback: UrgencyHours;
  /** After the answer, the reporter may rate or reopen within this many days; then it closes. */
  reopenWindowDays: number;
  /** After a good rating, the responsible unit has this long to close before the sweep closes it. */
  closeAfterRatingHours: number;
}

export const DEFAULT_LIMITS: TimeLimits = {
  respond: { urgent: 2, ordinary: 24, complex: 24 },
  resolve: { urgent: 24, ordinary: 7 * 24, complex: 15 * 24 },
  handover: { urgent: 2, ordinary: 24, complex: 24 },
  checkIn: { urgent: 2, ordinary: 24, complex: 24 },
  feedback: { urgent: 2, ordinary: 24, complex: 24 },
  reopenWindowDays: 7,
  closeAfterRatingHours: 24,
};

/** A category's own hours (null = the default for that urgency). */
export interface CategoryHours {
  respondHoursUrgent?: number | null;
  respondHoursOrdinary?: number | null;
  respondHoursComplex?: number | null;
  resolveHoursUrgent?: number | null;
  resolveHoursOrdinary?: number | null;
  resolveHoursComplex?: number | null;
}

const SUFFIX: Record<Urgency, 'Urgent' | 'Ordinary' | 'Complex'> = { urgent: 'Urgent', ordinary: 'Ordinary', complex: 'Complex' };

export function respondHours(urgency: Urgency, category: CategoryHours | null, limits = DEFAULT_LIMITS): number {
  return category?.[`respondHours${SUFFIX[urgency]}`] ?? limits.respond[urgency];
}

export function resolveHours(urgency: Urgency, category: CategoryHours | null, limits = DEFAULT_LIMITS): number {
  return category?.[`resolveHours${SUFFIX[urgency]}`] ?? limits.resolve[urgency];
}

export const addHours = (d: Date, h: number) => new Date(d.getTime() + h * HOUR);

/** The two overall targets, counted from the report. */
export function initialDeadlines(createdAt: Date, urgency: Urgency, category: CategoryHours | null, limits = DEFAULT_LIMITS) {
  return { respondBy: addHours(createdAt, respondHours(urgency, category, limits)), resolveBy: addHours(createdAt, resolveHours(urgency, category, limits)) };
}

export interface DeadlineInput {
  urgency: Urgency;
  category: CategoryHours | null;
  resolveBy: Date;
  answeredAt?: Date | null;
}

/**
 * When the stage that `state` opens must be over. Hand-over stages get their own short limit;
 * a unit that must accept gets the response limit; an accepted matter must be resolved by its
 * resolve target; final states keep no clock (far future, never overdue).
 */
export function stageDeadline(state: MatterState, now: Date, m: DeadlineInput, limits = DEFAULT_LIMITS): Date {
  switch (state) {
    case 'reported':
    case 'transmitted':
      return addHours(now, limits.handover[m.urgency]);
    case 'triaged':
    case 'escalated':
    case 'transferred':
    case 'reopened':
      return addHours(now, respondHours(m.urgency, m.category, limits));
    case 'accepted':
      // Never less than the response limit, even when the overall target is already gone.
      return new Date(Math.max(m.resolveBy.getTime(), addHours(now, respondHours(m.urgency, m.category, limits)).getTime()));
    case 'dispatched':
      return addHours(now, limits.checkIn[m.urgency]);
    case 'resolved':
      return addHours(now, limits.feedback[m.urgency]);
    case 'answered':
      return addHours(m.answeredAt ?? now, limits.reopenWindowDays * 24);
    case 'rated':
      return addHours(now, limits.closeAfterRatingHours);
    case 'closed':
    case 'closedUnresolved':
    case 'merged':
      return NEVER;
    default: {
      const unreachable: never = state;
      throw new Error(`unknown state ${String(unreachable)}`);
    }
  }
}

/** The deadline of states nobody has to act on. */
export const NEVER = new Date('9999-12-31T00:00:00Z');

/** A paused clock does not run: on resume every deadline moves by the time spent paused. */
export function shiftForPause<T extends Record<string, Date | null>>(deadlines: T, pausedAt: Date, resumedAt: Date): T {
  const ms = Math.max(0, resumedAt.getTime() - pausedAt.getTime());
  const out = { ...deadlines };
  for (const k of Object.keys(out) as (keyof T)[]) {
    const d = out[k];
    if (d instanceof Date && d.getTime() !== NEVER.getTime()) out[k] = new Date(d.getTime() + ms) as T[keyof T];
  }
  return out;
}

/** Overdue = past the stage deadline with the clock running. */
export function isMatterOverdue(m: { stageDeadline: Date; pausedAt: Date | null }, now: Date): boolean {
  return m.pausedAt === null && now.getTime() > m.stageDeadline.getTime();
}

/** The reporter may rate or reopen until this moment. */
export function reopenWindowEnds(answeredAt: Date, limits = DEFAULT_LIMITS): Date {
  return addHours(answeredAt, limits.reopenWindowDays * 24);
}
