import { DEFAULT_WORKFLOW } from '../../../../libs/domain/src/default-workflow';
import type { Stage } from '../api-types';
import { draftProblems, sortProblems } from '../stage-problems';
import { workflowChanges } from '../workflow-diff';

const current = DEFAULT_WORKFLOW.stages as unknown as Stage[];
const copy = () => current.map((s) => ({ ...s, rule: { ...s.rule } }));

describe('the workflow editor’s texts: problems on their stage, changes by stage name', () => {
  it('puts a stage’s problem on that stage, in Vietnamese, without the stage’s position or code', () => {
    const draft = copy();
    draft[2] = { ...draft[2], name: '' };
    const { byStage, general } = draftProblems(draft);
    expect([...byStage.entries()]).toEqual([[2, ['Cần có tên bước']]]);
    expect(general).toEqual([]);
  });

  it('keeps the problems of the whole workflow apart, and reads the engine’s refusal the same way', () => {
    const draft = copy().filter((s) => s.kind !== 'consolidation');
    const { byStage, general } = draftProblems(draft);
    expect(byStage.size).toBe(0);
    expect(general).toEqual(['quy trình cần đúng một bước tổng hợp, là bước cuối cùng']);
    const refused = sortProblems(['stages[1] (cell_approval): returnTo must point to an earlier stage, not committee_review']);
    expect([...refused.byStage.entries()]).toEqual([[1, ['Bước trả về phải là một bước trước đó']]]);
  });

  it('names stages in the list of changes, never by their codes', () => {
    const draft = copy();
    draft.splice(2, 1);
    draft[1] = { ...draft[1], returnTo: undefined };
    const texts = workflowChanges(current, draft).map((c) => c.text);
    expect(texts).toEqual(['Bỏ bước “Cấp ủy cấp trên thẩm định”', 'Bước “Chi bộ thông qua”: trả lại về “Dự thảo báo cáo” → “(không)”']);
    expect(texts.join(' ')).not.toMatch(/drafting|cell_approval|committee_review/);
  });
});
