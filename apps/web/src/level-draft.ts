/**
 * The report a consolidating level writes, whichever it is: the Khối's own report (the root, through
 * /api/plans/:id/level-report) or an intermediate unit's own report (through /api/reports/:id).
 * The page edits either the same way; only where it reads and saves differs.
 */
import { api } from './api-client';
import type { ItemText, LevelItem, LevelReport, OrgUnit, Report, Task } from './api-types';
import { PARTS } from './api-types';
import { stageLabel } from './format';

export interface LevelDraft {
  planId: string;
  /** The consolidating unit's code; null for the root (the Khối's own report). */
  level: string | null;
  unitCode: string;
  unitName: string;
  /** Where it stands, in words. */
  statusText: string;
  /** Changes with every save, so the editor starts again from what was read. */
  revision: string;
  editable: boolean;
  canSubmit: boolean;
  lastReturnReason: string | null;
  items: LevelItem[];
  indicators: Record<string, number>;
  derivedIndicators: Record<string, number>;
  /** The intermediate unit's own report, read elsewhere too (its approval, its trail). */
  reportId?: string;
  versionsPath: string;
  saveText(key: string, part: ItemText, text: string): Promise<unknown>;
  saveFigures(values: Record<string, number | null>): Promise<unknown>;
  submit(): Promise<unknown>;
  /** Whether the engine has moved it on since (the worker applies a submit shortly after the 202). */
  movedOn(): Promise<boolean>;
}

export const LEVEL_STATUS_TEXT: Record<LevelReport['status'], string> = {
  drafting: 'Tổ giúp việc đang dự thảo',
  submitted: 'Đã trình Ban Thường vụ, chờ thông qua',
  adopted: 'Ban Thường vụ đã thông qua',
};

export async function loadLevelDraft(planId: string, level: string | null): Promise<LevelDraft> {
  return level ? unitDraft(planId, level) : rootDraft(planId);
}

async function rootDraft(planId: string): Promise<LevelDraft> {
  const path = `/api/plans/${planId}/level-report`;
  const r = await api.get<LevelReport>(path);
  return {
    planId,
    level: null,
    unitCode: r.unitCode,
    unitName: r.unitName,
    statusText: `${LEVEL_STATUS_TEXT[r.status]} (lần ${r.round})`,
    revision: `${r.version}`,
    editable: r.canEdit,
    canSubmit: r.canSubmit,
    lastReturnReason: r.status === 'drafting' ? r.lastReturnReason : null,
    items: r.sections,
    indicators: r.indicators,
    derivedIndicators: r.derivedIndicators,
    versionsPath: `${path}/versions`,
    saveText: (key, part, text) => api.put(`${path}/sections/${key}`, { [part]: text }),
    saveFigures: (values) => api.put(`${path}/indicators`, values),
    submit: () => api.post(`${path}/submit`),
    movedOn: async () => (await api.get<LevelReport>(path)).status !== r.status,
  };
}

/** A report item as GET /api/reports/:id answers it: its texts side by side, `takes` naming those it has. */
type ReportItem = { key: string; title: string; required: boolean; part?: LevelItem['part']; guidance?: string; takes?: ItemText[] } & Partial<
  Record<ItemText, string>
>;

async function unitDraft(planId: string, level: string): Promise<LevelDraft> {
  const units = await api.get<OrgUnit[]>('/api/org-units');
  const unit = units.find((u) => u.code === level);
  if (!unit) throw new Error(`Không tìm thấy đơn vị ${level}.`);
  const [summary] = await api.get<Report[]>(`/api/reports?planId=${planId}&unitId=${unit.id}`);
  if (!summary) throw new Error(`Đơn vị ${unit.name} không có báo cáo trong kế hoạch này.`);
  const path = `/api/reports/${summary.id}`;
  const [report, tasks] = await Promise.all([api.get<Report>(path), api.get<Task[]>('/api/tasks?state=open')]);
  const drafting = tasks.some((t) => t.reportId === report.id && t.kind === 'draft');
  const items = ((report.sections ?? []) as unknown as ReportItem[]).map((s) => {
    const takes = s.takes?.length ? s.takes : [...PARTS];
    return {
      key: s.key,
      title: s.title,
      required: s.required,
      part: s.part,
      guidance: s.guidance,
      takes,
      parts: Object.fromEntries(takes.map((t) => [t, s[t] ?? ''])),
    };
  });
  return {
    planId,
    level,
    unitCode: unit.code,
    unitName: unit.name,
    statusText: stageLabel(report.stage),
    revision: report.updatedAt,
    editable: drafting,
    canSubmit: drafting,
    lastReturnReason: drafting ? report.lastReturnReason : null,
    items,
    indicators: report.indicators,
    derivedIndicators: (report as Report & { derivedIndicators?: Record<string, number> }).derivedIndicators ?? {},
    reportId: report.id,
    versionsPath: `${path}/versions`,
    saveText: (key, part, text) => api.put(`${path}/sections/${key}`, { [part]: text }),
    saveFigures: (values) => api.put(`${path}/indicators`, values),
    submit: () => api.post(`${path}/submit`),
    movedOn: async () => (await api.get<Report>(path)).stage !== report.stage,
  };
}
