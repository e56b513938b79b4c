/**
 * The shared test kit: bounded polling, a real SMTP sink, and the engine's built processes. These
 * load no engine module, so any test (e2e, browser, faults, service) can import them from here.
 * The helpers that start parts of the engine inside the test process import it by path:
 * `kit/in-process-engine` (worker contexts, a crash, the API's listener), `kit/web-engine` (the
 * engine serving the built web app) and `kit/database` (a schema of its own, migrated).
 */
export { holdsFor, sleep, waitFor } from './poll';
export { API_CLI, API_MAIN, ensureBuilt, freePort, Proc, ROOT, WORKER_MAIN } from './processes';
export { ReceivedMail, SinkOptions, SmtpSink } from './smtp-sink';
