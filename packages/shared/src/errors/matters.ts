import type { ErrorCatalogue } from './types';

export const matterErrors = {
  MATTER_NOT_FOUND: { status: 404, zh: '诉求不存在：{id}', en: 'No such matter: {id}' },
  MATTER_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '诉求当前状态为“{stateZh}”，不能执行“{actionZh}”',
    en: 'The action "{action}" is not allowed while the matter is "{state}"',
  },
  MATTER_ROLE_NOT_ALLOWED: { status: 403, zh: '{roleZh}不能对诉求执行“{actionZh}”', en: 'The role "{role}" may not take the action "{action}"' },
  MATTER_NOT_ANSWERED: {
    status: 409,
    zh: '诉求尚未反馈办理结果（当前“{stateZh}”），暂不能评价',
    en: 'The matter has not been answered yet (now "{state}"); it cannot be rated',
  },
  MATTER_CLIENT_KEY_REUSED: {
    status: 409,
    zh: '该草稿编号已用于另一条不同的诉求，请刷新页面后重新提交',
    en: 'This draft key was already used for a different report: reload the page and submit again',
  },
  MATTER_ALREADY_RATED: { status: 409, zh: '该诉求已评价过', en: 'This matter has already been rated' },
  MATTER_REOPEN_WINDOW_CLOSED: {
    status: 409,
    zh: '评价和重启的期限已于 {until} 结束',
    en: 'The window to rate or reopen ended at {until}',
  },
  MATTER_RATING_PENDING: {
    status: 409,
    zh: '群众评价期限 {until} 前不能关闭，请等待评价',
    en: 'The reporter may rate until {until}; the matter cannot be closed before',
  },
  MATTER_PAUSED: { status: 409, zh: '诉求已暂停计时，请先恢复后再“{actionZh}”', en: 'The matter is paused; resume it before "{action}"' },
  MATTER_NOT_PAUSED: { status: 409, zh: '诉求未暂停', en: 'The matter is not paused' },
  MATTER_TOP_LEVEL: { status: 409, zh: '已在最高层级（区），不能再上报', en: 'The matter is already at the top level (district)' },
  MATTER_NOT_DISPATCHED: { status: 403, zh: '该诉求未派发给您的部门', en: 'This matter was not dispatched to your department' },
  MATTER_NOT_CHECKED_IN: { status: 409, zh: 'reply：请先报到再回复', en: 'reply: check in before replying' },
  MATTER_MERGE_TARGET: { status: 400, zh: 'targetId：{reasonZh}', en: 'targetId: {reasonEn}' },
  MATTER_TRANSFER_TARGET: { status: 400, zh: 'targetUnitCode：{reasonZh}', en: 'targetUnitCode: {reasonEn}' },
  MATTER_DISPATCH_DEPARTMENT: { status: 400, zh: '{field}：{reasonZh}', en: '{field}: {reasonEn}' },
  MATTER_UNIT_LEVEL: { status: 400, zh: 'unitCode：诉求须落到村（社区）或以下', en: 'unitCode: a matter belongs to a village (community) or a unit below it' },
  MATTER_REPORT_TOKEN: { status: 400, zh: 'token：二维码无效或已过期', en: 'token: the QR code is invalid or outdated' },
  CATEGORY_NOT_FOUND: { status: 400, zh: 'categoryCode：分类“{code}”不存在或已停用', en: 'categoryCode: no active category "{code}"' },
  PHOTO_TOO_LARGE: { status: 413, zh: 'photo：照片不能超过 {maxMb} MB', en: 'photo: a photo may not exceed {maxMb} MB' },
  PHOTO_TYPE: { status: 415, zh: 'photo：只接受 JPEG、PNG 或 WebP 图片', en: 'photo: only JPEG, PNG or WebP images are accepted' },
} satisfies ErrorCatalogue;
