import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useLoad } from '../../app/useLoad';
import type { Category } from './types';

/** The active categories and a code → name lookup in the UI's language. */
export function useCategories() {
  const { locale } = useI18n();
  const { data } = useLoad(() => api.get<Category[]>('/public/categories'), []);
  const nameOf = (code: string) => {
    const c = data?.find((x) => x.code === code);
    return c ? (locale === 'en' ? c.nameEn : c.nameZh) : code;
  };
  return { categories: data ?? [], nameOf };
}
