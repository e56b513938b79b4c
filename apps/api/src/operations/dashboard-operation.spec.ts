import { dashboardOperation } from './dashboard-operation';

describe('dashboardOperation: what a queue dashboard call does', () => {
  it.each([
    ['PUT', '/api/queues/pause', { operation: 'pause-all', queue: null }],
    ['PUT', '/api/queues/resume', { operation: 'resume-all', queue: null }],
    ['PUT', '/api/queues/transitions/pause', { operation: 'pause', queue: 'transitions' }],
    ['PUT', '/api/queues/transitions/resume', { operation: 'resume', queue: 'transitions' }],
    ['PUT', '/api/queues/reminders/empty', { operation: 'empty', queue: 'reminders' }],
    ['PUT', '/api/queues/reminders/obliterate', { operation: 'obliterate', queue: 'reminders' }],
    ['PUT', '/api/queues/reminders/promote', { operation: 'promote-all', queue: 'reminders' }],
    ['POST', '/api/queues/notifications/add', { operation: 'add', queue: 'notifications' }],
    ['PUT', '/api/queues/notifications/rate-limit/release', { operation: 'rate-limit-release', queue: 'notifications' }],
    ['PUT', '/api/queues/transitions/clean/completed', { operation: 'clean-all', queue: 'transitions', jobState: 'completed' }],
    ['PUT', '/api/queues/transitions/retry/failed', { operation: 'retry-all', queue: 'transitions', jobState: 'failed' }],
    ['PUT', '/api/queues/transitions/decision%3Aabc/retry/failed', { operation: 'job.retry', queue: 'transitions', jobId: 'decision:abc', jobState: 'failed' }],
    ['PUT', '/api/queues/reminders/reminder:t1:P1D/promote', { operation: 'job.promote', queue: 'reminders', jobId: 'reminder:t1:P1D' }],
    ['PUT', '/api/queues/reminders/42/clean', { operation: 'job.remove', queue: 'reminders', jobId: '42' }],
    ['PATCH', '/api/queues/reminders/42/update-data', { operation: 'job.update-data', queue: 'reminders', jobId: '42' }],
    ['PATCH', '/api/queues/reminders/job-schedulers/daily-digest', { operation: 'scheduler.update', queue: 'reminders', schedulerId: 'daily-digest' }],
    ['PUT', '/api/queues/reminders/job-schedulers/daily-digest/remove', { operation: 'scheduler.remove', queue: 'reminders', schedulerId: 'daily-digest' }],
    ['POST', '/api/metrics/history/purge', { operation: 'metrics/history/purge', queue: null }],
    ['PUT', '/api/queues/reminders/42/something-new', { operation: 'other', queue: 'reminders' }],
  ])('%s %s', (method, path, expected) => {
    expect(dashboardOperation(method, path)).toMatchObject(expected);
  });

  it('keeps a malformed escape as written', () => {
    expect(dashboardOperation('PUT', '/api/queues/%E0%A4%A/pause')).toMatchObject({ operation: 'pause', queue: '%E0%A4%A' });
  });
});
