import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  appendAuditEvents,
  delegateTaskTo,
  findTaskView,
  findUserIdByUsername,
  inTransaction,
  lockRound,
  reassignTaskTo,
  TaskEntity,
  userIdsByUsername,
} from '@app/dal';
import { alreadyInRound, assertCanDelegate, forbidden, notFound, refused, StageVote } from '@app/domain';
import { Actor } from '../common/actor';
import { noticeOfDelegation } from '../notifications/delegation-notices';
import { AccessService } from '../org/access.service';

/**
 * The same for an unknown username and for a user without the role, so that delegating cannot be
 * used to find out who has an account.
 */
export const CANNOT_TAKE = 'Không thể chuyển nhiệm vụ cho người này: người nhận phải là người dùng đang hoạt động, giữ cùng vai trò tại cùng đơn vị';
/** Delegating to a member who already holds or decided a task of the round would let one person vote twice. */
export const ALREADY_IN_ROUND =
  'Không thể chuyển nhiệm vụ cho người này: đồng chí ấy đã có nhiệm vụ hoặc đã cho ý kiến ở bước này trong vòng này; mỗi người chỉ có một ý kiến';

/**
 * Handing a task to another holder of its role at its unit: delegation by the holder, reassignment
 * of all of a person's open tasks by an administrator. A stage's rule counts distinct people, so a
 * task never goes to someone who already holds or has decided a task of the same round. The new
 * holder is told, in the inbox and by e-mail.
 */
@Injectable()
export class TaskHandover {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Hands an open task to another holder of the same role at the same unit. */
  async delegate(id: string, actor: Actor, username: string) {
    await inTransaction(this.db, async (em) => {
      const task = await em.getRepository(TaskEntity).findOneBy({ id });
      if (!task) throw notFound('Task', id);
      const round = await lockRound(em, task);
      const locked = round.find((v) => v.id === id)!;
      if (locked.assigneeId !== actor.id) throw forbidden('This task belongs to someone else');
      const target = await findUserIdByUsername(em, username);
      assertCanDelegate(locked.state, true, target?.id === locked.assigneeId);
      // An unknown username is refused with the same words as a user without the role.
      if (!target) throw refused(CANNOT_TAKE);
      const reason = await this.whyCannotTake(em, task, round, target.id);
      if (reason) throw refused(reason);
      await delegateTaskTo(em, id, target.id);
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'delegate',
          planId: task.planId,
          reportId: task.reportId,
          taskId: id,
          fromStage: task.stage,
          comment: `Chuyển cho ${username}`,
          data: { from: locked.assigneeId, to: target.id },
        },
      ]);
      await noticeOfDelegation(em, [id]);
    });
    return findTaskView(this.db, id);
  }

  /**
   * Moves every open task of one person to another holder of the same role at the same unit (a
   * person left or fell ill). Tasks the other cannot take are listed with the reason, not moved.
   */
  async reassign(fromUsername: string, toUsername: string, actor: Actor) {
    const moved = await inTransaction(this.db, async (em) => {
      const users = await userIdsByUsername(em, [fromUsername, toUsername]);
      const from = users.find((u) => u.username === fromUsername);
      const to = users.find((u) => u.username === toUsername);
      if (!from) throw notFound('User', fromUsername);
      if (!to) throw refused(`No user ${toUsername} to take the tasks`);
      if (from.id === to.id) throw refused('A person cannot take over their own tasks');
      const open: TaskEntity[] = await em.getRepository(TaskEntity).find({ where: { assigneeId: from.id, state: 'open' }, order: { id: 'ASC' } });
      const result = { moved: [] as TaskEntity[], notMoved: [] as { taskId: string; reason: string }[] };
      for (const task of open) {
        // Read again under the round's lock: earlier moves of this loop may have put `to` in the round.
        const round = await lockRound(em, task);
        const reason = round.find((v) => v.id === task.id)?.state !== 'open' ? 'Nhiệm vụ không còn mở' : await this.whyCannotTake(em, task, round, to.id);
        if (reason) {
          result.notMoved.push({ taskId: task.id, reason });
          continue;
        }
        await reassignTaskTo(em, task.id, to.id, from.id);
        result.moved.push(task);
      }
      await appendAuditEvents(em, [
        {
          actorId: actor.id,
          actor: actor.username,
          action: 'task.reassign',
          data: { from: fromUsername, to: toUsername, moved: result.moved.length, notMoved: result.notMoved },
        },
        ...result.moved.map((t) => ({
          actorId: actor.id,
          actor: actor.username,
          action: 'delegate',
          planId: t.planId,
          reportId: t.reportId,
          taskId: t.id,
          fromStage: t.stage,
          comment: `Chuyển từ ${fromUsername} sang ${toUsername}`,
          data: { from: from.id, to: to.id, reassigned: true },
        })),
      ]);
      await noticeOfDelegation(
        em,
        result.moved.map((t) => t.id),
        true,
      );
      return result;
    });
    return { from: fromUsername, to: toUsername, moved: moved.moved.length, movedTaskIds: moved.moved.map((t) => t.id), notMoved: moved.notMoved };
  }

  /** Only another holder of the task's role at its unit, not yet in the round, may take it. */
  private async whyCannotTake(em: EntityManager, task: TaskEntity, round: StageVote[], userId: string): Promise<string | null> {
    if (!(await this.access.holdsRole(userId, task.scopeUnitId, task.role, em))) return CANNOT_TAKE;
    return alreadyInRound(round, userId) ? ALREADY_IN_ROUND : null;
  }
}
