import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, findPlanRecipients, inTransaction, listRecipientExampleUnits, lockPlanRecipients, savePlanRecipients } from '@app/dal';
import { invalid, notFound, PlanRecipients, planRecipientsProblem, UNIT_KINDS, UnitKind } from '@app/domain';
import { Actor } from '../common/actor';
import { recipientsOf, withFileCopy } from './party-forms';

/** What a level's reports carry: the plan's own lines or the usual ones, as printed, shown on one of its units. */
export interface LevelRecipients {
  kind: UnitKind;
  /** The unit the lines are shown for: the usual lines name the committee above it. */
  exampleUnit: string;
  /** True when the plan sets its own lines for this level. */
  own: boolean;
  lines: string[];
}

export interface PlanRecipientsView {
  id: string;
  recipients: PlanRecipients | null;
  levels: LevelRecipients[];
}

/**
 * A plan's own Nơi nhận per level, set by administrators; a level left out keeps its usual lines
 * (recipientsOf). Documents adopted already print what is set when they are downloaded: the
 * recipients are where copies go, not part of what the committee adopted.
 */
@Injectable()
export class PlanRecipientsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The plan's own lines and, for each level of its tree, the lines its reports print (on one of its units). */
  async get(planId: string): Promise<PlanRecipientsView> {
    const plan = await findPlanRecipients(this.db, planId);
    if (!plan) throw notFound('Plan', planId);
    // One unit of each kind: the root, else the first by code among the units the plan has reports of.
    const examples = await listRecipientExampleUnits(this.db, planId, plan.root_unit_id);
    const levels = examples
      .sort((a, b) => UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind))
      .map((row): LevelRecipients => {
        const unit = { kind: row.kind, name: row.name };
        const parent = row.parent_kind && row.parent_name ? { kind: row.parent_kind, name: row.parent_name } : null;
        const own = plan.recipients?.[row.kind];
        return { kind: row.kind, exampleUnit: row.name, own: own !== undefined, lines: withFileCopy(own ?? recipientsOf(unit, parent), unit) };
      });
    return { id: planId, recipients: plan.recipients, levels };
  }

  async set(planId: string, recipients: PlanRecipients | null, actor: Actor): Promise<{ id: string; recipients: PlanRecipients | null }> {
    const problem = recipients === null ? null : planRecipientsProblem(recipients);
    if (problem) throw invalid(problem);
    const lines = recipients && Object.fromEntries(Object.entries(recipients).map(([kind, list]) => [kind, list!.map((l) => l.trim())]));
    return inTransaction(this.db, async (em) => {
      const plan = await lockPlanRecipients(em, planId);
      if (!plan) throw notFound('Plan', planId);
      await savePlanRecipients(em, planId, lines ? JSON.stringify(lines) : null);
      await appendAuditEvents(em, [
        { actorId: actor.id, actor: actor.username, action: 'plan.recipients', planId, data: { before: plan.recipients, after: lines } },
      ]);
      return { id: planId, recipients: lines };
    });
  }
}
