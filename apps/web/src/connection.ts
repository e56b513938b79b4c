/**
 * Whether the engine answers. A request that gets no answer at all (the server stopped, the network
 * gone) marks the connection lost; from then on the engine is asked again by itself, after 1, 2,
 * 4… up to 15 seconds and at once when the browser says it is back online, until it answers.
 * Pages listen to be told when it is back, to save what waited and reload what failed.
 */
import { useEffect, useState } from 'react';

export type ConnectionState = 'online' | 'offline';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 15_000;
/** Any path of the engine that answers without a token; its answer's status does not matter, only that one came. */
const PROBE_PATH = '/health';

let state: ConnectionState = 'online';
let retryMs = FIRST_RETRY_MS;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(state: ConnectionState) => void>();

export function connectionState(): ConnectionState {
  return state;
}

/** Told by every request: an answer of any status means the engine is there. */
export function reportAnswer(): void {
  if (state === 'online') return;
  state = 'online';
  retryMs = FIRST_RETRY_MS;
  clearTimeout(timer);
  listeners.forEach((listener) => listener(state));
}

/** Told by a request that got no answer. */
export function reportNoAnswer(): void {
  if (state === 'offline') return;
  state = 'offline';
  listeners.forEach((listener) => listener(state));
  scheduleProbe();
}

function scheduleProbe(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void probe(), retryMs);
  retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
}

async function probe(): Promise<void> {
  if (state === 'online') return;
  try {
    await fetch(PROBE_PATH, { cache: 'no-store' });
    reportAnswer();
  } catch {
    scheduleProbe();
  }
}

addEventListener('online', () => {
  if (state === 'offline') {
    retryMs = FIRST_RETRY_MS;
    void probe();
  }
});

/** Calls `listener` on every change; returns the unsubscription (for a useEffect's cleanup). */
export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls `action` each time the engine answers again after it had not. */
export function onReconnect(action: () => void): () => void {
  return onConnectionChange((now) => {
    if (now === 'online') action();
  });
}

export function useConnection(): ConnectionState {
  const [now, setNow] = useState(state);
  useEffect(() => {
    setNow(state);
    return onConnectionChange(setNow);
  }, []);
  return now;
}
