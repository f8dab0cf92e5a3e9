import type { ErrorCatalogue } from './types';

export const commonErrors = {
  VALIDATION: { status: 400, zh: '输入有误：{summaryZh}', en: 'Invalid input: {summaryEn}' },
  INVALID_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型：{type}', en: 'Unsupported content type: {type}' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in first' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
  // {what}: what the actor asked for, e.g. 单位 530303203212 / Unit 530303203212, 该户 / This household.
  CROSS_ORIGIN: {
    status: 403,
    zh: '拒绝来自其他网站的请求（{origin}）',
    en: 'Refused a request sent from another site ({origin})',
  },
  OUT_OF_SCOPE: { status: 403, zh: '{what}不在您的管辖范围内', en: '{whatEn} is outside your jurisdiction' },
  NOT_FOUND: { status: 404, zh: '未找到：{what}', en: 'Not found: {what}' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; refresh and try again' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  // The database cannot be reached (restarting, network cut): the app answers this until it is back.
  DB_UNAVAILABLE: { status: 503, zh: '数据库暂时无法连接，请稍后重试', en: 'The database is unreachable for the moment; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员（请求号 {requestId}）', en: 'Internal server error; tell an administrator (request {requestId})' },
} satisfies ErrorCatalogue;
