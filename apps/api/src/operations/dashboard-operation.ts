/** What a state-changing call of the queue dashboard (bull-board) does, for the audit trail. */
export interface DashboardOperation {
  /** e.g. `pause`, `retry-all`, `clean-all`, `job.retry`, `job.remove`, `job.promote`, `scheduler.remove`. */
  operation: string;
  /** The queue it acts on; null for the calls on every queue (pause all, resume all). */
  queue: string | null;
  jobId: string | null;
  /** The job state a bulk call or a retry names (failed, completed, delayed…). */
  jobState: string | null;
  schedulerId: string | null;
}

/** Calls on one queue, by their last segments (bull-board's routes under /api/queues/:queueName/). */
const QUEUE_OPERATIONS: Record<string, string> = {
  add: 'add',
  promote: 'promote-all',
  pause: 'pause',
  resume: 'resume',
  concurrency: 'concurrency',
  'rate-limit': 'rate-limit',
  'rate-limit/release': 'rate-limit-release',
  empty: 'empty',
  obliterate: 'obliterate',
};
const BULK_BY_STATE: Record<string, string> = { retry: 'retry-all', clean: 'clean-all' };
/** Calls on one job (/api/queues/:queueName/:jobId/<op>[/:state]); `clean` removes it. */
const JOB_OPERATIONS: Record<string, string> = {
  retry: 'job.retry',
  clean: 'job.remove',
  promote: 'job.promote',
  'update-data': 'job.update-data',
  delay: 'job.delay',
  priority: 'job.priority',
  'remove-unprocessed-children': 'job.remove-unprocessed-children',
};

/**
 * Reads a call's path (below /admin/queues) the way bull-board routes it: queue-wide calls first,
 * then job schedulers, then calls on a job. A path it does not know still gets an operation
 * (`other`), so nothing that changes state goes unrecorded.
 */
export function dashboardOperation(method: string, path: string): DashboardOperation {
  const none: DashboardOperation = { operation: 'other', queue: null, jobId: null, jobState: null, schedulerId: null };
  const segments = path.split('?')[0].split('/').filter(Boolean).map(safeDecode);
  if (segments[0] !== 'api') return none;
  if (segments[1] !== 'queues') return { ...none, operation: segments.slice(1).join('/') || 'other' };
  const [, , first, ...rest] = segments;
  if (first === undefined) return none;
  if (rest.length === 0) return { ...none, operation: `${first}-all` };
  const queue = first;
  const tail = rest.join('/');
  if (QUEUE_OPERATIONS[tail]) return { ...none, queue, operation: QUEUE_OPERATIONS[tail] };
  if (rest.length === 2 && BULK_BY_STATE[rest[0]]) return { ...none, queue, operation: BULK_BY_STATE[rest[0]], jobState: rest[1] };
  if (rest[0] === 'job-schedulers' && rest[1]) {
    const action = rest[2] ?? (method.toUpperCase() === 'PATCH' ? 'update' : 'other');
    return { ...none, queue, operation: `scheduler.${action}`, schedulerId: rest[1] };
  }
  if (rest.length >= 2 && JOB_OPERATIONS[rest[1]]) return { ...none, queue, operation: JOB_OPERATIONS[rest[1]], jobId: rest[0], jobState: rest[2] ?? null };
  return { ...none, queue, operation: 'other' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
