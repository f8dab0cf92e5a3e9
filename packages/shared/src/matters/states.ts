/**
 * The closed loop's vocabulary (吹哨 → 传导 → 汇总 → 响应 → 联动 → 反馈), shared by server and web.
 * See docs/matters.md for the full table.
 */
export const MATTER_STATES = [
  'reported', // 已吹哨: a resident (or someone on their behalf) reported it
  'transmitted', // 已传导: a representative passed it up
  'triaged', // 已汇总: the group/zone checked and sorted it
  'accepted', // 已响应: a village/township/district unit took responsibility
  'escalated', // 已上报: handed one level up, waiting for that level to accept
  'transferred', // 转办中: handed sideways; the sender stays answerable until the target accepts
  'dispatched', // 部门联动中: departments asked to act
  'resolved', // 已办结: a result is recorded
  'answered', // 已反馈: the reporter was told the result
  'rated', // 已评价
  'reopened', // 已重启: not fixed, back in the loop
  'closed', // 已关闭 (resolved and answered)
  'closedUnresolved', // 未解决关闭: closed honestly, not resolved, with a reason
  'merged', // 已合并: a duplicate, followed through another matter
] as const;
export type MatterState = (typeof MATTER_STATES)[number];

/** States in which nobody has to act any more. */
export const FINAL_STATES: readonly MatterState[] = ['closed', 'closedUnresolved', 'merged'];
export function isFinal(state: MatterState): boolean {
  return FINAL_STATES.includes(state);
}

export const URGENCIES = ['urgent', 'ordinary', 'complex'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REPORTER_KINDS = ['resident', 'representative', 'cadre', 'api'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** Where a matter was finally settled ("小事不出村社，大事不出乡镇" is measured on this). */
export const SETTLED_LEVELS = ['group', 'zone', 'village', 'township', 'department', 'district'] as const;
export type SettledLevel = (typeof SETTLED_LEVELS)[number];

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const FIXED_VALUES = ['fixed', 'partly', 'not_fixed'] as const;
export type Fixed = (typeof FIXED_VALUES)[number];

/**
 * Who takes an action. `resident` acts through the tracking code; `system` is the sweep;
 * the others are the logged-in roles, with `district` standing for district and admin.
 */
export const MATTER_ACTORS = ['resident', 'representative', 'groupLeader', 'zoneLeader', 'village', 'township', 'department', 'district', 'system'] as const;
export type MatterActor = (typeof MATTER_ACTORS)[number];

export const MATTER_STATE_ZH: Record<MatterState, string> = {
  reported: '已吹哨',
  transmitted: '已传导',
  triaged: '已汇总',
  accepted: '已响应',
  escalated: '已上报',
  transferred: '转办中',
  dispatched: '部门联动中',
  resolved: '已办结',
  answered: '已反馈',
  rated: '已评价',
  reopened: '已重启',
  closed: '已关闭',
  closedUnresolved: '未解决关闭',
  merged: '已合并',
};
