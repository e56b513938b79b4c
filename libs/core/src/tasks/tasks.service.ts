import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  findRootCollectionState,
  findTaskView,
  inTransaction,
  listTaskViewsOfAssignee,
  lockTaskForDecision,
  recordTaskDecision,
  TaskForDecision,
} from '@app/dal';
import { assertCanComplete, conflict, forbidden, invalid, notFound, refused, TaskState } from '@app/domain';
import { JobName } from '@app/jobs';
import { SignerChoice } from '../adoption/signer-choice.service';
import { Actor } from '../common/actor';
import { OutboxRelay } from '../queue/outbox-relay.service';
import { AccessService } from '../org/access.service';

/** A task that reached someone who had already decided in the round (an old delegation): one voice each. */
const SECOND_DECISION = 'Đồng chí đã cho ý kiến ở bước này trong vòng này; mỗi người chỉ có một ý kiến, nhiệm vụ này cần được chuyển cho thành viên khác';

/** The reviewer's inbox: one person's turn on one report in one stage (Camunda-like semantics). */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxRelay,
    private readonly access: AccessService,
    private readonly signers: SignerChoice,
  ) {}

  async listMine(userId: string, state: TaskState) {
    return listTaskViewsOfAssignee(this.db, userId, state);
  }

  async get(id: string, userId: string) {
    const task = await findTaskView(this.db, id);
    if (!task) throw notFound('Task', id);
    if (task.assigneeId !== userId && !(await this.access.isAdmin(userId))) throw forbidden('This task belongs to someone else');
    return task;
  }

  /**
   * Records the decision on the task and queues it: 202, the worker moves the report. An approval at
   * the adopting stage may name who signs the adopted document (`signer`, checked by SignerChoice).
   */
  async complete(id: string, actor: Actor, decision: 'approve' | 'return', comment?: string, signer?: string) {
    if (signer !== undefined && decision !== 'approve') throw invalid('signer: only an approval chooses who signs');
    const job = { name: JobName.ApplyDecision, data: { taskId: id } } as const;
    const task = await inTransaction(this.db, async (em) => {
      const task = await this.lockOwnTask(em, id, actor);
      assertCanComplete({ taskState: task.state, stageKind: task.kind, decision, comment });
      if (task.decidedElsewhere) throw refused(SECOND_DECISION);
      if (task.reportId === null && task.kind === 'consolidation') await this.assertRootCollected(em, task.planId);
      const signerId = signer === undefined ? null : await this.signers.resolve(em, task, signer);
      const decided = { taskId: id, decision, comment: comment?.trim() || null, chosenSignerId: signerId };
      const audit = {
        actorId: actor.id,
        actor: actor.username,
        action: decision,
        planId: task.planId,
        reportId: task.reportId,
        taskId: id,
        fromStage: task.stage,
        comment: comment?.trim() || null,
        ...(signer === undefined ? {} : { data: { signer } }),
      };
      return { ...task, outbox: await recordTaskDecision(em, decided, audit, job) };
    });
    await this.outbox.relaySoon(task.outbox, [job]);
    return {
      id,
      reportId: task.reportId,
      stage: task.stage,
      state: 'completed',
      decision,
      comment: comment?.trim() || null,
      ...(signer === undefined ? {} : { signer }),
    };
  }

  /**
   * The working group consolidates a complete collection: every report approved, or the cut-off
   * passed with the missing listed. Its task opens only then; this guards against any other path.
   */
  private async assertRootCollected(em: EntityManager, planId: string): Promise<void> {
    const root = await findRootCollectionState(em, planId);
    if (root && root.status !== 'collecting') return;
    throw conflict(
      `The collection of ${root?.code ?? 'the root'} is not complete: the working group consolidates once every report is approved or the cut-off has passed`,
      { cutOffAt: root?.cut_off_at ?? null },
    );
  }

  private async lockOwnTask(em: EntityManager, id: string, actor: Actor): Promise<TaskForDecision> {
    const task = await lockTaskForDecision(em, id);
    if (!task) throw notFound('Task', id);
    if (task.assigneeId !== actor.id) throw forbidden('This task belongs to someone else');
    return task;
  }
}
