import { decideStage } from '../decide-stage';
import { alreadyInRound, StageVote, tallyVotes } from '../tally-votes';

const vote = (id: string, assigneeId: string, state: StageVote['state'], decision: string | null = null): StageVote => ({ id, assigneeId, state, decision });

describe('tallyVotes', () => {
  it('counts each seat, and each person once', () => {
    const tally = tallyVotes([vote('t1', 'a', 'completed', 'approve'), vote('t2', 'a', 'completed', 'approve')]);
    expect(tally).toMatchObject({ assigned: 2, approvals: 1, returns: 0 });
    // "majority of two" is not reached by one person holding both seats
    expect(decideStage({ type: 'majority' }, tally)).toBe('pending');
  });

  it("a person's second decision never counts, whatever it says", () => {
    const tally = tallyVotes([vote('t1', 'a', 'completed', 'approve'), vote('t2', 'a', 'completed', 'return'), vote('t3', 'b', 'open')]);
    expect(tally).toMatchObject({ assigned: 3, approvals: 1, returns: 0 });
    expect(tally.counted.map((v) => v.id)).toEqual(['t1']);
  });

  it('the first decision of each person counts in the order cast', () => {
    const tally = tallyVotes([vote('t1', 'b', 'completed', 'return'), vote('t2', 'a', 'completed', 'approve'), vote('t3', 'b', 'completed', 'approve')]);
    expect(tally).toMatchObject({ approvals: 1, returns: 1 });
    expect(tally.counted.map((v) => v.id)).toEqual(['t1', 't2']);
  });

  it('cancelled tasks are no seat; open ones are; submit counts as approval (drafting)', () => {
    const tally = tallyVotes([vote('t1', 'a', 'cancelled'), vote('t2', 'b', 'open'), vote('t3', 'c', 'completed', 'submit')]);
    expect(tally).toMatchObject({ assigned: 2, approvals: 1, returns: 0 });
  });

  it('distinct people reach the majority', () => {
    const tally = tallyVotes([vote('t1', 'a', 'completed', 'approve'), vote('t2', 'b', 'completed', 'approve'), vote('t3', 'c', 'open')]);
    expect(decideStage({ type: 'majority' }, tally)).toBe('approved');
  });
});

describe('alreadyInRound', () => {
  const round = [vote('t1', 'a', 'completed', 'approve'), vote('t2', 'b', 'open'), vote('t3', 'c', 'cancelled')];
  it('refuses whoever holds or has decided a task of the round', () => {
    expect(alreadyInRound(round, 'a')).toBe(true);
    expect(alreadyInRound(round, 'b')).toBe(true);
  });
  it('lets in someone whose only task was withdrawn, or who had none', () => {
    expect(alreadyInRound(round, 'c')).toBe(false);
    expect(alreadyInRound(round, 'd')).toBe(false);
  });
});
