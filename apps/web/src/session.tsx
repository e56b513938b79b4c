/**
 * Who is signed in: the token (kept for the browser, shared by its tabs: api-client.ts) and
 * `/api/me`. A session that expires while the person works asks for the password over the page
 * (ReauthDialog) and the refused request goes on; the connection's state shows above every page.
 */
import { createContext, ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { api, endSession, hasToken, NoAnswerError, setToken, storedToken, whenUnauthorized } from './api-client';
import type { LoginAnswer, Me, Role } from './api-types';
import { ConnectionBanner } from './ConnectionBanner';
import { onReconnect } from './connection';
import { ReauthDialog } from './ReauthDialog';
import { navigate } from './router';
import './session.css';

interface Session {
  me: Me | null;
  ready: boolean;
  /** The tab held a session the engine no longer accepts: the sign-in page says so. */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  hasRole: (role: Role) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(!hasToken());
  const [expired, setExpired] = useState(false);
  const meNow = useRef<Me | null>(null);
  meNow.current = me;
  // The requests waiting for the password (every 401 while the dialog is open waits for the same answer).
  const [waiting, setWaiting] = useState<((renewed: boolean) => void)[]>([]);

  /**
   * The session already ended on the server and nobody is working in this tab yet: only the tab
   * forgets it. The address stays, so signing in again opens the page that was asked for (a link
   * from an e-mail opened after expiry).
   */
  const dropSession = useCallback(() => {
    setToken(null);
    setMe(null);
    setExpired(true);
  }, []);

  const answerWaiting = useCallback((renewed: boolean) => {
    setWaiting((all) => {
      all.forEach((resolve) => resolve(renewed));
      return [];
    });
  }, []);

  /** The sign-out button: asks the server to end the session (best effort), so the token is dead wherever it was copied. */
  const signOut = useCallback(() => {
    void endSession();
    answerWaiting(false);
    dropSession();
    setExpired(false);
    navigate('/');
  }, [answerWaiting, dropSession]);

  useEffect(() => {
    whenUnauthorized(async (refused) => {
      // Signed in again in another tab meanwhile: its token is this tab's too.
      const fresh = storedToken();
      if (fresh && fresh !== refused) {
        setToken(fresh);
        return true;
      }
      if (!meNow.current) {
        dropSession();
        return false;
      }
      return new Promise<boolean>((resolve) => setWaiting((all) => [...all, resolve]));
    });
    if (!hasToken()) return;
    // Opened while the engine is away: the session is kept and read once it answers again.
    let stopWaiting = () => undefined as unknown;
    const readMe = () =>
      api
        .get<Me>('/api/me')
        .then((answer) => {
          setMe(answer);
          setReady(true);
        })
        .catch((error) => {
          if (error instanceof NoAnswerError) stopWaiting = onReconnect(() => (stopWaiting(), void readMe()));
          else {
            dropSession();
            setReady(true);
          }
        });
    void readMe();
    return () => void stopWaiting();
  }, [dropSession]);

  const signIn = useCallback(async (username: string, password: string) => {
    const answer = await api.post<LoginAnswer>('/api/auth/login', { username, password });
    setToken(answer.accessToken);
    setMe(await api.get<Me>('/api/me'));
    setExpired(false);
  }, []);

  /** The dialog's password: the same person signs in again and every waiting request is sent once more. */
  const signInAgain = useCallback(
    async (password: string) => {
      const answer = await api.post<LoginAnswer>('/api/auth/login', { username: meNow.current!.username, password });
      setToken(answer.accessToken);
      answerWaiting(true);
    },
    [answerWaiting],
  );

  const hasRole = useCallback((role: Role) => !!me?.roles.some((r) => r.role === role), [me]);

  return (
    <SessionContext.Provider value={{ me, ready, expired, signIn, signOut, hasRole }}>
      <ConnectionBanner />
      {children}
      {me && waiting.length > 0 && <ReauthDialog username={me.username} fullName={me.fullName} signIn={signInAgain} signOut={signOut} />}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
