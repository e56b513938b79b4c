import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { codeAndNameOfUnit, nameOfUnit, SigningTask, signingTaskById, workflowOfReport } from '@app/dal';
import { adoptionStageKey, chooseSigner, forbidden, notFound, POSITION_LABELS, refused, ROOT_APPROVAL_STAGE } from '@app/domain';
import { AccessService } from '../org/access.service';
import { signingHoldersOf } from '../positions/signing-holders';
import { WorkflowsService } from '../workflows/workflows.service';

/**
 * The adopting committee chooses who signs its document: an approver of the adopting stage (or a
 * member of the Standing Committee approving the root's report) may name, with their approval, the
 * unit's Bí thư or a Phó Bí thư (who then signs K/T). The latest choice made before the adoption wins
 * (AdoptionRecorder); without any, the Bí thư signs.
 */
@Injectable()
export class SignerChoice {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly access: AccessService,
  ) {}

  /** The user id of `username` if they may be chosen on this task, else a 422 saying why. */
  async resolve(em: EntityManager, task: SigningTask, username: string): Promise<string> {
    if (!(await this.adoptsAt(em, task))) throw refused('Chỉ chọn người ký khi cho ý kiến ở bước thông qua báo cáo');
    const holders = await signingHoldersOf(em, task.scopeUnitId);
    const holder = holders.find((h) => h.username === username);
    if (holder) return holder.userId;
    const unitName = await nameOfUnit(em, task.scopeUnitId);
    throw refused(`${username} không giữ chức vụ ${POSITION_LABELS.bi_thu} hoặc ${POSITION_LABELS.pho_bi_thu} của ${unitName ?? 'đơn vị'}`, {
      signers: holders.map((h) => h.username),
    });
  }

  /** For the task's holder (or an administrator): whether it chooses a signer, whom it may choose, and who signs by default. */
  async candidates(taskId: string, userId: string) {
    const task = await signingTaskById(this.db, taskId);
    if (!task) throw notFound('Task', taskId);
    if (task.assigneeId !== userId && !(await this.access.isAdmin(userId))) throw forbidden('This task belongs to someone else');
    const unit = (await codeAndNameOfUnit(this.db, task.scopeUnitId))!;
    const adopting = await this.adoptsAt(this.db.manager, task);
    const holders = adopting ? await signingHoldersOf(this.db.manager, task.scopeUnitId) : [];
    const byDefault = chooseSigner(holders, null);
    return {
      adopting,
      unitCode: unit.code,
      unitName: unit.name,
      signers: holders.map((h) => ({ username: h.username, fullName: h.fullName, position: h.position, title: POSITION_LABELS[h.position] })),
      defaultSigner: byDefault.username,
    };
  }

  /** Whether deciding this task can adopt a report: its report's adopting stage, or the Standing Committee's approval. */
  private async adoptsAt(em: EntityManager, task: SigningTask): Promise<boolean> {
    if (task.reportId === null) return task.stage === ROOT_APPROVAL_STAGE;
    const row = await workflowOfReport(em, task.reportId);
    return adoptionStageKey(await this.workflows.get(row.workflow_key, row.workflow_version, em)) === task.stage;
  }
}
