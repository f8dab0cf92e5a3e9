import type { Locale, Translate } from '../../app/i18n';

type Pair = [zh: string, en: string];

/** What the audit codes mean, for people (the code stays searchable and shown on hover). */
const ACTIONS: Record<string, Pair> = {
  'auth.login': ['登录', 'Logged in'],
  'auth.loginFailed': ['登录失败', 'Failed login'],
  'auth.passwordWrong': ['密码错误', 'Wrong password'],
  'auth.locked': ['账号锁定', 'Account locked'],
  'user.create': ['新建账号', 'Created an account'],
  'user.update': ['修改账号', 'Changed an account'],
  'user.move': ['调整账号单位', "Moved an account's unit"],
  'user.changePassword': ['修改密码', 'Changed the password'],
  'unit.create': ['新建单位', 'Created a unit'],
  'unit.rename': ['单位改名', 'Renamed a unit'],
  'unit.move': ['调整组所属片', 'Moved a group'],
  'unit.delete': ['删除单位', 'Deleted a unit'],
  'unit.import': ['导入单位', 'Imported units'],
  'unit.appointLeader': ['任命负责人', 'Appointed a leader'],
  'department.create': ['新建部门', 'Created a department'],
  'department.update': ['修改部门', 'Changed a department'],
  'department.delete': ['删除部门', 'Deleted a department'],
  'household.create': ['新建户', 'Created a household'],
  'household.update': ['修改户', 'Changed a household'],
  'household.delete': ['删除户', 'Deleted a household'],
  'household.import': ['导入台账', 'Imported a register'],
  'household.tier': ['调整户类别', "Changed a household's tier"],
  'resident.create': ['新增成员', 'Added a member'],
  'resident.update': ['修改成员', 'Changed a member'],
  'resident.delete': ['删除成员', 'Removed a member'],
  'pii.reveal': ['查看完整个人信息', 'Revealed personal data'],
  'linkage.apply': ['确认联户分配', 'Applied a linkage'],
  'linkage.handover': ['联户交接', 'Handed households over'],
  'linkage.reassign': ['调整联户', 'Reassigned a household'],
  'linkage.unlink': ['解除联户', 'Unlinked a household'],
  'visit.create': ['记录走访', 'Recorded a visit'],
  'visit.import': ['导入走访', 'Imported visits'],
  'visit.photo': ['查看走访照片', 'Opened a visit photo'],
  'visit.cadence': ['设置走访频次', 'Set the visit cadence'],
  'visit.cadence.reset': ['恢复默认走访频次', 'Reset the visit cadence'],
  'village.hotline': ['设置村热线', "Set the village's hotline"],
  'cards.print': ['打印联系卡', 'Printed contact cards'],
  'matter.view': ['查看事项', 'Opened a matter'],
  'matter.report': ['登记事项', 'Reported a matter'],
  'matterCategory.create': ['新建事项分类', 'Created a category'],
  'matterCategory.update': ['修改事项分类', 'Changed a category'],
  'webhook.create': ['新建群机器人', 'Created a robot'],
  'webhook.update': ['修改群机器人', 'Changed a robot'],
  'webhook.delete': ['删除群机器人', 'Deleted a robot'],
  'outbox.retry': ['重发消息', 'Retried a message'],
  'apiKey.create': ['新建接口密钥', 'Created an API key'],
  'apiKey.revoke': ['吊销接口密钥', 'Revoked an API key'],
  'system.eventRetry': ['重试事件投递', 'Retried an event delivery'],
};

const ENTITIES: Record<string, Pair> = {
  apiKey: ['接口密钥', 'API key'],
  department: ['部门', 'Department'],
  eventDelivery: ['事件投递', 'Event delivery'],
  household: ['户', 'Household'],
  matter: ['事项', 'Matter'],
  matterCategory: ['事项分类', 'Category'],
  outbox: ['消息', 'Message'],
  unit: ['单位', 'Unit'],
  user: ['账号', 'Account'],
  visit: ['走访', 'Visit'],
  webhook: ['群机器人', 'Robot'],
  resident: ['成员', 'Member'],
};

const pick = (pair: Pair | undefined, locale: Locale) => (pair ? pair[locale === 'en' ? 1 : 0] : undefined);

/** An audit action in words: the table above, then a matter's step by its own label, else the code. */
export function actionLabel(code: string, locale: Locale, t: Translate): string {
  const known = pick(ACTIONS[code], locale);
  if (known) return known;
  const step = /^matter\.(\w+)$/.exec(code)?.[1];
  if (step) {
    const key = `matters.action.${step}` as Parameters<Translate>[0];
    const text = t(key);
    if (text !== undefined && text !== key) return `${pick(ENTITIES.matter, locale)} · ${text}`;
  }
  return code;
}

export function entityLabel(type: string, locale: Locale): string {
  return pick(ENTITIES[type], locale) ?? type;
}

/** The known actions, for the filter's choices. */
export function actionOptions(locale: Locale): { value: string; label: string }[] {
  return Object.entries(ACTIONS).map(([value, pair]) => ({ value, label: `${pick(pair, locale)}（${value}）` }));
}
