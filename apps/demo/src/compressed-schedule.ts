import { toVietnamIso, vietnamWallClock } from '@app/domain';

/**
 * The plan's deadlines, compressed from weeks to seconds so reminders and an escalation happen
 * while the demo runs. Offsets count from the moment the plan is created (`anchor`).
 *
 * - Drafting is due at +14 s for every unit kind; reminders go out 6 s before (+8 s) and at the due
 *   date (+14 s), the escalation 3 s after it (+17 s). Every drafter but the late one submits within
 *   a few seconds (the returned report's second drafting included), so their drafting tasks are
 *   closed before the first reminder.
 * - The late unit's drafter submits right after the escalation (~+17.5 s); its approval stages and
 *   the consolidation take about a second more. Later stages are due late enough (+30 s and on,
 *   first reminder at +24 s) that no one is reminded of them, even on a loaded machine: only the
 *   late drafting task makes noise, deterministically.
 */
export const SCHEDULE = {
  draftingDueS: 14,
  cellApprovalDueS: 30,
  committeeReviewDueS: 32,
  consolidationDueS: 35,
  before: ['PT6S', 'PT0S'],
  escalateAfter: 'PT3S',
} as const;

/** The unit whose drafter waits until reminded twice and escalated once, then submits. */
export const LATE_SCENARIO = { unitCode: 'HLHPN-TG' } as const;

const seconds = (text: string) => Number(/^PT(\d+)S$/.exec(text)?.[1] ?? NaN);

/** When each notice of the late drafting task should fire, for the "vs due" column and the waits. */
export function lateNoticeTimes(draftingDue: Date): { reminders: Date[]; escalation: Date } {
  return {
    reminders: SCHEDULE.before.map((o) => new Date(draftingDue.getTime() - seconds(o) * 1000)).sort((a, b) => +a - +b),
    escalation: new Date(draftingDue.getTime() + seconds(SCHEDULE.escalateAfter) * 1000),
  };
}

/** ISO 8601 in Viet Nam time (+07:00), whole seconds, as the plan's deadlines are written. */
export function vietnamIso(at: Date): string {
  return `${toVietnamIso(at).slice(0, 19)}+07:00`;
}

/** dd/mm/yyyy HH:mm:ss in Viet Nam time, the engine's zone. */
export function vietnamDateTime(at: Date): string {
  const [date, time] = vietnamWallClock(at).toISOString().slice(0, 19).split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time}`;
}

export interface CompressedPlan {
  anchor: Date;
  draftingDue: Date;
  deadlines: Record<string, Record<string, string>>;
  reminders: { before: string[]; escalateAfter: string };
}

/** The fixture's deadline table, every kind and stage kept, with times counted from now. */
export function compressedPlan(fixtureDeadlines: Record<string, Record<string, string>>, now = new Date()): CompressedPlan {
  const anchor = new Date(Math.ceil(now.getTime() / 1000) * 1000);
  const at = (s: number) => vietnamIso(new Date(anchor.getTime() + s * 1000));
  const byStage: Record<string, number> = {
    drafting: SCHEDULE.draftingDueS,
    cell_approval: SCHEDULE.cellApprovalDueS,
    committee_review: SCHEDULE.committeeReviewDueS,
    consolidation: SCHEDULE.consolidationDueS,
  };
  const deadlines: Record<string, Record<string, string>> = {};
  for (const [kind, stages] of Object.entries(fixtureDeadlines)) {
    deadlines[kind] = {};
    for (const stage of Object.keys(stages)) {
      if (byStage[stage] === undefined) throw new Error(`The fixture sets a deadline for stage ${stage}, which the demo does not compress`);
      deadlines[kind][stage] = at(byStage[stage]);
    }
  }
  return {
    anchor,
    draftingDue: new Date(anchor.getTime() + SCHEDULE.draftingDueS * 1000),
    deadlines,
    reminders: { before: [...SCHEDULE.before], escalateAfter: SCHEDULE.escalateAfter },
  };
}
