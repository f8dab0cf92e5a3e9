import type { ErrorCatalogue } from './types';

export const webhookErrors = {
  WEBHOOK_NOT_FOUND: { status: 404, zh: '群机器人不存在：{id}', en: 'No such webhook endpoint: {id}' },
  WEBHOOK_UNIT_LEVEL: {
    status: 400,
    zh: 'unitCode：群机器人只能配置在村（社区）、片或组',
    en: 'unitCode: webhooks belong to a village, zone or group',
  },
  WEBHOOK_URL_INVALID: {
    status: 400,
    zh: 'url：不能使用该机器人地址（{reason}）',
    en: 'url: this robot address may not be used ({reasonEn})',
  },
  OUTBOX_NOT_FOUND: { status: 404, zh: '待发消息不存在：{id}', en: 'No such outbox message: {id}' },
  OUTBOX_NOT_RETRYABLE: {
    status: 409,
    zh: '只有失败或放弃的消息可以重发（当前：{status}）',
    en: 'Only failed or dead messages can be retried (now: {status})',
  },
} satisfies ErrorCatalogue;
