import { EntityManager } from 'typeorm';

/**
 * The next number of an issuer's register for one document type and year: 1 for the first, then
 * one more each time, in the caller's transaction. The register's row stays locked until the
 * transaction ends, so two adoptions by one issuer never take the same number, and a rolled-back
 * adoption gives its number back.
 */
export async function nextRegisterNumber(em: EntityManager, issuerUnitId: string, documentType: string, year: number): Promise<number> {
  const [row]: { last_number: number }[] = await em.query(
    `INSERT INTO document_registers (issuer_unit_id, document_type, year, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (issuer_unit_id, document_type, year) DO UPDATE SET last_number = document_registers.last_number + 1, updated_at = now()
     RETURNING last_number`,
    [issuerUnitId, documentType, year],
  );
  return row.last_number;
}
