import type { ChosenSigner } from '@app/domain';
import { Queryable } from '../queryable';

/** An adoption (thông qua) as the API and the documents read it, with its unit's code. */
export interface AdoptionRow {
  id: string;
  plan_id: string;
  unit_id: string;
  unit_code: string;
  report_id: string | null;
  round: number;
  stage: string;
  number: number;
  symbol: string;
  adopted_at: Date;
  /** The adoption's date in Viet Nam, YYYY-MM-DD. */
  adopted_on: string;
  place: string;
  signer_username: string | null;
  signer_name: string;
  signer_position: 'bi_thu' | 'pho_bi_thu' | null;
  signer_how: string;
  superseded_at: Date | null;
  superseded_reason: string | null;
}

/** An adoption being recorded: what was adopted, its number in the issuer's register, when, where and who signs. */
export interface NewAdoption {
  planId: string;
  unitId: string;
  reportId: string | null;
  round: number;
  stage: string;
  documentType: string;
  number: number;
  symbol: string;
  adoptedAt: Date;
  /** The adoption's date in Viet Nam, YYYY-MM-DD. */
  adoptedOn: string;
  place: string;
  signer: ChosenSigner;
}

const ADOPTION_COLUMNS = `a.id, a.plan_id, a.unit_id, o.code AS unit_code, a.report_id, a.round, a.stage, a.number, a.symbol, a.adopted_at,
  to_char(a.adopted_on, 'YYYY-MM-DD') AS adopted_on, a.place, a.signer_username, a.signer_name, a.signer_position, a.signer_how,
  a.superseded_at, a.superseded_reason`;

/**
 * The next number of an issuer's register for one document type and year: 1 for the first, then
 * one more each time, in the caller's transaction. The register's row stays locked until the
 * transaction ends, so two adoptions by one issuer never take the same number, and a rolled-back
 * adoption gives its number back.
 */
export async function nextRegisterNumber(db: Queryable, issuerUnitId: string, documentType: string, year: number): Promise<number> {
  const [row]: { last_number: number }[] = await db.query(
    `INSERT INTO document_registers (issuer_unit_id, document_type, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (issuer_unit_id, document_type, year) DO UPDATE SET last_number = document_registers.last_number + 1, updated_at = now()
     RETURNING last_number`,
    [issuerUnitId, documentType, year],
  );
  return row.last_number;
}

/** Whether the unit's report was already adopted in this round (an adoption is recorded once). */
export async function adoptionRecorded(db: Queryable, planId: string, unitId: string, round: number): Promise<boolean> {
  const done: unknown[] = await db.query(`SELECT 1 FROM adoptions WHERE plan_id = $1 AND unit_id = $2 AND round = $3`, [planId, unitId, round]);
  return done.length > 0;
}

/** Records an adoption; the table refuses any later change but its superseding. */
export async function insertAdoption(db: Queryable, adoption: NewAdoption): Promise<void> {
  await db.query(
    `INSERT INTO adoptions (plan_id, unit_id, report_id, round, stage, document_type, number, symbol, adopted_at, adopted_on, place,
                              signer_id, signer_username, signer_name, signer_position, signer_how)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      adoption.planId,
      adoption.unitId,
      adoption.reportId,
      adoption.round,
      adoption.stage,
      adoption.documentType,
      adoption.number,
      adoption.symbol,
      adoption.adoptedAt,
      adoption.adoptedOn,
      adoption.place,
      adoption.signer.userId,
      adoption.signer.username,
      adoption.signer.fullName,
      adoption.signer.position,
      adoption.signer.how,
    ],
  );
}

/** Supersedes the unit's current adoption with the reason; returns the symbols of the adoptions it superseded (none or one). */
export async function supersedeCurrentAdoption(db: Queryable, planId: string, unitId: string, reason: string | null): Promise<string[]> {
  const [rows]: [{ symbol: string }[]] = await db.query(
    `UPDATE adoptions SET superseded_at = now(), superseded_reason = $3 WHERE plan_id = $1 AND unit_id = $2 AND superseded_at IS NULL RETURNING symbol`,
    [planId, unitId, reason],
  );
  return rows.map((r) => r.symbol);
}

/** Every adoption of a unit in a plan, newest first: the current one and those superseded by a return. */
export async function adoptionsOfUnit(db: Queryable, planId: string, unitId: string): Promise<AdoptionRow[]> {
  return db.query(
    `SELECT ${ADOPTION_COLUMNS} FROM adoptions a JOIN org_units o ON o.id = a.unit_id WHERE a.plan_id = $1 AND a.unit_id = $2 ORDER BY a.adopted_at DESC, a.round DESC`,
    [planId, unitId],
  );
}

/** The unit's current adoption in a plan, or null. */
export async function currentAdoptionOf(db: Queryable, planId: string, unitId: string): Promise<AdoptionRow | null> {
  const [row]: AdoptionRow[] = await db.query(
    `SELECT ${ADOPTION_COLUMNS} FROM adoptions a JOIN org_units o ON o.id = a.unit_id WHERE a.plan_id = $1 AND a.unit_id = $2 AND a.superseded_at IS NULL`,
    [planId, unitId],
  );
  return row ?? null;
}
