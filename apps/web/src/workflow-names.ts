/** Stage names of the workflow versions plans run on, fetched once per version, named as each level names them. */
import { useEffect, useMemo, useState } from 'react';
import { LabelledStage, stageLabel, StageLabelContext } from '../../../libs/domain/src/stage-labels';
import { api } from './api-client';
import type { Plan, Workflow } from './api-types';

const cache = new Map<string, Promise<Workflow>>();

export function workflowVersion(key: string, version?: number): Promise<Workflow> {
  const id = `${key}@${version ?? 'latest'}`;
  if (!cache.has(id)) {
    const request = api.get<Workflow>(`/api/workflows/${encodeURIComponent(key)}${version ? `?version=${version}` : ''}`);
    request.catch(() => cache.delete(id));
    cache.set(id, request);
  }
  return cache.get(id)!;
}

export function forgetLatestWorkflow(key: string): void {
  cache.delete(`${key}@latest`);
}

/** Where a stage is read: a report's unit, a level, and the plan's root (whose committee adopts the consolidated report). */
export type StageWhere = Omit<StageLabelContext, 'stages'>;

export interface StageLabels {
  /** A stage as people read it there ("Đảng ủy thông qua" for a grassroots đảng bộ); for every level at once without `where`. */
  label: (stage: string, where?: StageWhere) => string;
  /** `{stageKey: label}` there, for components that take a names map (StageBadge, TaskActions, AuditTrail…). */
  namesFor: (where?: StageWhere) => Record<string, string>;
}

/** Keys a page may show beside the workflow's own stages. */
const PSEUDO_STAGES = ['done', 'root_approval', 'collection'];

/** The stages of every given plan's workflow version, each key once (names agree across versions in practice). */
function useStages(plans: Pick<Plan, 'workflowKey' | 'workflowVersion'>[] | undefined): LabelledStage[] {
  const [stages, setStages] = useState<LabelledStage[]>([]);
  const ids = (plans ?? [])
    .map((p) => `${p.workflowKey}@${p.workflowVersion}`)
    .sort()
    .join(',');
  useEffect(() => {
    let live = true;
    const wanted = [...new Set(ids ? ids.split(',') : [])].map((id) => id.split('@'));
    void Promise.all(wanted.map(([key, version]) => workflowVersion(key, Number(version)).catch(() => null))).then((flows) => {
      if (!live) return;
      const byKey = new Map<string, LabelledStage>();
      for (const flow of flows) for (const stage of flow?.stages ?? []) if (!byKey.has(stage.key)) byKey.set(stage.key, stage);
      setStages([...byKey.values()]);
    });
    return () => {
      live = false;
    };
  }, [ids]);
  return stages;
}

export function useStageLabels(plans: Pick<Plan, 'workflowKey' | 'workflowVersion'>[] | undefined): StageLabels {
  const stages = useStages(plans);
  return useMemo(() => {
    const label = (stage: string, where: StageWhere = {}) => stageLabel(stage, { stages, ...where });
    const namesFor = (where: StageWhere = {}) => Object.fromEntries([...stages.map((s) => s.key), ...PSEUDO_STAGES].map((key) => [key, label(key, where)]));
    return { label, namesFor };
  }, [stages]);
}

/** `{stageKey: name}` over every given plan's workflow version, named for every level at once. */
export function useStageNames(plans: Pick<Plan, 'workflowKey' | 'workflowVersion'>[] | undefined): Record<string, string> {
  const { namesFor } = useStageLabels(plans);
  return useMemo(() => namesFor(), [namesFor]);
}
