import { draftPath, planPath, publicLink, reportPath, taskPath } from '../page-links';

describe('the pages that act on a piece of work', () => {
  const planId = 'a0b1c2d3-0000-4000-8000-000000000001';
  const reportId = 'a0b1c2d3-0000-4000-8000-000000000002';

  it('sends a drafter to the drafting page, an approver to the report, the plan-level work to the root’s own report', () => {
    expect(taskPath({ kind: 'draft', reportId, planId })).toBe(`/reports/${reportId}/draft`);
    expect(taskPath({ kind: 'approval', reportId, planId })).toBe(`/reports/${reportId}`);
    expect(taskPath({ kind: 'consolidation', reportId: null, planId })).toBe(`/plans/${planId}/level-report`);
    expect(taskPath({ kind: 'approval', reportId: null, planId })).toBe(`/plans/${planId}/level-report`);
    expect([reportPath(reportId), draftPath(reportId), planPath(planId)]).toEqual([`/reports/${reportId}`, `/reports/${reportId}/draft`, `/plans/${planId}`]);
  });

  it('joins the public base URL and a path with one slash, whatever the setting ends with', () => {
    expect(publicLink('http://localhost:3000', '/plans/x')).toBe('http://localhost:3000/plans/x');
    expect(publicLink('https://tongket.dcs.vn/app/', '/plans/x')).toBe('https://tongket.dcs.vn/app/plans/x');
  });
});
