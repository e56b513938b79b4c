import { EntityManager } from 'typeorm';
import { LabelledStage } from '@app/domain';

/** A workflow version a notice names stages of. */
export interface WorkflowRef {
  workflow_key: string;
  workflow_version: number;
}

/**
 * The stages of every workflow version the given rows run on, in one query, keyed `key@version`:
 * what a notice needs to name a stage as the report's level does (stageLabel). Versions never
 * change once written, so reading them inside the caller's transaction is as good as any cache.
 */
export async function stagesOfVersions(em: EntityManager, rows: readonly WorkflowRef[]): Promise<Map<string, LabelledStage[]>> {
  const wanted = [...new Map(rows.map((r) => [versionId(r), r])).values()];
  if (wanted.length === 0) return new Map();
  const found: { key: string; version: number; stages: LabelledStage[] }[] = await em.query(
    `SELECT w.key, w.version, w.stages FROM workflow_definitions w
       JOIN unnest($1::varchar[], $2::int[]) AS v(key, version) ON v.key = w.key AND v.version = w.version`,
    [wanted.map((r) => r.workflow_key), wanted.map((r) => r.workflow_version)],
  );
  return new Map(found.map((w) => [`${w.key}@${w.version}`, w.stages]));
}

export function versionId(row: WorkflowRef): string {
  return `${row.workflow_key}@${row.workflow_version}`;
}
