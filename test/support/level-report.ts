import { expectStatus, Session } from './api';
import { Part, PARTS } from './types';
import { waitFor } from '../kit/poll';

/** Every text an outline item can take: its one text, or some of the five parts. */
export type TextPart = 'text' | Part;

/** GET /api/plans/:id/level-report, as far as the tests read it. */
export interface LevelReportDto {
  id: string;
  planId: string;
  unitCode: string;
  unitName: string;
  status: 'drafting' | 'submitted' | 'adopted';
  round: number;
  version: number;
  returnedCount: number;
  lastReturnReason: string | null;
  sections: { key: string; title: string; required: boolean; part?: string; guidance?: string; takes: TextPart[]; parts: Partial<Record<TextPart, string>> }[];
  indicators: Record<string, number>;
  sums: Record<string, number>;
  canEdit: boolean;
  canSubmit: boolean;
}

export interface SourcesDto {
  level: { unitCode: string; unitName: string };
  total: number;
  from: number;
  limit: number;
  next: number | null;
  units: { unitId: string; unitCode: string; unitName: string; citedAs: string; kind: string }[];
  sections: {
    key: string;
    title: string;
    takes: TextPart[];
    sources: { unitId: string; unitCode: string; unitName: string; kind: string; parts: Partial<Record<TextPart, string>> }[];
  }[];
}

export interface LevelVersionDto {
  seq: number;
  round: number;
  sections: Record<string, Partial<Record<TextPart, string>>>;
  indicators: Record<string, number>;
  submittedBy: string;
}

/** The texts an outline item takes: its own list, or the five parts of the earlier outline. */
export const takesOf = (item: { takes?: TextPart[] }): TextPart[] => (item.takes?.length ? item.takes : [...PARTS]);

export async function levelReport(user: Session, planId: string): Promise<LevelReportDto> {
  return expectStatus(await user.get(`/api/plans/${planId}/level-report`), 200, `level report as ${user.username}`).body as LevelReportDto;
}

/** Waits until the plan's level report exists and satisfies `until` (its creation and changes are the worker's). */
export async function waitForLevelReport(
  user: Session,
  planId: string,
  until: (r: LevelReportDto) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<LevelReportDto> {
  let last = '';
  return waitFor(
    async () => {
      const res = await user.get(`/api/plans/${planId}/level-report`);
      last = `${res.status} ${res.body?.status ?? ''}`;
      return res.status === 200 && until(res.body as LevelReportDto) ? (res.body as LevelReportDto) : undefined;
    },
    { timeoutMs, what: `level report ${what} (last: ${last})` },
  );
}

export async function sources(user: Session, planId: string, query: Record<string, string | number>): Promise<SourcesDto> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string])).toString();
  return expectStatus(await user.get(`/api/plans/${planId}/level-report/sources?${search}`), 200, `sources ${search}`).body as SourcesDto;
}

/** One text of an item of a report as GET /api/reports/:id answers it (the `text` of a one-text item included). */
export function reportText(report: { sections: object[] }, key: string, part: TextPart): string | undefined {
  const section = (report.sections as Record<string, unknown>[]).find((s) => s.key === key);
  const text = section?.[part];
  return typeof text === 'string' ? text : undefined;
}

/** The texts an item of a report takes (`takes`; the five parts of the earlier outline without it), with what each holds. */
export function reportTexts(section: object): [TextPart, string | undefined][] {
  const item = section as { takes?: TextPart[] } & Record<string, unknown>;
  return (item.takes?.length ? item.takes : [...PARTS]).map((part) => [part, typeof item[part] === 'string' ? (item[part] as string) : undefined]);
}

/** What a level's pre-fill writes for one part: each unit's paragraphs, the first led by its name, one group per unit. */
export function expectedSynthesis(contributions: { name: string; text: string | undefined }[]): string {
  return contributions
    .map(({ name, text }) => {
      const paragraphs = (text ?? '')
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean);
      return paragraphs.length ? [`${name}: ${paragraphs[0]}`, ...paragraphs.slice(1)].join('\n') : null;
    })
    .filter((group): group is string => group !== null)
    .join('\n\n');
}
