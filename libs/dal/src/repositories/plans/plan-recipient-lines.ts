import type { PlanRecipients, UnitKind } from '@app/domain';
import { Queryable } from '../queryable';

/** A plan's own Nơi nhận lines per level (null: every level prints its usual lines) and its root. */
export interface PlanRecipientsRow {
  recipients: PlanRecipients | null;
  root_unit_id: string;
}

export async function findPlanRecipients(db: Queryable, planId: string): Promise<PlanRecipientsRow | undefined> {
  const [plan]: PlanRecipientsRow[] = await db.query(`SELECT recipients, root_unit_id FROM plans WHERE id = $1`, [planId]);
  return plan;
}

/** A unit of one kind, to show what that level's reports print, with its parent (the usual lines name the committee above it). */
export interface RecipientExampleUnitRow {
  kind: UnitKind;
  name: string;
  parent_kind: UnitKind | null;
  parent_name: string | null;
}

/** One unit of each kind: the root, else the first by code among the units the plan has reports of. */
export async function listRecipientExampleUnits(db: Queryable, planId: string, rootUnitId: string): Promise<RecipientExampleUnitRow[]> {
  return db.query(
    `SELECT DISTINCT ON (u.kind) u.kind, u.name, p.kind AS parent_kind, p.name AS parent_name
         FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id
        WHERE u.id = $2 OR u.id IN (SELECT unit_id FROM reports WHERE plan_id = $1)
        ORDER BY u.kind, (u.id = $2) DESC, u.code`,
    [planId, rootUnitId],
  );
}

/** The plan's lines, locked so two administrators' changes are audited one after the other, each with the lines it replaced. */
export async function lockPlanRecipients(db: Queryable, planId: string): Promise<{ recipients: PlanRecipients | null } | undefined> {
  const [plan]: { recipients: PlanRecipients | null }[] = await db.query(`SELECT recipients FROM plans WHERE id = $1 FOR NO KEY UPDATE`, [planId]);
  return plan;
}

/** Stores the plan's lines (JSON, or null for the usual lines everywhere). */
export async function savePlanRecipients(db: Queryable, planId: string, recipientsJson: string | null): Promise<void> {
  await db.query(`UPDATE plans SET recipients = $2, version = version + 1, updated_at = now() WHERE id = $1`, [planId, recipientsJson]);
}
