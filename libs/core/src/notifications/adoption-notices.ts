import { EntityManager } from 'typeorm';
import { findAdoptionNoticeRow, listUnitRoleHolderIds } from '@app/dal';
import { adoptingBodyOf, adoptionText, levelReportPath, reportPath, stageLabel } from '@app/domain';
import { notifyWithEmail } from './email-outbox';
import { stagesOfVersions } from './notice-stages';

/**
 * An adoption (thông qua): the report of `unitId` in the round `round` of its adopting stage, or
 * with `reportId` null the root's own report. The shape of the adoption record (AdoptionRecorder's
 * `Adopting`), so whatever records an adoption can announce it with the same object.
 */
export interface AdoptionToAnnounce {
  planId: string;
  unitId: string;
  reportId: string | null;
  round: number;
  /** When it was adopted; now when not given. */
  adoptedAt: Date;
}

/**
 * Tells the people of the report that it was adopted and where it goes: a unit's drafters and
 * approvers, or for the root's own report its working group and Standing Committee. In the
 * caller's transaction, once per adoption (key `adoption:<plan>:<unit>:<round>:<user>`, so the
 * engine and the adoption's record may both call it). Returns the outbox rows of the e-mails.
 */
export async function noticeOfAdoption(em: EntityManager, adoption: AdoptionToAnnounce): Promise<string[]> {
  const row = await findAdoptionNoticeRow(em, adoption.planId, adoption.unitId, adoption.reportId);
  if (!row) return [];
  const roles = adoption.reportId ? ['drafter', 'approver'] : ['consolidator', 'reviewer'];
  const people = await listUnitRoleHolderIds(em, adoption.unitId, roles);
  const unit = { kind: row.unit_kind, name: row.unit_name };
  const stages = (await stagesOfVersions(em, [row])).values().next().value ?? [];
  const text = adoptionText({
    planCode: row.plan_code,
    unitName: row.unit_name,
    adoptedBy: adoptingBodyOf(unit),
    adoptedAt: adoption.adoptedAt,
    nextStageLabel: adoption.reportId && row.stage ? stageLabel(row.stage, { stages, unit }) : null,
  });
  const { outbox } = await notifyWithEmail(
    em,
    people.map((userId) => ({
      userId,
      kind: 'adoption' as const,
      ...text,
      planId: adoption.planId,
      reportId: adoption.reportId,
      link: adoption.reportId ? reportPath(adoption.reportId) : levelReportPath(adoption.planId),
      dedupKey: `adoption:${adoption.planId}:${adoption.unitId}:${adoption.round}:${userId}`,
    })),
  );
  return outbox;
}
