import { DecisionApplier, ReportBusy, TasksService } from '@app/core';
import { cancelOpenTasks, readVoteForDecision } from '@app/dal';
import { auditOf } from './support/audit';
import { decide, launchedPlan, makePerson, makeWorld, Person, reportOf, submitDraft } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

interface TaskSummary {
  id: string;
  reportId: string | null;
  stage: string;
  state: string;
  assigneeId: string;
}

describe('TasksService', () => {
  let services: Services;
  let tasks: TasksService;
  const inbox = async (userId: string, state: 'open' | 'completed' = 'open') => (await tasks.listMine(userId, state)) as TaskSummary[];

  beforeAll(async () => {
    services = await startServices();
    tasks = services.get(TasksService);
  });
  afterAll(() => stopServices(services));

  /**
   * Cell A with the world's approver and `more` others (`approver-<tag>2…`), a plan launched, and
   * its draft submitted: the report as submitted, and each approver's task of its round, in order.
   */
  async function submittedToApprovers(tag: string, more: number) {
    const world = await makeWorld(services.db);
    const approvers: Person[] = [world.people.approverA];
    for (let n = 2; n <= more + 1; n++) approvers.push(await makePerson(services.db, `approver-${tag}${n}.${world.tag}`, [[world.units.cellA, 'approver']]));
    const plan = await launchedPlan(services, world);
    const { id } = await reportOf(services.db, plan.id, world.units.cellA);
    await submitDraft(services, id, world.people.drafterA);
    const submitted = await reportOf(services.db, plan.id, world.units.cellA);
    const open: TaskSummary[] = [];
    for (const approver of approvers) open.push((await inbox(approver.id)).find((t) => t.reportId === id)!);
    return { world, plan, report: submitted, approvers, open };
  }

  it("lists in the inbox only the caller's own open tasks", async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const reportA = await reportOf(services.db, plan.id, world.units.cellA);

    const mine = await inbox(world.people.drafterA.id);

    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ reportId: reportA.id, stage: 'drafting', state: 'open', assigneeId: world.people.drafterA.id });
    expect(await inbox(world.people.approverA.id)).toEqual([]);
  });

  it('moves a submitted report to the approvers: the drafter has nothing open, the approver one task', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);

    await submitDraft(services, report.id, world.people.drafterA);

    expect(await inbox(world.people.drafterA.id)).toEqual([]);
    expect((await inbox(world.people.drafterA.id, 'completed')).map((t) => t.stage)).toEqual(['drafting']);
    expect((await inbox(world.people.approverA.id)).map((t) => [t.reportId, t.stage])).toEqual([[report.id, 'cell_approval']]);
    expect((await reportOf(services.db, plan.id, world.units.cellA)).stage).toBe('cell_approval');
  });

  it("refuses to complete somebody else's task with FORBIDDEN", async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    await submitDraft(services, (await reportOf(services.db, plan.id, world.units.cellA)).id, world.people.drafterA);
    const [approval] = await inbox(world.people.approverA.id);

    await expect(tasks.complete(approval.id, world.people.approverB, 'approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tasks.get(approval.id, world.people.approverB.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await tasks.get(approval.id, world.people.admin.id)).state).toBe('open');
  });

  it('refuses a return without a reason, and a second decision on the same task', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    await submitDraft(services, (await reportOf(services.db, plan.id, world.units.cellA)).id, world.people.drafterA);
    const [approval] = await inbox(world.people.approverA.id);

    await expect(tasks.complete(approval.id, world.people.approverA, 'return', '  ')).rejects.toMatchObject({ code: 'RULE_REFUSED' });
    await tasks.complete(approval.id, world.people.approverA, 'approve');
    await expect(tasks.complete(approval.id, world.people.approverA, 'approve')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('records an approval in the audit trail with the decider and the stage', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    await submitDraft(services, report.id, world.people.drafterA);
    const [approval] = await inbox(world.people.approverA.id);

    const answer = await tasks.complete(approval.id, world.people.approverA, 'approve');

    expect(answer).toMatchObject({ id: approval.id, reportId: report.id, stage: 'cell_approval', state: 'completed', decision: 'approve' });
    const [event] = await auditOf(services.db, { reportId: report.id }, 'approve');
    expect(event).toMatchObject({ actor_id: world.people.approverA.id, task_id: approval.id, from_stage: 'cell_approval' });
  });

  it('gives a returned report back to its drafter in a new round', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    await submitDraft(services, report.id, world.people.drafterA);
    const submitted = await reportOf(services.db, plan.id, world.units.cellA);

    await decide(services, report.id, world.people.approverA, 'return');

    const after = await reportOf(services.db, plan.id, world.units.cellA);
    expect(after.stage).toBe('drafting');
    expect(after.round).toBeGreaterThan(submitted.round);
    expect((await inbox(world.people.drafterA.id)).map((t) => [t.reportId, t.stage])).toEqual([[report.id, 'drafting']]);
    expect(await inbox(world.people.approverA.id)).toEqual([]);
  });

  it("a vote that only waits for the committee's others ignores the report's lock; the deciding one is refused as busy, unwritten, and applies once the row is free", async () => {
    const { world, plan, report, approvers, open } = await submittedToApprovers('a', 2);
    const [, second] = approvers;
    const [first, deciding] = open;
    const applier = services.get(DecisionApplier);

    // Someone else holds the report's row, as a decision under way does.
    const holder = services.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM reports WHERE id = $1 FOR NO KEY UPDATE', [report.id]);
    const within = <T>(work: Promise<T>, ms: number) =>
      Promise.race([work, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
    try {
      // One approval of three is not a majority yet: applied at once, the row's holder notwithstanding.
      await tasks.complete(first.id, world.people.approverA, 'approve');
      expect(await within(applier.apply(first.id), 5_000)).toMatchObject({ outcome: 'pending' });
      // The second makes the majority: its move does not wait for the row, it is refused at once.
      await tasks.complete(deciding.id, second, 'approve');
      const trail = await auditOf(services.db, { reportId: report.id });
      await expect(within(applier.apply(deciding.id), 5_000)).rejects.toBeInstanceOf(ReportBusy);
      expect((await readVoteForDecision(services.db, deciding.id))?.task.applied).toBe(false);
      expect((await reportOf(services.db, plan.id, world.units.cellA)).stage).toBe('cell_approval');
      expect(await auditOf(services.db, { reportId: report.id })).toHaveLength(trail.length);
      await holder.commitTransaction();
      expect(await applier.apply(deciding.id)).toMatchObject({ outcome: 'approved' });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await reportOf(services.db, plan.id, world.units.cellA)).stage).toBe('committee_review');
  });

  it('applies a vote that decides nothing as pending; the deciding vote reads the round’s votes with its report and moves it', async () => {
    const { world, plan, report, approvers, open } = await submittedToApprovers('b', 1);
    const [, second] = approvers;
    const [first, last] = open;
    const applier = services.get(DecisionApplier);

    await tasks.complete(first.id, world.people.approverA, 'approve');
    expect((await applier.apply(first.id)).outcome).toBe('pending');
    expect((await readVoteForDecision(services.db, first.id))?.task.applied).toBe(true);
    expect((await applier.apply(first.id)).outcome).toBe('already-applied');

    await tasks.complete(last.id, second, 'approve');
    const vote = await readVoteForDecision(services.db, last.id);
    expect(vote?.report).toMatchObject({ id: report.id, stage: 'cell_approval', workflow_key: plan.workflowKey, needs_decision: false });
    expect(vote?.votes?.map((v) => [v.id, v.decision])).toEqual([
      [first.id, 'approve'],
      [last.id, 'approve'],
    ]);
    expect((await applier.apply(last.id)).outcome).toBe('approved');
    expect((await reportOf(services.db, plan.id, world.units.cellA)).stage).toBe('committee_review');
    // Applied, and of a round now past: nothing is read for a decision any more.
    expect((await readVoteForDecision(services.db, last.id))?.votes).toBeUndefined();
  });

  it("moves a decided report in one statement: the round's open tasks cancelled and audited, then the transition, with the new stage's due date", async () => {
    const { world, plan, report, approvers, open } = await submittedToApprovers('c', 2);
    const [, second, third] = approvers;
    const [first, deciding, withdrawn] = open;
    const applier = services.get(DecisionApplier);

    await tasks.complete(first.id, world.people.approverA, 'approve');
    expect((await applier.apply(first.id)).outcome).toBe('pending');
    await tasks.complete(deciding.id, second, 'approve');
    expect((await applier.apply(deciding.id)).outcome).toBe('approved');

    const moved = await reportOf(services.db, plan.id, world.units.cellA);
    expect(moved).toMatchObject({ stage: 'committee_review', round: report.round + 1 });
    expect(moved.due_at?.toISOString()).toBe(plan.deadlines.cell?.committee_review);
    expect((await tasks.get(withdrawn.id, world.people.admin.id)).state).toBe('cancelled');
    const trail = await auditOf(services.db, { reportId: report.id });
    expect(trail.slice(-2)).toEqual([
      expect.objectContaining({
        action: 'tasks_cancelled',
        actor: 'system',
        actor_id: null,
        task_id: null,
        from_stage: 'cell_approval',
        to_stage: null,
        comment: `Hủy việc của ${third.username}: giai đoạn đã được quyết định`,
        data: { taskIds: [withdrawn.id], round: report.round },
      }),
      expect.objectContaining({
        action: 'transition',
        actor: second.username,
        actor_id: second.id,
        task_id: deciding.id,
        from_stage: 'cell_approval',
        to_stage: 'committee_review',
        comment: null,
        data: null,
      }),
    ]);
  });

  it('withdraws a round’s open tasks in one statement, audited as the move audits them, and nothing when none is open', async () => {
    const { world, plan, report, approvers, open } = await submittedToApprovers('w', 1);
    const [, second] = approvers;
    const where = { planId: plan.id, reportId: report.id, stage: 'cell_approval', round: report.round };
    const before = (await auditOf(services.db, { reportId: report.id })).length;

    const cancelled = await cancelOpenTasks(services.db.manager, where, 'kế hoạch đã chuyển phiên bản');

    // In the assignees' username order, as the event names them.
    const byName = [
      { id: open[0].id, name: world.people.approverA.username },
      { id: open[1].id, name: second.username },
    ].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(cancelled).toEqual(byName.map((t) => t.id));
    for (const task of open) expect((await tasks.get(task.id, world.people.admin.id)).state).toBe('cancelled');
    const trail = await auditOf(services.db, { reportId: report.id });
    expect(trail).toHaveLength(before + 1);
    expect(trail[trail.length - 1]).toEqual(
      expect.objectContaining({
        action: 'tasks_cancelled',
        actor: 'system',
        actor_id: null,
        task_id: null,
        from_stage: 'cell_approval',
        to_stage: null,
        comment: `Hủy việc của ${byName.map((t) => t.name).join(', ')}: kế hoạch đã chuyển phiên bản`,
        data: { taskIds: byName.map((t) => t.id), round: report.round },
      }),
    );

    expect(await cancelOpenTasks(services.db.manager, where)).toEqual([]);
    expect(await auditOf(services.db, { reportId: report.id })).toHaveLength(before + 1);
    // A plan-level round (no report) with nothing open: nothing cancelled, nothing recorded.
    const planEvents = (await auditOf(services.db, { planId: plan.id })).length;
    expect(await cancelOpenTasks(services.db.manager, { planId: plan.id, reportId: null, stage: 'root_approval', round: 1 })).toEqual([]);
    expect(await auditOf(services.db, { planId: plan.id })).toHaveLength(planEvents);
  });
});
