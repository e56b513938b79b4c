/** Who is signed in: the token (kept for this browser tab) and `/api/me`. */
import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, endSession, hasToken, setToken, whenUnauthorized } from './api-client';
import type { LoginAnswer, Me, Role } from './api-types';
import { navigate } from './router';

interface Session {
  me: Me | null;
  ready: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  hasRole: (role: Role) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(!hasToken());

  /**
   * The session already ended on the server (a 401): only the tab forgets it. The address stays, so
   * signing in again opens the page that was asked for (a link from an e-mail opened after expiry).
   */
  const dropSession = useCallback(() => {
    setToken(null);
    setMe(null);
  }, []);

  /** The sign-out button: asks the server to end the session (best effort), so the token is dead wherever it was copied. */
  const signOut = useCallback(() => {
    void endSession();
    dropSession();
    navigate('/');
  }, [dropSession]);

  useEffect(() => {
    whenUnauthorized(dropSession);
    if (!hasToken()) return;
    api
      .get<Me>('/api/me')
      .then(setMe)
      .catch(() => setToken(null))
      .finally(() => setReady(true));
  }, [dropSession]);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await api.post<LoginAnswer>('/api/auth/login', { username, password });
    setToken(answer.accessToken);
    setMe(await api.get<Me>('/api/me'));
  }, []);

  const hasRole = useCallback((role: Role) => !!me?.roles.some((r) => r.role === role), [me]);

  return <SessionContext.Provider value={{ me, ready, signIn, signOut, hasRole }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
