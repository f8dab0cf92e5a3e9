import type { ErrorCatalogue } from './types';

export const linkageErrors = {
  LINKAGE_UNIT_LEVEL: { status: 400, zh: '{field} 须为村（社区）代码', en: '{field} must be a village (community) code' },
  LINKAGE_REP_INVALID: {
    status: 400,
    zh: '{field}：该用户不能联系此户（{reason}）',
    en: '{field}: this user cannot be linked to the household ({reasonEn})',
  },
  LINKAGE_DUPLICATE: { status: 400, zh: '{field}：同一户在列表中出现了多次', en: '{field}: the same household appears more than once' },
  LINKAGE_HANDOVER_SAME: { status: 400, zh: '交接双方不能是同一人', en: 'Hand-over needs two different representatives' },
} satisfies ErrorCatalogue;
