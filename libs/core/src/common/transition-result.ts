/** What a transition job did, and the tasks it created (their reminders are scheduled after commit). */
export interface TransitionResult {
  outcome: string;
  createdTaskIds: string[];
}

export const nothingCreated = (outcome: string): TransitionResult => ({ outcome, createdTaskIds: [] });
