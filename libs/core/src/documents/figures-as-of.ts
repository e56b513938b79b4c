/** Where a consolidation's "as of" date comes from, most reliable first. */
export type AsOfSource = 'collected' | 'cut_off' | 'plan_deadline' | 'now';

export interface FiguresAsOf {
  /** The date the summed figures stand at (thời gian chốt số liệu, Decree 09/2019/NĐ-CP). */
  asOf: Date;
  asOfSource: AsOfSource;
  /** The collection's cut-off, when it has one. */
  cutOffAt: Date | null;
  /** When the collection closed (every report in, or the cut-off reached); null while it is open. */
  collectedAt: Date | null;
}

/**
 * The figures' cut-off date for a consolidating unit:
 * - once its collection has closed, the moment it closed (the figures were gathered then, whether
 *   every report was in early or the cut-off was reached);
 * - while it is open, the collection's cut-off, the date the plan declared the figures are for;
 * - without a recorded collection (a plan not yet launched), the plan's consolidation deadline for
 *   the unit's kind (else the root's);
 * - else now, as a last resort: the figures are live.
 */
export function figuresAsOf(input: { collectedAt: Date | null; cutOffAt: Date | null; planDeadline: Date | null; now: Date }): FiguresAsOf {
  const { collectedAt, cutOffAt, planDeadline, now } = input;
  const known = { cutOffAt, collectedAt };
  if (collectedAt) return { asOf: collectedAt, asOfSource: 'collected', ...known };
  if (cutOffAt) return { asOf: cutOffAt, asOfSource: 'cut_off', ...known };
  if (planDeadline) return { asOf: planDeadline, asOfSource: 'plan_deadline', ...known };
  return { asOf: now, asOfSource: 'now', ...known };
}
