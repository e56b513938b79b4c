import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { invalid, notFound, PlanRecipients, planRecipientsProblem } from '@app/domain';
import { Actor } from '../common/actor';

/**
 * A plan's own Nơi nhận per level, set by administrators; a level left out keeps its usual lines
 * (recipientsOf). Documents adopted already print what is set when they are downloaded: the
 * recipients are where copies go, not part of what the committee adopted.
 */
@Injectable()
export class PlanRecipientsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async set(planId: string, recipients: PlanRecipients | null, actor: Actor): Promise<{ id: string; recipients: PlanRecipients | null }> {
    const problem = recipients === null ? null : planRecipientsProblem(recipients);
    if (problem) throw invalid(problem);
    const lines = recipients && Object.fromEntries(Object.entries(recipients).map(([kind, list]) => [kind, list!.map((l) => l.trim())]));
    return inTransaction(this.db, async (em) => {
      const [plan]: { recipients: PlanRecipients | null }[] = await em.query(`SELECT recipients FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
      if (!plan) throw notFound('Plan', planId);
      await em.query(`UPDATE plans SET recipients = $2, version = version + 1, updated_at = now() WHERE id = $1`, [planId, lines ? JSON.stringify(lines) : null]);
      await appendAuditEvents(em, [{ actorId: actor.id, actor: actor.username, action: 'plan.recipients', planId, data: { before: plan.recipients, after: lines } }]);
      return { id: planId, recipients: lines };
    });
  }
}
