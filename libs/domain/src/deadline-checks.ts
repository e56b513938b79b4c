import { COLLECTION_CUT_OFF_KEY, PlanDeadlines } from './due-date';
import { LEVEL_NAMES } from './party-names';
import { LabelledStage, stageLabel } from './stage-labels';
import { UNIT_KINDS, UnitKind } from './types';
import { formatVietnamDateTime } from './vietnam-time';

/** A deadline a plan should not have as given, named by its field (`deadlines.cell.drafting`). */
export interface DeadlineProblem {
  field: string;
  problem: 'past' | 'order';
  /** Vietnamese, for the person who set it. */
  message: string;
}

export interface DeadlineOrderInput {
  deadlines: PlanDeadlines;
  /** The workflow's stages, in order. */
  stages: readonly LabelledStage[];
  rootKind: UnitKind;
  /** Kinds whose units consolidate the reports below them; the root's kind always does. */
  consolidateAt: readonly UnitKind[];
}

type Entry = { kind: UnitKind; key: string; at: Date };

const field = (kind: UnitKind, key: string) => `deadlines.${kind}.${key}`;
const when = (at: Date) => `${formatVietnamDateTime(at)} (giờ Hà Nội)`;

function entries(deadlines: PlanDeadlines): Entry[] {
  return UNIT_KINDS.flatMap((kind) => Object.entries(deadlines[kind] ?? {}).map(([key, value]) => ({ kind, key, at: new Date(value) })));
}

/** Deadlines already passed at `now`: a new plan cannot be held to them. */
export function pastDeadlines(deadlines: PlanDeadlines, now: Date): DeadlineProblem[] {
  return entries(deadlines)
    .filter((e) => e.at.getTime() < now.getTime())
    .map((e) => ({ field: field(e.kind, e.key), problem: 'past', message: `${field(e.kind, e.key)}: thời hạn ${when(e.at)} đã qua` }));
}

/**
 * Deadlines out of the order the work happens in:
 * 1. for one unit kind, a later stage of the workflow due before an earlier one;
 * 2. a data cut-off (`collection`) after the consolidation deadline it precedes (its kind's, else the root's);
 * 3. where a level consolidates the reports of the levels below it (the root, and `consolidateAt`),
 *    a lower level's stage due after the same stage of that level;
 * 4. a report stage of any level due after the root's data cut-off (its `collection`, else its
 *    consolidation deadline): the report would arrive after its collection has closed.
 */
export function deadlineOrderProblems(input: DeadlineOrderInput): DeadlineProblem[] {
  const { deadlines, stages, rootKind } = input;
  const reportStages = stages.filter((s) => s.kind !== 'consolidation');
  const consolidationKey = stages.find((s) => s.kind === 'consolidation')?.key;
  const nameOf = (key: string, level?: UnitKind) => `"${stageLabel(key, { stages, level })}"`;
  const at = (kind: UnitKind, key: string | undefined) => (key && deadlines[kind]?.[key] ? new Date(deadlines[kind]![key]) : null);
  const problems: DeadlineProblem[] = [];
  const add = (kind: UnitKind, key: string, message: string) => {
    if (!problems.some((p) => p.field === field(kind, key)))
      problems.push({ field: field(kind, key), problem: 'order', message: `${field(kind, key)}: ${message}` });
  };

  for (const kind of UNIT_KINDS) {
    reportStages.forEach((stage, index) => {
      const due = at(kind, stage.key);
      const earlier = reportStages
        .slice(0, index)
        .map((s) => ({ s, due: at(kind, s.key) }))
        .find((e) => e.due && due && e.due > due);
      if (earlier)
        add(
          kind,
          stage.key,
          `bước ${nameOf(stage.key, kind)} hạn ${when(due!)}, sớm hơn bước trước đó ${nameOf(earlier.s.key, kind)} (${when(earlier.due!)}) của ${LEVEL_NAMES[kind]}`,
        );
    });
    const cutOff = at(kind, COLLECTION_CUT_OFF_KEY);
    const consolidationDue = at(kind, consolidationKey) ?? at(rootKind, consolidationKey);
    if (cutOff && consolidationDue && cutOff > consolidationDue) {
      add(kind, COLLECTION_CUT_OFF_KEY, `chốt số liệu ${when(cutOff)}, sau hạn tổng hợp ${when(consolidationDue)}`);
    }
  }

  const levels = (kinds: readonly UnitKind[]) => UNIT_KINDS.filter((k) => kinds.includes(k) && UNIT_KINDS.indexOf(k) >= UNIT_KINDS.indexOf(rootKind));
  const sameStageKeys = [...reportStages.map((s) => s.key), COLLECTION_CUT_OFF_KEY, ...(consolidationKey ? [consolidationKey] : [])];
  for (const upper of levels([rootKind, ...input.consolidateAt])) {
    for (const lower of UNIT_KINDS.slice(UNIT_KINDS.indexOf(upper) + 1)) {
      for (const key of sameStageKeys) {
        const lowerDue = at(lower, key);
        const upperDue = at(upper, key);
        if (lowerDue && upperDue && lowerDue > upperDue) {
          add(
            lower,
            key,
            `${LEVEL_NAMES[lower]} hạn ${when(lowerDue)} ở bước ${nameOf(key)}, muộn hơn ${LEVEL_NAMES[upper]} (${when(upperDue)}), cấp tổng hợp báo cáo của cấp dưới`,
          );
        }
      }
    }
  }

  const rootCutOff = at(rootKind, COLLECTION_CUT_OFF_KEY) ?? at(rootKind, consolidationKey);
  if (rootCutOff) {
    for (const kind of UNIT_KINDS.filter((k) => k !== rootKind)) {
      for (const stage of reportStages) {
        const due = at(kind, stage.key);
        if (due && due > rootCutOff)
          add(
            kind,
            stage.key,
            `hạn ${when(due)} ở bước ${nameOf(stage.key, kind)}, sau thời điểm chốt số liệu tổng hợp của ${LEVEL_NAMES[rootKind]} (${when(rootCutOff)})`,
          );
      }
    }
  }
  return problems;
}
