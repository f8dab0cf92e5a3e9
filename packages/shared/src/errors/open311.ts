import type { ErrorCatalogue } from './types';

export const open311Errors = {
  API_KEY_NOT_FOUND: { status: 404, zh: 'API 密钥不存在：{id}', en: 'No such API key: {id}' },
} satisfies ErrorCatalogue;
