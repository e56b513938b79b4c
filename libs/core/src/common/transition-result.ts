/** What a transition job did, and the tasks it created (their reminders are scheduled after commit). */
export interface TransitionResult {
  outcome: string;
  createdTaskIds: string[];
  /** Reports that have just been approved for consolidation: their collection counts them now. */
  readyForConsolidation?: { planId: string; reportId: string }[];
}

export const nothingCreated = (outcome: string): TransitionResult => ({ outcome, createdTaskIds: [] });
