import { JobName } from './queues';

/** Jobs carry ids only: the processor reloads the rows and PostgreSQL decides what is true. */
export interface JobPayloads {
  [JobName.LaunchPlan]: { planId: string };
  /** A decision recorded on a task (submit, approve, return, consolidate) waiting to be applied. */
  [JobName.ApplyDecision]: { taskId: string };
  /** Decide a report's stage again after its approvers or its rule changed; `cause` names the change. */
  [JobName.ReevaluateStage]: { reportId: string; round: number; cause: string };
  [JobName.RunMigration]: { migrationId: string };
  /** `dueAt` is the due date the reminder was planned for: if the task's has moved, the job is stale. */
  [JobName.FireReminder]: { taskId: string; offset: string; dueAt: string };
  [JobName.FireEscalation]: { taskId: string; dueAt: string };
  /** `day` is the local date (yyyy-mm-dd) the digest is for; one digest per person per day. */
  [JobName.DailyDigest]: { day?: string };
  [JobName.SendEmail]: { notificationId: string };
  /** A set-password link (table password_links) whose e-mail, with a token made as it is sent, waits to go out. */
  [JobName.SendPasswordLink]: { linkId: string };
  /** The parent of a unit's flow: runs when every child report is approved or its cut-off has passed. */
  [JobName.CollectConsolidation]: { planId: string; unitId: string };
  /** Delayed until the cut-off; promoted when the report is approved by the committee above. */
  [JobName.ConsolidationChild]: { planId: string; unitId: string; reportId: string };
  /** The plan's deadlines moved: children still waiting wait for the new cut-off; `cause` names the change. */
  [JobName.RescheduleConsolidation]: { planId: string; cause: string };
  /** An org import stored in org_imports (passwords sealed): hash them, then apply it in one transaction. */
  [JobName.ImportOrg]: { importId: string };
}

export type JobOf<N extends JobName> = JobPayloads[N];

export type AnyJob = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

/** Deterministic ids: enqueuing the same work twice yields one job while the first is kept. */
export function jobIdOf(job: AnyJob): string {
  switch (job.name) {
    case JobName.LaunchPlan:
      return `launch-${job.data.planId}`;
    case JobName.ApplyDecision:
      return `decision-${job.data.taskId}`;
    case JobName.ReevaluateStage:
      return `reevaluate-${job.data.reportId}-${job.data.round}-${job.data.cause}`;
    case JobName.RunMigration:
      return `migration-${job.data.migrationId}`;
    case JobName.FireReminder:
      return `reminder-${job.data.taskId}-${job.data.offset}-${Date.parse(job.data.dueAt)}`;
    case JobName.FireEscalation:
      return `escalation-${job.data.taskId}-${Date.parse(job.data.dueAt)}`;
    case JobName.DailyDigest:
      return `digest-${job.data.day ?? 'scheduled'}`;
    case JobName.SendEmail:
      return `email-${job.data.notificationId}`;
    case JobName.SendPasswordLink:
      return `password-link-${job.data.linkId}`;
    case JobName.CollectConsolidation:
      return `collect-${job.data.planId}-${job.data.unitId}`;
    case JobName.RescheduleConsolidation:
      return `collect-reschedule-${job.data.planId}-${job.data.cause}`;
    case JobName.ConsolidationChild:
      return consolidationChildJobId(job.data.planId, job.data.reportId);
    case JobName.ImportOrg:
      return `org-import-${job.data.importId}`;
  }
}

const childIdPrefix = (planId: string) => `collect-child-${planId}-`;

/** A consolidation child job's id: by plan and report (its unit is not needed to find it). */
export function consolidationChildJobId(planId: string, reportId: string): string {
  return `${childIdPrefix(planId)}${reportId}`;
}

/** The report a consolidation child job of the plan is for, read back from its id; null for another job. */
export function reportOfConsolidationChild(planId: string, jobId: string): string | null {
  const prefix = childIdPrefix(planId);
  return jobId.startsWith(prefix) ? jobId.slice(prefix.length) : null;
}
