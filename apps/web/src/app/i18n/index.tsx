import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../api';
import { en } from './en';
import { type MessageKey, type Messages, zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

const DICTS: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'jiceng.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

/** Chinese by default; the choice is kept in localStorage and sent to the server as Accept-Language. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  setApiLocale(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = DICTS[locale]['app.title'];
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, params) => {
      const text = DICTS[locale][key];
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
