/**
 * The clocks the law puts on petitions (信访) and mediation agreements, each with its article, for
 * issue 11. A limit "自…之日起 N 日内" is read in calendar days, the start day not counted: due at the
 * end of the N-th day after it, China time (UTC+8, no daylight saving). Neither text moves a limit
 * that ends on a holiday, so none is moved here; the one limit in working days (信访工作条例 art. 23:
 * an objection to a misrouted transfer within 5 working days) needs the holiday calendar and is
 * not here yet.
 */

export interface LegalLimit {
  days: number;
  /** The article the figure is taken from. */
  basis: string;
}

/** 信访工作条例 (2022-02-25). */
export const PETITION_LIMITS = {
  /** Register and route (the petition offices, art. 22) or tell the petitioner in writing (other bodies, art. 23). */
  register: { days: 15, basis: '信访工作条例 第二十二条、第二十三条' },
  /** Handle and reply in writing, from acceptance. */
  handle: { days: 60, basis: '信访工作条例 第三十四条' },
  /** At most this much longer, approved by the body's head, the reason told to the petitioner. */
  extension: { days: 30, basis: '信访工作条例 第三十四条' },
  /** The petitioner may ask for a review within this, from receiving the written reply … */
  reviewRequest: { days: 30, basis: '信访工作条例 第三十五条' },
  /** … and the body above answers within this, from the request. */
  reviewAnswer: { days: 30, basis: '信访工作条例 第三十五条' },
  /** Re-review (复核) likewise, after which the same facts and reasons are not accepted again. */
  reReviewRequest: { days: 30, basis: '信访工作条例 第三十六条' },
  reReviewAnswer: { days: 30, basis: '信访工作条例 第三十六条' },
} as const satisfies Record<string, LegalLimit>;

/** A group visiting with one petition chooses representatives, at most this many (信访工作条例 第二十条). */
export const GROUP_VISIT_MAX_REPRESENTATIVES = 5;

/** 人民调解法 (2010-08-28) and the Supreme People's Court's rules on judicial confirmation (2011). */
export const MEDIATION_LIMITS = {
  /** The parties may jointly ask a court to confirm an agreement within this, from its effect. */
  judicialConfirmation: { days: 30, basis: '人民调解法 第三十三条' },
  /** The court decides whether to accept the application within this … */
  courtAccepts: { days: 3, basis: '最高人民法院关于人民调解协议司法确认程序的若干规定 第四条' },
  /** … and whether to confirm within this from acceptance (10 more days in special cases). */
  courtDecides: { days: 15, basis: '最高人民法院关于人民调解协议司法确认程序的若干规定 第五条' },
} as const satisfies Record<string, LegalLimit>;

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** The end (last millisecond) of the China-time day `days` calendar days after the day of `start`. */
export function dueAfterDays(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const localDay = Math.floor((start.getTime() + CHINA) / DAY);
  return new Date((localDay + days + 1) * DAY - CHINA - 1);
}

/** When handling a petition accepted at `acceptedAt` is due, with an extension of `extensionDays` (≤ 30). */
export function petitionHandlingDue(acceptedAt: Date, extensionDays = 0): Date {
  if (extensionDays > PETITION_LIMITS.extension.days)
    throw new RangeError(`an extension is at most ${PETITION_LIMITS.extension.days} days (${PETITION_LIMITS.extension.basis}), got ${extensionDays}`);
  return dueAfterDays(acceptedAt, PETITION_LIMITS.handle.days + extensionDays);
}
