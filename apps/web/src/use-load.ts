/** Loads data for a page, with loading and error states and a reload. */
import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './api-client';
import { onReconnect } from './connection';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // The caller's deps decide when the loader is a new one, as with useEffect.
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mine === generation.current) setError(errorText(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // A page that failed because the engine did not answer loads again by itself once it does.
  const failed = useRef(false);
  failed.current = error !== null;
  useEffect(() => onReconnect(() => void (failed.current && reload())), [reload]);
  return { data, error, loading, reload };
}

/** Re-renders every `ms` milliseconds, for countdowns and "days left". */
export function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
