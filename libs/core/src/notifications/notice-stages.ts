import { EntityManager } from 'typeorm';
import { listWorkflowVersionStages, WorkflowRef } from '@app/dal';
import { LabelledStage } from '@app/domain';

/** Per database (the engine's DataSource): a key and version name the same stages for ever. */
const knownStages = new WeakMap<object, Map<string, LabelledStage[]>>();

/**
 * The stages of every workflow version the given rows run on, keyed `key@version`: what a notice
 * needs to name a stage as the report's level does (stageLabel). Versions never change once
 * written, so each is read once per database and kept; the rest come in one query.
 */
export async function stagesOfVersions(em: EntityManager, rows: readonly WorkflowRef[]): Promise<Map<string, LabelledStage[]>> {
  const known = knownStages.get(em.connection) ?? new Map<string, LabelledStage[]>();
  knownStages.set(em.connection, known);
  const wanted = [...new Map(rows.map((r) => [versionId(r), r])).values()];
  const missing = wanted.filter((r) => !known.has(versionId(r)));
  if (missing.length > 0) for (const w of await listWorkflowVersionStages(em, missing)) known.set(`${w.key}@${w.version}`, w.stages);
  return new Map(wanted.flatMap((r) => (known.has(versionId(r)) ? [[versionId(r), known.get(versionId(r))!] as const] : [])));
}

export function versionId(row: WorkflowRef): string {
  return `${row.workflow_key}@${row.workflow_version}`;
}
