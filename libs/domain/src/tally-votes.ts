import { StageTally } from './decide-stage';
import { TaskState } from './types';

/** One task of a stage's round as the tally sees it: whose it is and what they decided. */
export interface StageVote {
  id: string;
  assigneeId: string;
  state: TaskState;
  decision: string | null;
}

export interface CountedTally extends StageTally {
  /** The votes that count, in the order given: each person's first decision of the round. */
  counted: StageVote[];
}

/**
 * Counts a round's votes by people, not by tasks (tập trung dân chủ: a committee decides by the
 * votes of distinct members). Every task not cancelled is a seat; a person's first decision counts
 * and any later decision of theirs in the same round (a second task that reached them by delegation
 * or reassignment) never does. Votes must be given in the order they were cast.
 */
export function tallyVotes(votes: readonly StageVote[]): CountedTally {
  const decided = new Set<string>();
  const counted: StageVote[] = [];
  for (const vote of votes) {
    if (vote.state !== 'completed' || vote.decision === null || decided.has(vote.assigneeId)) continue;
    decided.add(vote.assigneeId);
    counted.push(vote);
  }
  return {
    assigned: votes.filter((v) => v.state !== 'cancelled').length,
    approvals: counted.filter((v) => v.decision === 'approve' || v.decision === 'submit').length,
    returns: counted.filter((v) => v.decision === 'return').length,
    counted,
  };
}

/**
 * Whether a person may take a task of a round by delegation or reassignment: not if they already
 * hold a task of that round (open) or have decided one, or their one voice would count twice.
 */
export function alreadyInRound(round: readonly Pick<StageVote, 'assigneeId' | 'state'>[], userId: string): boolean {
  return round.some((v) => v.assigneeId === userId && v.state !== 'cancelled');
}
