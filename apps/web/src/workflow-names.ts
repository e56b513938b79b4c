/** Stage names of the workflow versions plans run on, fetched once per version. */
import { useEffect, useState } from 'react';
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

/** `{stageKey: name}` over every given plan's workflow version (names agree across versions in practice). */
export function useStageNames(plans: Pick<Plan, 'workflowKey' | 'workflowVersion'>[] | undefined): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const ids = (plans ?? []).map((p) => `${p.workflowKey}@${p.workflowVersion}`).sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = [...new Set(ids ? ids.split(',') : [])].map((id) => id.split('@'));
    Promise.all(wanted.map(([key, version]) => workflowVersion(key, Number(version)).catch(() => null))).then((flows) => {
      if (!live) return;
      const map: Record<string, string> = { done: 'Hoàn thành' };
      for (const flow of flows) for (const stage of flow?.stages ?? []) map[stage.key] ??= stage.name;
      setNames(map);
    });
    return () => {
      live = false;
    };
  }, [ids]);
  return names;
}
