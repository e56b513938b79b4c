import { consolidationState, planStages, PlanStagesInput, PlanStageTask, rootApprovalState } from '../plan-stages';

const open: PlanStageTask = { state: 'open', applied: false };
const cancelled: PlanStageTask = { state: 'cancelled', applied: false };
const voted: PlanStageTask = { state: 'completed', applied: true };
const votedNotApplied: PlanStageTask = { state: 'completed', applied: false };

const base: PlanStagesInput = {
  planStatus: 'launched',
  consolidation: { key: 'consolidation', role: 'consolidator' },
  round: 1,
  consolidationTasks: [open],
  rootApprovalTasks: [],
  waitingAtConsolidation: 3,
  rootCollected: true,
  eligible: { consolidation: 1, rootApproval: 2 },
};
const at = (over: Partial<PlanStagesInput>): PlanStagesInput => ({ ...base, ...over });

describe('consolidationState', () => {
  it('is not started before any round while the root still collects, or before launch', () => {
    expect(consolidationState(at({ round: 0, consolidationTasks: [], rootCollected: false }))).toBe('not_started');
    expect(consolidationState(at({ round: 0, consolidationTasks: [], waitingAtConsolidation: 0 }))).toBe('not_started');
    expect(consolidationState(at({ planStatus: 'draft' }))).toBe('not_started');
  });

  it('is unassigned when reports wait after the collection completed and no round ever opened', () => {
    expect(consolidationState(at({ round: 0, consolidationTasks: [] }))).toBe('unassigned');
  });

  it('is unassigned when the round opened with nobody, or every holder lost the role', () => {
    expect(consolidationState(at({ consolidationTasks: [] }))).toBe('unassigned');
    expect(consolidationState(at({ consolidationTasks: [cancelled, cancelled] }))).toBe('unassigned');
  });

  it('is open while someone holds a task, deciding while a vote waits for the worker, then done', () => {
    expect(consolidationState(at({ consolidationTasks: [cancelled, open] }))).toBe('open');
    expect(consolidationState(at({ consolidationTasks: [votedNotApplied, cancelled] }))).toBe('deciding');
    expect(consolidationState(at({ consolidationTasks: [voted, cancelled] }))).toBe('done');
    expect(consolidationState(at({ planStatus: 'completed', consolidationTasks: [] }))).toBe('done');
  });
});

describe('rootApprovalState', () => {
  const consolidated = { consolidationTasks: [voted], waitingAtConsolidation: 0 };

  it('is not started until the round’s consolidation is done', () => {
    expect(rootApprovalState(at({}))).toBe('not_started');
    expect(rootApprovalState(at({ consolidationTasks: [votedNotApplied] }))).toBe('not_started');
  });

  it('is unassigned when it opened with nobody, or the members left without the votes deciding', () => {
    expect(rootApprovalState(at({ ...consolidated, rootApprovalTasks: [] }))).toBe('unassigned');
    expect(rootApprovalState(at({ ...consolidated, rootApprovalTasks: [cancelled, cancelled] }))).toBe('unassigned');
    expect(rootApprovalState(at({ ...consolidated, rootApprovalTasks: [voted, cancelled] }))).toBe('unassigned');
  });

  it('is open with a task, deciding with a vote to apply, done with the plan', () => {
    expect(rootApprovalState(at({ ...consolidated, rootApprovalTasks: [voted, open] }))).toBe('open');
    expect(rootApprovalState(at({ ...consolidated, rootApprovalTasks: [votedNotApplied, cancelled] }))).toBe('deciding');
    expect(rootApprovalState(at({ ...consolidated, planStatus: 'completed', rootApprovalTasks: [voted, voted] }))).toBe('done');
  });
});

describe('planStages', () => {
  it('names who is eligible and, only when nobody can act, why', () => {
    const [consolidation, rootApproval] = planStages(at({ consolidationTasks: [], eligible: { consolidation: 0, rootApproval: 2 } }));
    expect(consolidation).toEqual({
      stage: 'consolidation',
      round: 1,
      state: 'unassigned',
      openTasks: 0,
      votes: 0,
      eligible: 0,
      reason: {
        vi: 'Không có ai giữ vai trò tổ giúp việc (tổng hợp) tại đơn vị gốc để tổng hợp báo cáo',
        en: 'Nobody holds the consolidator role at the root unit to consolidate the reports',
      },
    });
    expect(rootApproval).toMatchObject({ stage: 'root_approval', state: 'not_started', eligible: 2, reason: null });
  });

  it('tells apart nobody eligible from eligible people without a task', () => {
    const [consolidation] = planStages(at({ consolidationTasks: [cancelled], eligible: { consolidation: 2, rootApproval: 0 } }));
    expect(consolidation.reason!.en).toBe('2 people hold the consolidator role at the root unit but none has a consolidation task');
    const [, rootApproval] = planStages(at({ consolidationTasks: [voted], rootApprovalTasks: [voted, open], eligible: { consolidation: 1, rootApproval: 2 } }));
    expect(rootApproval).toMatchObject({ state: 'open', openTasks: 1, votes: 1, eligible: 2, reason: null });
    const [, nobody] = planStages(at({ consolidationTasks: [voted], rootApprovalTasks: [], eligible: { consolidation: 1, rootApproval: 0 } }));
    expect(nobody.reason!.vi).toContain('Ban Thường vụ');
  });
});
