import type { ErrorCatalogue } from './types';

export const visitErrors = {
  VISIT_NOT_LINKED: { status: 403, zh: '该户不由您联系，不能登记走访', en: 'This household is not linked to you; you cannot log a visit for it' },
  VISIT_IN_FUTURE: { status: 400, zh: '走访时间不能晚于当前时间', en: 'The visit time cannot be in the future' },
  VISIT_CLIENT_KEY_REUSED: {
    status: 409,
    zh: '该提交编号已用于另一条走访记录',
    en: 'This submission key was already used for a different visit',
  },
  VISIT_NOT_FOUND: { status: 404, zh: '走访记录不存在：{id}', en: 'No such visit: {id}' },
  VISIT_PHOTO_TYPE: {
    status: 415,
    zh: '照片须为 JPEG、PNG 或 WebP 图片（文件内容与类型不符）',
    en: 'A photo must be a JPEG, PNG or WebP image (the content does not match)',
  },
  VISIT_PHOTO_LIMIT: { status: 409, zh: '每条走访最多 {max} 张照片', en: 'At most {max} photos per visit' },
  CADENCE_UNIT_LEVEL: { status: 400, zh: '走访频次只能按乡镇（街道）或村（社区）设置', en: 'A visit cadence is set per township or village' },
} satisfies ErrorCatalogue;
