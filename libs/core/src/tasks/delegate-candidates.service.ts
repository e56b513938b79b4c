import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findTaskRound, listDelegateCandidates } from '@app/dal';
import { foldForSearch, forbidden, notFound, Position, POSITION_LABELS } from '@app/domain';
import { AccessService } from '../org/access.service';

/** People shown per search: a picker lists a few, the holder types more to narrow them. */
export const DELEGATE_CANDIDATES_MAX = 20;

export interface DelegateCandidate {
  username: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  position: Position | null;
  positionTitle: string | null;
}

/**
 * Whom a task's holder may hand it to, for a people picker: the other active holders of the task's
 * role at its unit who hold and have decided no task of its round (one voice per person). Names
 * are searched without diacritics. The holder sees only colleagues of their own unit and role,
 * whom the delegation would accept anyway.
 */
@Injectable()
export class DelegateCandidates {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async of(taskId: string, userId: string, search = ''): Promise<DelegateCandidate[]> {
    const task = await findTaskRound(this.db, taskId);
    if (!task) throw notFound('Task', taskId);
    if (task.assigneeId !== userId && !(await this.access.isAdmin(userId))) throw forbidden('This task belongs to someone else');
    const words = foldForSearch(search).split(' ').filter(Boolean);
    const rows = await listDelegateCandidates(this.db, task, words, DELEGATE_CANDIDATES_MAX);
    return rows.map((row) => ({ ...row, positionTitle: row.position ? POSITION_LABELS[row.position] : null }));
  }
}
