import { JobName } from './queues';

/** Jobs carry ids only: the processor reloads the rows and PostgreSQL decides what is true. */
export interface JobPayloads {
  [JobName.LaunchPlan]: { planId: string };
  /** A decision recorded on a task (submit, approve, return, consolidate) waiting to be applied. */
  [JobName.ApplyDecision]: { taskId: string };
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
  }
}
