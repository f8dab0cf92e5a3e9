import type { ErrorCatalogue } from './types';

export const similarErrors = {
  SIMILAR_TEXT_EMPTY: {
    status: 400,
    zh: 'text：请输入问题描述（至少两个字）',
    en: 'text: describe the problem (two characters at least)',
  },
} satisfies ErrorCatalogue;
