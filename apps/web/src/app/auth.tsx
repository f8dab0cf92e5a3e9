import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setUnauthenticatedHandler } from './api';
import { endSession, isOfflineFailure, rememberSession } from './offline';
import type { Me } from '@jiceng/shared/schemas/accounts';

interface Auth {
  /** undefined while the first /auth/me is in flight; null when logged out. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/auth/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setMe(null);
      else throw err;
    }
  }, []);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      void endSession().catch(() => undefined);
      setMe(null);
    });
    // No network is not "logged out": the one logged in stays (the worker answered /auth/me from
    // its cache when it had it); only with nothing known does the login page show.
    refresh().catch((err) => setMe((known) => (isOfflineFailure(err) && known ? known : null)));
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);
  const login = useCallback(async (username: string, password: string) => {
    const who = await api.post<Me>('/auth/login', { username, password });
    await rememberSession(who).catch(() => undefined);
    setMe(who);
  }, []);
  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      await endSession().catch(() => undefined);
    }
    setMe(null);
  }, []);
  const can = useCallback((permission: string) => !!me?.permissions.includes(permission), [me]);
  const value = useMemo(() => ({ me, login, logout, refresh, can }), [me, login, logout, refresh, can]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user; only for components rendered behind the login gate. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe before login');
  return me;
}
