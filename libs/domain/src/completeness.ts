export interface CompletenessInput {
  unitCode: string;
  unitName: string;
  included: boolean;
  firstSubmittedAt: Date | null;
  draftingDueAt: Date | null;
  returnedCount: number;
  /** Approved only after the plan was completed: not in the approved consolidated report, and late. */
  afterCompletion?: boolean;
}

export type Timeliness = 'on_time' | 'late' | 'not_submitted';

export interface CompletenessRow {
  unitCode: string;
  unitName: string;
  status: 'included' | 'missing';
  timeliness: Timeliness;
  firstSubmittedAt: Date | null;
  returnedCount: number;
  /** Present (true) on a report that arrived after the plan was completed: missing from the approved report. */
  afterCompletion?: true;
}

/** The completeness table of a consolidation: on time or late by the first submission, returns, missing. */
export function completenessTable(inputs: readonly CompletenessInput[]): { rows: CompletenessRow[]; summary: Record<string, number> } {
  const rows = [...inputs]
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode))
    .map((input) => ({
      unitCode: input.unitCode,
      unitName: input.unitName,
      status: input.included ? ('included' as const) : ('missing' as const),
      timeliness: timelinessOf(input),
      firstSubmittedAt: input.firstSubmittedAt,
      returnedCount: input.returnedCount,
      ...(input.afterCompletion && !input.included ? { afterCompletion: true as const } : {}),
    }));
  const count = (f: (r: CompletenessRow) => boolean) => rows.filter(f).length;
  return {
    rows,
    summary: {
      units: rows.length,
      included: count((r) => r.status === 'included'),
      missing: count((r) => r.status === 'missing'),
      onTime: count((r) => r.timeliness === 'on_time'),
      late: count((r) => r.timeliness === 'late'),
      returned: count((r) => r.returnedCount > 0),
      afterCompletion: count((r) => r.afterCompletion === true),
    },
  };
}

function timelinessOf(input: CompletenessInput): Timeliness {
  if (input.afterCompletion && !input.included) return 'late';
  if (!input.firstSubmittedAt) return 'not_submitted';
  if (!input.draftingDueAt) return 'on_time';
  return input.firstSubmittedAt.getTime() <= input.draftingDueAt.getTime() ? 'on_time' : 'late';
}
