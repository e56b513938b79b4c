/** The signed-in person acting through the API, as the JWT guard puts it on the request. */
export interface Actor {
  id: string;
  username: string;
  /** The session the request's token belongs to (absent for actors that are not signed-in requests). */
  sessionId?: string;
}

export const SYSTEM_ACTOR = { id: null, username: 'system' } as const;
