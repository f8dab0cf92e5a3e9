import type { MatterAction, MatterActor } from '@jiceng/shared';

/** Chinese names of actions and roles for error messages (the web app has its own i18n). */
export const ACTION_ZH: Record<MatterAction, string> = {
  transmit: '传导',
  triage: '汇总',
  settleOnSpot: '就地解决',
  accept: '响应受理',
  escalate: '上报',
  transfer: '转办',
  dispatch: '派发部门',
  checkIn: '报到',
  reply: '部门回复',
  resolve: '办结',
  feedback: '反馈',
  rate: '评价',
  reopen: '重启',
  merge: '合并',
  close: '关闭',
  closeUnresolved: '未解决关闭',
  pause: '暂停计时',
  resume: '恢复计时',
};

export const ROLE_ZH: Record<MatterActor, string> = {
  resident: '群众',
  representative: '村（居）民代表',
  groupLeader: '组长',
  zoneLeader: '片长',
  village: '村（社区）',
  township: '乡镇（街道）',
  department: '部门',
  district: '区',
  system: '系统',
};
